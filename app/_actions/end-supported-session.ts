"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeFormAction } from "@/lib/actions/safe-action";
import { clearSupportedHint } from "@/lib/support/hint-cookie";
import { endSupportedSession } from "@/lib/support/session";

/**
 * The banner's "End session" button: ends the supported session (audited) and gives the browser
 * back to the officer's own account, on the carer's support page. Allowed in a supported session
 * (it is the way out); for anyone else it only clears a stale hint cookie.
 */
export const endSupportedSessionAction = safeFormAction(
  { access: "signed-in", supportedSession: "allowed", schema: z.object({}) },
  async (_input, { viewer }) => {
    const ended = await endSupportedSession(viewer, "ended");
    await clearSupportedHint();
    redirect(ended ? `/support/${ended.personId}?ended=1` : "/dashboard");
  },
);
