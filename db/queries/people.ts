import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, type Tx } from "../client";
import { dialect as d, first, one } from "../dialect";
import { people, schemes, sessions, type Role } from "../tables";

export type PersonRow = typeof people.$inferSelect;

export async function findPersonByEmail(email: string, db: DbOrTx = reader()): Promise<PersonRow | undefined> {
  return first(await db.select().from(people).where(eq(people.email, email.toLowerCase())).limit(1));
}

export async function findPersonById(id: number, db: DbOrTx = reader()): Promise<PersonRow | undefined> {
  return first(await db.select().from(people).where(eq(people.id, id)).limit(1));
}

/** Inserts a person unless the email address already has an account (people.email is unique): undefined then. */
export async function insertPersonUnlessEmailTaken(
  values: { name: string; email: string; role: Role; schemeId: number | null; intakeId?: number | null; passwordHash?: string | null },
  tx?: Tx,
): Promise<PersonRow | undefined> {
  return await onWriter(tx, async (db) => {
    return first(await db
      .insert(people)
      .values({ ...values, email: values.email.toLowerCase() })
      // Any conflict: email is the only unique key an insert can repeat.
      .onConflictDoNothing()
      .returning());
  });
}

export async function insertPerson(
  values: { name: string; email: string; role: Role; schemeId: number | null; intakeId?: number | null; passwordHash?: string | null },
  tx?: Tx,
): Promise<PersonRow> {
  return await onWriter(tx, async (db) => {
    return one(await db
      .insert(people)
      .values({ ...values, email: values.email.toLowerCase() })
      .returning());
  });
}

export async function listTrainersOfScheme(schemeId: number, db: DbOrTx = reader()) {
  return await db
    .select()
    .from(people)
    .where(and(eq(people.schemeId, schemeId), eq(people.role, "trainer"), eq(people.active, true)));
}

export async function setPersonActive(id: number, active: boolean, at: Date, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.update(people)
      .set({ active, deactivatedAt: active ? null : at })
      .where(eq(people.id, id));
  });
}

export async function findScheme(id: number, db: DbOrTx = reader()) {
  return first(await db.select().from(schemes).where(eq(schemes.id, id)).limit(1));
}

export async function findSchemeByName(name: string, db: DbOrTx = reader()) {
  return first(await db.select().from(schemes).where(eq(schemes.name, name)).limit(1));
}

export async function insertScheme(name: string, tx?: Tx) {
  return await onWriter(tx, async (db) => {
    return one(await db.insert(schemes).values({ name }).returning());
  });
}

export async function listSchemes(db: DbOrTx = reader()) {
  return await db
    .select({
      id: schemes.id,
      name: schemes.name,
      people: sql<number>`(select ${d.count()} from people p where p.scheme_id = ${schemes.id})`.mapWith(d.toNumber),
      trainers: sql<number>`(select ${d.count()} from people p where p.scheme_id = ${schemes.id} and p.role = 'trainer')`.mapWith(d.toNumber),
    })
    .from(schemes)
    .orderBy(asc(schemes.name));
}

export async function peopleByIds(ids: number[], db: DbOrTx = reader()) {
  if (ids.length === 0) return [];
  return await db.select().from(people).where(inArray(people.id, ids));
}

export async function revokeSessionsOfPerson(personId: number, at: Date, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.personId, personId), sql`${sessions.revokedAt} is null`));
  });
}
