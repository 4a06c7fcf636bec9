"use server";
import { signOut } from "@/lib/auth/config";

/** Ends the session on the server (events.signOut revokes its row) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signed-out" });
}
