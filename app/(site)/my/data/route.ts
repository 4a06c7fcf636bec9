// "Download all my data": everything the site holds about the signed-in person, as a JSON file.
import { getViewer } from "@/lib/auth/viewer";
import { seeOther } from "@/lib/form-post";
import { personDataFile } from "@/lib/trainer/data-export";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return seeOther(`/sign-in?next=${encodeURIComponent("/my/data")}`);
  const file = await personDataFile(viewer, viewer.personId);
  return new Response(file.json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
