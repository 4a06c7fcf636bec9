// A subject access request: everything held about one person in the trainer's scheme, as JSON.
import { z } from "zod";
import { idText, routeHandler } from "@/lib/actions/route-handler";
import { personDataFile } from "@/lib/trainer/data-export";

export const dynamic = "force-dynamic";

export const GET = routeHandler(
  {
    access: ["trainer", "admin"],
    params: z.object({ personId: idText }),
    signInReturn: ({ personId }) => `/trainer/people/${personId}`,
    forbidden: "You do not have access to this person's data.",
    notFound: "There is no such person.",
  },
  async ({ viewer, params }) => {
    const file = await personDataFile(viewer, params.personId);
    return new Response(file.json, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
