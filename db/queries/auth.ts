import "server-only";
// Sessions, sign-in attempts, sign-in links and invitations: the tables behind signing in.
import { type Placeholder, and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { type Db, type DbOrTx, getDb } from "../client";
import { dialect as d } from "../dialect";
import { prepared } from "../prepared";
import { invitations, people, sessions, signInAttempts, signInLinks, type Role } from "../schema";

export function insertSession(values: { id: string; personId: number; createdAt: Date; expiresAt: Date }, db: DbOrTx = getDb()): void {
  db.insert(sessions).values(values).run();
}

/**
 * The live session and its person, or undefined when revoked, expired or the person is inactive.
 * Every signed-in request runs it: prepared once per connection (db/prepared.ts).
 */
export function findLiveSession(id: string, at: Date, db: Db = getDb()) {
  return prepared(db, "live_session", (c) => liveSessionQuery(c, sql.placeholder("id"), sql.placeholder("at")).prepare()).get({ id, at: at.getTime() });
}

function liveSessionQuery(db: Db, id: Placeholder, at: Placeholder) {
  return db
    .select({
      sessionId: sessions.id,
      personId: people.id,
      name: people.name,
      email: people.email,
      role: people.role,
      schemeId: people.schemeId,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, at), eq(people.active, true)));
}

export function revokeSession(id: string, at: Date, db: DbOrTx = getDb()): void {
  db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt))).run();
}

export function recordSignInAttempt(email: string, at: Date, succeeded: boolean, db: DbOrTx = getDb()): void {
  db.insert(signInAttempts).values({ email, at, succeeded }).run();
}

export function recentFailureTimes(email: string, since: Date, db: DbOrTx = getDb()): number[] {
  return db
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)))
    .orderBy(desc(signInAttempts.at))
    .limit(50)
    .all()
    .map((r) => r.at.getTime());
}

export function insertSignInLink(values: { tokenHash: string; personId: number; createdAt: Date; expiresAt: Date }, db: DbOrTx = getDb()): void {
  db.insert(signInLinks).values(values).run();
}

export function countRecentLinks(personId: number, since: Date, db: DbOrTx = getDb()): number {
  return (
    db
      .select({ n: sql<number>`${d.count()}`.mapWith(d.toNumber) })
      .from(signInLinks)
      .where(and(eq(signInLinks.personId, personId), gt(signInLinks.createdAt, since)))
      .get()?.n ?? 0
  );
}

export function findSignInLink(tokenHash: string, db: DbOrTx = getDb()) {
  return db.select().from(signInLinks).where(eq(signInLinks.tokenHash, tokenHash)).get();
}

/** Marks a link used; returns false when it was already used (so it works once, even under a race). */
export function markSignInLinkUsed(id: number, at: Date, db: DbOrTx = getDb()): boolean {
  return (
    d.changes(
      db
        .update(signInLinks)
        .set({ usedAt: at })
        .where(and(eq(signInLinks.id, id), isNull(signInLinks.usedAt)))
        .run(),
    ) === 1
  );
}

export function insertInvitation(
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
  db: DbOrTx = getDb(),
) {
  return db
    .insert(invitations)
    .values({ ...values, email: values.email.toLowerCase() })
    .returning()
    .get();
}

export function findInvitationByTokenHash(tokenHash: string, db: DbOrTx = getDb()) {
  return db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).get();
}

export function markInvitationUsed(id: number, personId: number, at: Date, db: DbOrTx = getDb()): boolean {
  return (
    d.changes(
      db
        .update(invitations)
        .set({ usedAt: at, personId })
        .where(and(eq(invitations.id, id), isNull(invitations.usedAt)))
        .run(),
    ) === 1
  );
}

export function listOpenInvitations(schemeId: number, at: Date, db: DbOrTx = getDb()) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(and(eq(invitations.schemeId, schemeId), isNull(invitations.usedAt), gt(invitations.expiresAt, at)))
    .orderBy(desc(invitations.createdAt))
    .all();
}
