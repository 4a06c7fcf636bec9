import "server-only";
// Sessions, sign-in attempts, sign-in links and invitations: the tables behind signing in.
import { type Placeholder, and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, type Tx } from "../client";
import { dialect as d, first, one } from "../dialect";
import { prepared } from "../prepared";
import { aliasTable, invitations, people, sessions, signInAttempts, signInLinks, supportedSessions, type Role } from "../tables";

export async function insertSession(values: { id: string; personId: number; createdAt: Date; expiresAt: Date }, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.insert(sessions).values(values);
  });
}

/**
 * The live session and its person, or undefined when revoked, expired or the person is inactive;
 * with the supported session open on it, if any, and that session's carer (lib/support/). Every
 * signed-in request runs it: prepared once per connection (db/prepared.ts). The supported session
 * costs one left join on its one-open-per-session index.
 */
export async function findLiveSession(id: string, at: Date, db: DbOrTx = reader()) {
  const statement = prepared(db, "live_session", (c) => liveSessionQuery(c, sql.placeholder("id"), sql.placeholder("at")).prepare());
  return first(await statement.execute({ id, at: d.timeValue(at) }));
}

function liveSessionQuery(db: DbOrTx, id: Placeholder, at: Placeholder) {
  const carer = aliasTable(people, "carer");
  return db
    .select({
      sessionId: sessions.id,
      personId: people.id,
      name: people.name,
      email: people.email,
      role: people.role,
      schemeId: people.schemeId,
      supportedSessionId: supportedSessions.id,
      supportedLastActiveAt: supportedSessions.lastActiveAt,
      carerId: carer.id,
      carerName: carer.name,
      carerEmail: carer.email,
      carerRole: carer.role,
      carerSchemeId: carer.schemeId,
      carerActive: carer.active,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(supportedSessions, and(eq(supportedSessions.sessionId, sessions.id), isNull(supportedSessions.endedAt)))
    .leftJoin(carer, eq(carer.id, supportedSessions.personId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, at), eq(people.active, true)));
}

export async function revokeSession(id: string, at: Date, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  });
}

export async function recordSignInAttempt(email: string, at: Date, succeeded: boolean, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.insert(signInAttempts).values({ email, at, succeeded });
  });
}

export async function recentFailureTimes(email: string, since: Date, db: DbOrTx = reader()): Promise<number[]> {
  return (await db
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)))
    .orderBy(desc(signInAttempts.at))
    .limit(50))
    .map((r) => r.at.getTime());
}

export async function insertSignInLink(values: { tokenHash: string; personId: number; createdAt: Date; expiresAt: Date }, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.insert(signInLinks).values(values);
  });
}

export async function countRecentLinks(personId: number, since: Date, db: DbOrTx = reader()): Promise<number> {
  return (
    first(await db
      .select({ n: sql<number>`${d.count()}`.mapWith(d.toNumber) })
      .from(signInLinks)
      .where(and(eq(signInLinks.personId, personId), gt(signInLinks.createdAt, since))))?.n ?? 0);
}

export async function findSignInLink(tokenHash: string, db: DbOrTx = reader()) {
  return first(await db.select().from(signInLinks).where(eq(signInLinks.tokenHash, tokenHash)).limit(1));
}

/** Marks a link used; returns false when it was already used (so it works once, even under a race). */
export async function markSignInLinkUsed(id: number, at: Date, tx?: Tx): Promise<boolean> {
  return await onWriter(tx, async (db) => {
    return (
      d.changes(
        await db
          .update(signInLinks)
          .set({ usedAt: at })
          .where(and(eq(signInLinks.id, id), isNull(signInLinks.usedAt))),
      ) === 1
    );
  });
}

export async function insertInvitation(
  values: {
    tokenHash: string;
    email: string;
    name?: string | null;
    role: Role;
    schemeId: number;
    intakeId?: number | null;
    invitedBy: number | null;
    expiresAt: Date;
  },
  tx?: Tx,
) {
  return await onWriter(tx, async (db) => {
    return one(await db
      .insert(invitations)
      .values({ ...values, email: values.email.toLowerCase() })
      .returning());
  });
}

export async function findInvitationByTokenHash(tokenHash: string, db: DbOrTx = reader()) {
  return first(await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).limit(1));
}

export async function markInvitationUsed(id: number, personId: number, at: Date, tx?: Tx): Promise<boolean> {
  return await onWriter(tx, async (db) => {
    return (
      d.changes(
        await db
          .update(invitations)
          .set({ usedAt: at, personId })
          .where(and(eq(invitations.id, id), isNull(invitations.usedAt))),
      ) === 1
    );
  });
}

export async function listOpenInvitations(schemeId: number, at: Date, db: DbOrTx = reader()) {
  return await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(and(eq(invitations.schemeId, schemeId), isNull(invitations.usedAt), gt(invitations.expiresAt, at)))
    .orderBy(desc(invitations.createdAt));
}
