import "server-only";
// Recruitment intakes (cohorts) and who is in them.
import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, type Tx } from "../client";
import { dialect as d, first, one } from "../dialect";
import { intakes, invitations, people } from "../tables";

export type IntakeRow = typeof intakes.$inferSelect;

export async function insertIntake(values: { schemeId: number; name: string; startDate: string; createdBy: number | null }, tx?: Tx): Promise<IntakeRow> {
  return await onWriter(tx, async (db) => {
    return one(await db.insert(intakes).values(values).returning());
  });
}

export async function findIntake(id: number, db: DbOrTx = reader()): Promise<IntakeRow | undefined> {
  return first(await db.select().from(intakes).where(eq(intakes.id, id)).limit(1));
}

export async function findIntakeByName(schemeId: number, name: string, db: DbOrTx = reader()): Promise<IntakeRow | undefined> {
  return first(await db
    .select()
    .from(intakes)
    .where(and(eq(intakes.schemeId, schemeId), sql`${d.noCase(sql`${intakes.name}`)} = ${d.noCase(sql`${name}`)}`))
    .limit(1));
}

/** The scheme's intakes, newest start first, with how many people and open invitations each has. */
export async function listIntakes(schemeId: number, at: Date, db: DbOrTx = reader()) {
  return await db
    .select({
      id: intakes.id,
      name: intakes.name,
      startDate: intakes.startDate,
      people: sql<number>`(select ${d.count()} from people p where p.intake_id = ${intakes.id})`.mapWith(d.toNumber),
      openInvitations: sql<number>`(select ${d.count()} from invitations i where i.intake_id = ${intakes.id} and i.used_at is null and i.expires_at > ${d.epochMs(at.getTime())})`.mapWith(d.toNumber),
    })
    .from(intakes)
    .where(eq(intakes.schemeId, schemeId))
    .orderBy(desc(intakes.startDate), desc(intakes.id));
}

export async function peopleInIntake(intakeId: number, db: DbOrTx = reader()) {
  return await db
    .select({ id: people.id, name: people.name, email: people.email, role: people.role, active: people.active })
    .from(people)
    .where(eq(people.intakeId, intakeId))
    .orderBy(asc(people.name));
}

export async function openInvitationsOfIntake(intakeId: number, at: Date, db: DbOrTx = reader()) {
  return await db
    .select({ id: invitations.id, email: invitations.email, name: invitations.name, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.intakeId, intakeId), isNull(invitations.usedAt), gt(invitations.expiresAt, at)))
    .orderBy(asc(invitations.email));
}

/** Of these (lower-case) addresses, those with an invitation in this scheme still open at `at`. */
export async function emailsWithOpenInvitation(schemeId: number, emails: string[], at: Date, db: DbOrTx = reader()): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const found = new Set<string>();
  for (let i = 0; i < emails.length; i += 500) {
    const chunk = emails.slice(i, i + 500);
    for (const row of await db
      .select({ email: invitations.email })
      .from(invitations)
      .where(and(eq(invitations.schemeId, schemeId), inArray(invitations.email, chunk), isNull(invitations.usedAt), gt(invitations.expiresAt, at))))
      found.add(row.email);
  }
  return found;
}

/** Of these (lower-case) addresses, those that already belong to an account (in any scheme). */
export async function emailsWithAccount(emails: string[], db: DbOrTx = reader()): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < emails.length; i += 500) {
    const chunk = emails.slice(i, i + 500);
    for (const row of await db.select({ email: people.email }).from(people).where(inArray(people.email, chunk))) found.add(row.email);
  }
  return found;
}

export async function setPersonIntake(personId: number, intakeId: number | null, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.update(people).set({ intakeId }).where(eq(people.id, personId));
  });
}
