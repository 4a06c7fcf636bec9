import { getViewer } from "@/lib/auth/viewer";
import { refresherFor } from "@/lib/certificates/access";
import { refresherIcs } from "@/lib/calendar";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

// The signed-in person's refresher due date as a calendar file, to add to their phone's calendar.
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return new Response(null, { status: 303, headers: { Location: "/sign-in?next=%2Fmy" } });
  const { certificate, state } = await refresherFor(viewer, viewer.personId);
  if (!certificate || !state.dueOn) {
    return text("You do not have a certificate yet, so there is no refresher date to add to your calendar. Finish the training first.", 404);
  }
  const site = env().siteUrl;
  const ics = refresherIcs({
    dueOn: state.dueOn,
    name: certificate.courseTitle,
    url: `${site}/my`,
    uid: `refresher-${viewer.personId}@${new URL(site).host}`,
    stamp: now(),
  });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="refresher-due-${state.dueOn}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
