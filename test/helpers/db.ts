// A fresh, migrated in-memory database for each test that needs one, made the process-wide one.
import { rawConnection } from "@/db/raw";
import { type Db, openDatabase, useDatabase } from "@/db/client";
import { insertPerson, insertScheme } from "@/db/queries/people";
import type { Role } from "@/db/schema";
import type { Viewer } from "@/lib/access";

export async function freshDatabase(): Promise<Db> {
  const db = openDatabase(":memory:");
  useDatabase(db);
  return db;
}

let counter = 0;

export async function makeScheme(name = `Scheme ${++counter}`) {
  return await insertScheme(name);
}

export async function makePerson(role: Role, schemeId: number | null, overrides: { name?: string; email?: string; passwordHash?: string } = {}) {
  const n = ++counter;
  return await insertPerson({
    name: overrides.name ?? `${role} ${n}`,
    email: overrides.email ?? `${role}${n}@test.example`,
    role,
    schemeId,
    passwordHash: overrides.passwordHash ?? null,
  });
}

export function viewerOf(person: { id: number; name: string; email: string; role: Role; schemeId: number | null }): Viewer {
  return { personId: person.id, name: person.name, email: person.email, role: person.role, schemeId: person.schemeId, sessionId: "test" };
}

/** Every table's row count, to prove a refused request changed nothing. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = rawConnection(db)
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (rawConnection(db).prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
}
