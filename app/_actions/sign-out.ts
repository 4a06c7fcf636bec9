"use server";
import { z } from "zod";
import { safeFormAction } from "@/lib/actions/safe-action";
import { signOut } from "@/lib/auth/config";
import { endSupportedSession } from "@/lib/support/session";

/**
 * Ends the session on the server (events.signOut revokes its row) and clears the cookie. Public:
 * someone whose session has already ended must still be able to clear their cookie. In a supported
 * session it ends that first (audited), so nothing is left open on the officer's device.
 */
export const signOutAction = safeFormAction({ access: "public", supportedSession: "allowed", schema: z.object({}) }, async (_input, { viewer }) => {
  if (viewer?.supportedBy) await endSupportedSession(viewer, "signed-out");
  await signOut({ redirectTo: "/signed-out" });
});
