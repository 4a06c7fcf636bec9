// The rules of a supported session, as pure functions: when it ends by itself, when its "last
// active" time is written, and what a request finds when it reads the session row.
import { type SupportablePerson, type Viewer, canSupport } from "../access";

/** A supported session left this long without a request ends by itself (the officer's own account comes back). */
export const SUPPORTED_SESSION_IDLE_MINUTES = 30;
export const SUPPORTED_SESSION_IDLE_MS = SUPPORTED_SESSION_IDLE_MINUTES * 60_000;

/**
 * The last-active time is written at most once a minute, not on every request: a page view then
 * costs no write. So a session ends after 29 to 30 minutes without use, never later.
 */
export const ACTIVITY_WRITE_EVERY_MS = 60_000;

/** True once the session has been idle for the whole idle time. */
export function idleExpired(lastActiveAt: Date, at: Date): boolean {
  return at.getTime() - lastActiveAt.getTime() >= SUPPORTED_SESSION_IDLE_MS;
}

/** True when the last-active time is old enough to be written again. */
export function activityWriteDue(lastActiveAt: Date, at: Date): boolean {
  return at.getTime() - lastActiveAt.getTime() >= ACTIVITY_WRITE_EVERY_MS;
}

/** What a request found: the officer and, if one is open on their session, the supported session. */
export type SessionFacts = {
  officer: Viewer;
  supported: { id: number; lastActiveAt: Date; person: SupportablePerson & { name: string; email: string } } | null;
};

export type SupportedDecision =
  | { kind: "none" }
  | { kind: "active"; writeActivity: boolean }
  | { kind: "end"; reason: "expired" | "not-allowed" };

/**
 * Whether the open supported session still stands. It ends by itself when idle too long, and when
 * the officer could no longer start it (the carer was deactivated or moved scheme, the officer's
 * role changed): what was allowed at the start must still be allowed on every request.
 */
export function decideSupportedSession(facts: SessionFacts, at: Date): SupportedDecision {
  if (!facts.supported) return { kind: "none" };
  if (idleExpired(facts.supported.lastActiveAt, at)) return { kind: "end", reason: "expired" };
  if (!canSupport(facts.officer, facts.supported.person)) return { kind: "end", reason: "not-allowed" };
  return { kind: "active", writeActivity: activityWriteDue(facts.supported.lastActiveAt, at) };
}

/** The viewer a supported session gives: the carer, with the officer named. */
export function supportedViewer(facts: SessionFacts & { supported: NonNullable<SessionFacts["supported"]> }): Viewer {
  const { officer, supported } = facts;
  return {
    personId: supported.person.id,
    name: supported.person.name,
    email: supported.person.email,
    role: supported.person.role,
    schemeId: supported.person.schemeId,
    sessionId: officer.sessionId,
    supportedBy: { officerId: officer.personId, officerName: officer.name, supportedSessionId: supported.id },
  };
}

/** Whole minutes between two moments, for the audit entry of an ended session. */
export function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
}
