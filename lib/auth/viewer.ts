import "server-only";
// Who is asking. Pages, actions and route handlers call these; they re-check the session row
// every time, so a revoked session or deactivated person is signed out on their next request.
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { type InSupportedSession, type Viewer, refusedInSupportedSession } from "../access";
import { auth } from "./config";
import { rememberSessionId, rememberedSessionId } from "./session-id-cache";
import { liveSession } from "./sessions";
import { SUPPORTED_SESSION_NO_ACCESS_PATH, showNoAccess } from "../http-status";
import { viewerForSession } from "../support/session";

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

/**
 * Who is asking: the signed-in person, or in a supported session the carer (with `supportedBy`
 * naming the officer: lib/support/session.ts). Use it to show things; to let someone in, use
 * requireViewer or requireRole, which refuse a supported session unless the page allows it.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const sessionId = await sessionIdFromCookie();
  if (!sessionId) return null;
  const row = await liveSession(sessionId);
  if (!row) return null;
  const officer: Viewer = {
    personId: row.personId,
    name: row.name,
    email: row.email,
    role: row.role,
    schemeId: row.schemeId,
    sessionId: row.sessionId,
  };
  const supported =
    row.supportedSessionId !== null && row.supportedLastActiveAt !== null && row.carerId !== null
      ? {
          id: row.supportedSessionId,
          lastActiveAt: row.supportedLastActiveAt,
          person: { id: row.carerId, name: row.carerName!, email: row.carerEmail!, role: row.carerRole!, schemeId: row.carerSchemeId, active: Boolean(row.carerActive) },
        }
      : null;
  return await viewerForSession({ officer, supported });
});

export type PageAccess = {
  /** "allowed": this page is part of the course a supported session may use (default: refused). */
  supportedSession?: InSupportedSession;
};

/** The "no access" page, saying why when it is because of a supported session. */
function refuse(viewer: Viewer): never {
  if (viewer.supportedBy) redirect(SUPPORTED_SESSION_NO_ACCESS_PATH);
  showNoAccess();
}

/** The signed-in person, or a redirect to sign in (coming back to `returnTo` afterwards). */
export async function requireViewer(returnTo?: string, access: PageAccess = {}): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  if (refusedInSupportedSession(viewer, access.supportedSession)) refuse(viewer);
  return viewer;
}

/** The signed-in person if they have one of these roles; otherwise the "no access" page (403). */
export async function requireRole(roles: Role[], returnTo?: string, access: PageAccess = {}): Promise<Viewer> {
  const viewer = await requireViewer(returnTo, access);
  if (!roles.includes(viewer.role)) refuse(viewer);
  return viewer;
}
