import "server-only";
// Leavers and anonymisation. Anonymising keeps every row (so counts, attempts, completions and the
// audit trail stay) and replaces what identifies the person. The audit log is append-only and is
// not changed: entries keep the ids they name (and, for invitations, the address invited).
import { type SQL, and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, type Tx } from "../client";
import { dialect as d, first } from "../dialect";
import { certificates, invitations, moduleCompletions, outbox, people, sessions, signInAttempts } from "../tables";

export const ANONYMISED_NAME_PREFIX = "Anonymised person";
export const REMOVED = "[Removed when the person was anonymised.]";

export function anonymisedName(id: number): string {
  return `${ANONYMISED_NAME_PREFIX} ${id}`;
}

export function anonymisedEmail(id: number): string {
  return `anonymised-${id}@invalid`;
}

/** People deactivated before `cutoff` and not yet anonymised (in one scheme, or all when null). */
export async function leaversDue(cutoff: Date, schemeId: number | null, limit: number, db: DbOrTx = reader()) {
  const where: SQL[] = [eq(people.active, false), isNotNull(people.deactivatedAt), lt(people.deactivatedAt, cutoff), isNull(people.anonymisedAt)];
  if (schemeId !== null) where.push(eq(people.schemeId, schemeId));
  return await db
    .select({ id: people.id, name: people.name, email: people.email, schemeId: people.schemeId, deactivatedAt: people.deactivatedAt })
    .from(people)
    .where(and(...where))
    .orderBy(people.deactivatedAt, people.id)
    .limit(limit);
}

/** How many have left, how many of those are due for anonymisation, and how many are anonymised. */
export async function leaverCounts(schemeId: number, cutoff: Date, db: DbOrTx = reader()) {
  return (
    first(await db
      .select({
        left: sql<number>`coalesce(${d.sumInt(sql`case when ${people.active} = ${d.false} then 1 else 0 end`)}, 0)`.mapWith(d.toNumber),
        due: sql<number>`coalesce(${d.sumInt(sql`case when ${people.active} = ${d.false} and ${people.anonymisedAt} is null and ${people.deactivatedAt} < ${d.epochMs(cutoff.getTime())} then 1 else 0 end`)}, 0)`.mapWith(d.toNumber),
        anonymised: sql<number>`coalesce(${d.sumInt(sql`case when ${people.anonymisedAt} is not null then 1 else 0 end`)}, 0)`.mapWith(d.toNumber),
      })
      .from(people)
      .where(eq(people.schemeId, schemeId))) ?? { left: 0, due: 0, anonymised: 0 });
}

/** Replaces what identifies one person, everywhere but the audit log. Call inside a transaction. */
export async function anonymisePersonRows(person: { id: number; email: string }, at: Date, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    const email = anonymisedEmail(person.id);
    const oldEmail = person.email.toLowerCase();
    await db.update(people).set({ name: anonymisedName(person.id), email, passwordHash: null, anonymisedAt: at }).where(eq(people.id, person.id));
    await db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.personId, person.id), isNull(sessions.revokedAt)));
    // The certificates_immutable trigger allows exactly this change of a certificate.
    await db.update(certificates).set({ holderName: anonymisedName(person.id) }).where(eq(certificates.personId, person.id));
    await db.update(invitations)
      .set({ email, name: null })
      .where(or(eq(invitations.personId, person.id), eq(invitations.email, oldEmail)));
    await db.update(outbox)
      .set({ toAddress: email, body: REMOVED })
      .where(or(and(eq(outbox.personId, person.id), sql`${outbox.kind} <> 'trainer-digest'`), eq(outbox.toAddress, oldEmail)));
    await db.update(signInAttempts).set({ email }).where(eq(signInAttempts.email, oldEmail));
    await db.update(moduleCompletions).set({ evidence: REMOVED }).where(and(eq(moduleCompletions.personId, person.id), isNotNull(moduleCompletions.evidence)));
  });
}
