import "server-only";
// Supported sessions: an officer starts "a supported session with <carer>" on their own device, and
// from then on that browser is the carer for the course only (lib/access.ts: refusedInSupportedSession).
//
// How the switch works, and why it is safe:
// - The officer's session cookie is never replaced or copied. Starting writes one row in
//   supported_sessions naming the officer's session (sessions.id) and the carer; every request reads
//   its session row together with that open row (db/queries/auth.ts: findLiveSession) and, while it
//   stands, is the carer. So the state is in the database: every app instance sees the same thing at
//   once, nothing lives in one process's memory, and the carer needs no password or session of their own.
// - Ending marks the row ended: the same cookie is the officer's own account again on the next
//   request. Signing out ends it too. At most one is open per officer session (a unique index).
// - It ends by itself after SUPPORTED_SESSION_IDLE_MINUTES without a request (checked on every
//   request, and by the daily job for sessions nobody came back to), and as soon as the officer
//   could no longer start it. Start, end and expiry are in the audit log.
import { writeTransaction } from "@/db/client";
import { findPersonById } from "@/db/queries/people";
import {
  findSupportedSession,
  insertSupportedSessionUnlessOpen,
  markSupportedSessionEnded,
  openSupportedSessionsIdleSince,
  touchSupportedSession,
} from "@/db/queries/support";
import type { SupportedSessionEndReason } from "@/db/schema";
import { type Viewer, canSupport } from "../access";
import { audit } from "../audit";
import { now } from "../clock";
import { NotAllowed, ShownError } from "../errors";
import { type SessionFacts, SUPPORTED_SESSION_IDLE_MINUTES, SUPPORTED_SESSION_IDLE_MS, decideSupportedSession, minutesBetween, supportedViewer } from "./rules";

/** Starts a supported session with a carer on the officer's own session. NotAllowed unless canSupport. */
export async function startSupportedSession(officer: Viewer, personId: number): Promise<{ personId: number; name: string; supportedSessionId: number }> {
  const person = Number.isSafeInteger(personId) && personId > 0 ? await findPersonById(personId) : undefined;
  if (!person || !canSupport(officer, person)) throw new NotAllowed();
  const at = now();
  return await writeTransaction(async (tx) => {
    const opened = await insertSupportedSessionUnlessOpen(
      { sessionId: officer.sessionId, officerId: officer.personId, personId: person.id, schemeId: person.schemeId!, startedAt: at, lastActiveAt: at },
      tx,
    );
    // Another tab started one a moment ago (supported_sessions_one_open): that one stands.
    if (!opened) throw new ShownError("A supported session is already open in this browser. End it before you start another.", undefined, 409);
    await audit(
      { actorId: officer.personId, schemeId: person.schemeId, subjectPersonId: person.id, action: "started-supported-session", details: { supportedSessionId: opened.id } },
      tx,
    );
    return { personId: person.id, name: person.name, supportedSessionId: opened.id };
  });
}

/** Ends the supported session with its audit entry, once (a second call finds it ended and does nothing). */
async function endOnce(id: number, reason: SupportedSessionEndReason, at: Date): Promise<boolean> {
  return await writeTransaction(async (tx) => {
    const row = await findSupportedSession(id, tx);
    if (!row || !(await markSupportedSessionEnded(id, at, reason, tx))) return false;
    await audit(
      {
        actorId: row.officerId,
        schemeId: row.schemeId,
        subjectPersonId: row.personId,
        action: reason === "expired" ? "supported-session-expired" : "ended-supported-session",
        details:
          reason === "expired"
            ? { supportedSessionId: id, idleMinutes: SUPPORTED_SESSION_IDLE_MINUTES, lastActive: row.lastActiveAt.toISOString() }
            : { supportedSessionId: id, reason: END_WORDS[reason], minutes: minutesBetween(row.startedAt, at) },
      },
      tx,
    );
    return true;
  });
}

const END_WORDS: Record<SupportedSessionEndReason, string> = {
  ended: "ended by the officer",
  "signed-out": "the officer signed out",
  expired: "no use for the idle time",
  "not-allowed": "no longer allowed (the carer or officer changed)",
};

/**
 * Ends the viewer's supported session (the "End session" button, or signing out). Returns the
 * carer's id, or null when the viewer was not in one.
 */
export async function endSupportedSession(viewer: Viewer, reason: "ended" | "signed-out" = "ended"): Promise<{ personId: number } | null> {
  if (!viewer.supportedBy) return null;
  await endOnce(viewer.supportedBy.supportedSessionId, reason, now());
  return { personId: viewer.personId };
}

/**
 * The viewer for a live session row (getViewer): the officer, or the carer while a supported
 * session stands. A session found idle or no longer allowed is ended (and audited) here, and the
 * officer is given back their own account.
 */
export async function viewerForSession(facts: SessionFacts, at: Date = now()): Promise<Viewer> {
  const decision = decideSupportedSession(facts, at);
  if (decision.kind === "none" || !facts.supported) return facts.officer;
  if (decision.kind === "end") {
    await endOnce(facts.supported.id, decision.reason, at);
    return facts.officer;
  }
  if (decision.writeActivity) await touchSupportedSession(facts.supported.id, at);
  return supportedViewer({ ...facts, supported: facts.supported });
}

/** Ends, with their audit entries, supported sessions left idle (the daily job). Returns how many. */
export async function endIdleSupportedSessions(at: Date = now()): Promise<number> {
  let ended = 0;
  for (;;) {
    const batch = await openSupportedSessionsIdleSince(new Date(at.getTime() - SUPPORTED_SESSION_IDLE_MS), 200);
    for (const row of batch) if (await endOnce(row.id, "expired", at)) ended++;
    if (batch.length < 200) return ended;
  }
}
