"use server";
import { z } from "zod";
import { safeFormAction } from "@/lib/actions/safe-action";
import { signOut } from "@/lib/auth/config";

/**
 * Ends the session on the server (events.signOut revokes its row) and clears the cookie. Public:
 * someone whose session has already ended must still be able to clear their cookie.
 */
export const signOutAction = safeFormAction({ access: "public", schema: z.object({}) }, async () => {
  await signOut({ redirectTo: "/signed-out" });
});
