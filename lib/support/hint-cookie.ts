import "server-only";
// Sets and clears the supported-session hint cookie (lib/support/hint.ts) from server actions.
import { cookies } from "next/headers";
import { env } from "../env";
import { SESSION_HOURS } from "../auth/sessions";
import { SUPPORTED_HINT_COOKIE } from "./hint";

export async function setSupportedHint(): Promise<void> {
  (await cookies()).set(SUPPORTED_HINT_COOKIE, "1", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().siteUrl.startsWith("https:"),
    maxAge: SESSION_HOURS * 3600,
  });
}

export async function clearSupportedHint(): Promise<void> {
  (await cookies()).delete(SUPPORTED_HINT_COOKIE);
}
