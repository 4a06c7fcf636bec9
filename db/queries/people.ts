import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type DbOrTx, getDb } from "../client";
import { dialect as d } from "../dialect";
import { people, schemes, sessions, type Role } from "../schema";

export type PersonRow = typeof people.$inferSelect;

export function findPersonByEmail(email: string, db: DbOrTx = getDb()): PersonRow | undefined {
  return db.select().from(people).where(eq(people.email, email.toLowerCase())).get();
}

export function findPersonById(id: number, db: DbOrTx = getDb()): PersonRow | undefined {
  return db.select().from(people).where(eq(people.id, id)).get();
}

/** Inserts a person unless the email address already has an account (people.email is unique): undefined then. */
export function insertPersonUnlessEmailTaken(
  values: { name: string; email: string; role: Role; schemeId: number | null; intakeId?: number | null; passwordHash?: string | null },
  db: DbOrTx = getDb(),
): PersonRow | undefined {
  return db
    .insert(people)
    .values({ ...values, email: values.email.toLowerCase() })
    // Any conflict: email is the only unique key an insert can repeat.
    .onConflictDoNothing()
    .returning()
    .get();
}

export function insertPerson(
  values: { name: string; email: string; role: Role; schemeId: number | null; intakeId?: number | null; passwordHash?: string | null },
  db: DbOrTx = getDb(),
): PersonRow {
  return db
    .insert(people)
    .values({ ...values, email: values.email.toLowerCase() })
    .returning()
    .get();
}

export function listTrainersOfScheme(schemeId: number, db: DbOrTx = getDb()) {
  return db
    .select()
    .from(people)
    .where(and(eq(people.schemeId, schemeId), eq(people.role, "trainer"), eq(people.active, true)))
    .all();
}

export function setPersonActive(id: number, active: boolean, at: Date, db: DbOrTx = getDb()): void {
  db.update(people)
    .set({ active, deactivatedAt: active ? null : at })
    .where(eq(people.id, id))
    .run();
}

export function findScheme(id: number, db: DbOrTx = getDb()) {
  return db.select().from(schemes).where(eq(schemes.id, id)).get();
}

export function findSchemeByName(name: string, db: DbOrTx = getDb()) {
  return db.select().from(schemes).where(eq(schemes.name, name)).get();
}

export function insertScheme(name: string, db: DbOrTx = getDb()) {
  return db.insert(schemes).values({ name }).returning().get();
}

export function listSchemes(db: DbOrTx = getDb()) {
  return db
    .select({
      id: schemes.id,
      name: schemes.name,
      people: sql<number>`(select ${d.count()} from people p where p.scheme_id = ${schemes.id})`.mapWith(d.toNumber),
      trainers: sql<number>`(select ${d.count()} from people p where p.scheme_id = ${schemes.id} and p.role = 'trainer')`.mapWith(d.toNumber),
    })
    .from(schemes)
    .orderBy(asc(schemes.name))
    .all();
}

export function peopleByIds(ids: number[], db: DbOrTx = getDb()) {
  if (ids.length === 0) return [];
  return db.select().from(people).where(inArray(people.id, ids)).all();
}

export function revokeSessionsOfPerson(personId: number, at: Date, db: DbOrTx = getDb()): void {
  db.update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.personId, personId), sql`${sessions.revokedAt} is null`))
    .run();
}
