import "server-only";
// Who is asking. Pages, actions and route handlers call these; they re-check the session row
// every time, so a revoked session or deactivated person is signed out on their next request.
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import type { Viewer } from "../access";
import { auth } from "./config";
import { rememberSessionId, rememberedSessionId } from "./session-id-cache";
import { liveSession } from "./sessions";
import { showNoAccess } from "../http-status";

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

async function sessionIdFromCookie(): Promise<string | null> {
  const jar = await cookies();
  const cookie = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!cookie) return null;
  const remembered = rememberedSessionId(cookie);
  if (remembered) return remembered;
  const session = (await auth()) as { sid?: string } | null;
  if (!session?.sid) return null;
  rememberSessionId(cookie, session.sid);
  return session.sid;
}

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const sessionId = await sessionIdFromCookie();
  if (!sessionId) return null;
  const row = await liveSession(sessionId);
  if (!row) return null;
  return {
    personId: row.personId,
    name: row.name,
    email: row.email,
    role: row.role,
    schemeId: row.schemeId,
    sessionId: row.sessionId,
  };
});

/** The signed-in person, or a redirect to sign in (coming back to `returnTo` afterwards). */
export async function requireViewer(returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  return viewer;
}

/** The signed-in person if they have one of these roles; otherwise the "no access" page (403). */
export async function requireRole(roles: Role[], returnTo?: string): Promise<Viewer> {
  const viewer = await requireViewer(returnTo);
  if (!roles.includes(viewer.role)) showNoAccess();
  return viewer;
}
