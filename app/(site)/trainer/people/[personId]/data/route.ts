// A subject access request: everything held about one person in the trainer's scheme, as JSON.
import { getViewer } from "@/lib/auth/viewer";
import { plainText, seeOther } from "@/lib/form-post";
import { personDataFile } from "@/lib/trainer/data-export";
import { NotAllowed, parseId } from "@/lib/trainer/scope";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ personId: string }> }): Promise<Response> {
  const { personId } = await params;
  const viewer = await getViewer();
  if (!viewer) return seeOther(`/sign-in?next=${encodeURIComponent(`/trainer/people/${personId}`)}`);
  const id = parseId(personId);
  if (id === null || (viewer.role !== "trainer" && viewer.role !== "admin")) return plainText(403, "You do not have access to this person's data.");
  try {
    const file = await personDataFile(viewer, id);
    return new Response(file.json, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotAllowed) return plainText(403, "You do not have access to this person's data.");
    throw error;
  }
}
