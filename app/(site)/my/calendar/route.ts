import { routeHandler } from "@/lib/actions/route-handler";
import { refresherFor } from "@/lib/certificates/access";
import { refresherIcs } from "@/lib/calendar";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { plainText } from "@/lib/form-post";

// The signed-in person's refresher due date as a calendar file, to add to their phone's calendar.
export const GET = routeHandler({ access: "signed-in", signInReturn: () => "/my" }, async ({ viewer }) => {
  const { certificate, state } = await refresherFor(viewer, viewer.personId);
  if (!certificate || !state.dueOn) {
    return plainText(404, "You do not have a certificate yet, so there is no refresher date to add to your calendar. Finish the training first.");
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
});
