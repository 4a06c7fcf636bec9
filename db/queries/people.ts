import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, type Tx } from "../client";
import { dialect as d } from "../dialect";
import { people, schemes, sessions, type Role } from "../schema";

export type PersonRow = typeof people.$inferSelect;

export async function findPersonByEmail(email: string, db: DbOrTx = reader()): Promise<PersonRow | undefined> {
  return db.select().from(people).where(eq(people.email, email.toLowerCase())).get();
}

export async function findPersonById(id: number, db: DbOrTx = reader()): Promise<PersonRow | undefined> {
  return db.select().from(people).where(eq(people.id, id)).get();
}

/** Inserts a person unless the email address already has an account (people.email is unique): undefined then. */
export async function insertPersonUnlessEmailTaken(
  values: { name: string; email: string; role: Role; schemeId: number | null; intakeId?: number | null; passwordHash?: string | null },
  tx?: Tx,
): Promise<PersonRow | undefined> {
  return await onWriter(tx, (db) => {
    return db
      .insert(people)
      .values({ ...values, email: values.email.toLowerCase() })
      // Any conflict: email is the only unique key an insert can repeat.
      .onConflictDoNothing()
      .returning()
      .get();
  });
}

export async function insertPerson(
  values: { name: string; email: string; role: Role; schemeId: number | null; intakeId?: number | null; passwordHash?: string | null },
  tx?: Tx,
): Promise<PersonRow> {
  return await onWriter(tx, (db) => {
    return db
      .insert(people)
      .values({ ...values, email: values.email.toLowerCase() })
      .returning()
      .get();
  });
}

export async function listTrainersOfScheme(schemeId: number, db: DbOrTx = reader()) {
  return db
    .select()
    .from(people)
    .where(and(eq(people.schemeId, schemeId), eq(people.role, "trainer"), eq(people.active, true)))
    .all();
}

export async function setPersonActive(id: number, active: boolean, at: Date, tx?: Tx): Promise<void> {
  return await onWriter(tx, (db) => {
    db.update(people)
      .set({ active, deactivatedAt: active ? null : at })
      .where(eq(people.id, id))
      .run();
  });
}

export async function findScheme(id: number, db: DbOrTx = reader()) {
  return db.select().from(schemes).where(eq(schemes.id, id)).get();
}

export async function findSchemeByName(name: string, db: DbOrTx = reader()) {
  return db.select().from(schemes).where(eq(schemes.name, name)).get();
}

export async function insertScheme(name: string, tx?: Tx) {
  return await onWriter(tx, (db) => {
    return db.insert(schemes).values({ name }).returning().get();
  });
}

export async function listSchemes(db: DbOrTx = reader()) {
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

export async function peopleByIds(ids: number[], db: DbOrTx = reader()) {
  if (ids.length === 0) return [];
  return db.select().from(people).where(inArray(people.id, ids)).all();
}

export async function revokeSessionsOfPerson(personId: number, at: Date, tx?: Tx): Promise<void> {
  return await onWriter(tx, (db) => {
    db.update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.personId, personId), sql`${sessions.revokedAt} is null`))
      .run();
  });
}
