// "Download all my data": everything the site holds about the signed-in person, as a JSON file.
import { routeHandler } from "@/lib/actions/route-handler";
import { personDataFile } from "@/lib/trainer/data-export";

export const dynamic = "force-dynamic";

export const GET = routeHandler({ access: "signed-in", signInReturn: () => "/my/data" }, async ({ viewer }) => {
  const file = await personDataFile(viewer, viewer.personId);
  return new Response(file.json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
