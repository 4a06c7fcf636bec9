// A fresh, migrated database for each test that needs one, made the process-wide one: in memory on
// SQLite (the default), or on PostgreSQL when the suite runs with TEST_ENGINE=postgres, a database
// of its own copied from the run's migrated template (test/pg-global-setup.ts).
import { afterAll, inject } from "vitest";
import { sqlRun } from "@/db/raw-sql";
import pg from "pg";
import { type Db, openDatabase, openPostgres, useDatabase } from "@/db/client";
import { buildPgPoolOptions } from "@/db/pg-connection-options";
import { tableRowCounts } from "@/db/raw-sql";
import { insertPerson, insertScheme } from "@/db/queries/people";
import type { Role } from "@/db/schema";
import type { Viewer } from "@/lib/access";
import { withDatabase } from "./pg";

/** The engine this run of the suite tests. */
export const testEngine: "sqlite" | "postgres" = process.env.TEST_ENGINE === "postgres" ? "postgres" : "sqlite";
export const onPostgres = testEngine === "postgres";

let admin: pg.Client | null = null;
let current: { db: Db; name?: string } | null = null;
let made = 0;

async function dropCurrent(): Promise<void> {
  if (!current) return;
  const { db, name } = current;
  current = null;
  await db.close();
  if (name && admin) await admin.query(`drop database if exists ${name} with (force)`);
}

afterAll(async () => {
  await dropCurrent();
  await admin?.end();
  admin = null;
});

/** A new, empty, migrated database of the engine under test, in use from now on. */
export async function freshDatabase(): Promise<Db> {
  await dropCurrent();
  if (!onPostgres) {
    const db = openDatabase(":memory:");
    useDatabase(db);
    current = { db };
    return db;
  }
  const url = process.env.TEST_DATABASE_URL!;
  const caFile = process.env.TEST_DATABASE_CA_FILE || undefined;
  if (!admin) {
    admin = new pg.Client(buildPgPoolOptions({ url, caFile }));
    await admin.connect();
  }
  const name = `${inject("pgPrefix")}${process.pid}_${++made}`;
  await admin.query(`create database ${name} template ${inject("pgTemplate")}`);
  const db = openPostgres({ url: withDatabase(url, name), caFile, poolSize: 10 });
  useDatabase(db);
  current = { db, name };
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
  return await tableRowCounts(db);
}

export { sqlRow, sqlRows, sqlRun } from "@/db/raw-sql";

/**
 * Makes the database refuse inserts into `table` where `condition` (SQL about `new`) holds, with
 * the message "refused": a write failing part-way, as a full disk or a constraint might.
 */
export async function refuseInserts(db: Db, table: string, condition: string): Promise<void> {
  if (db.engine === "sqlite") {
    await sqlRun(db, `create trigger refuse_${table} before insert on ${table} when ${condition} begin select raise(abort, 'refused'); end`);
    return;
  }
  await sqlRun(db, `create function refuse_${table}() returns trigger language plpgsql as $$ begin if ${condition} then raise exception 'refused'; end if; return new; end $$`);
  await sqlRun(db, `create trigger refuse_${table} before insert on ${table} for each row execute function refuse_${table}()`);
}

/** A JSON column read with raw SQL: text on SQLite, already parsed on PostgreSQL. */
export function jsonColumn<T = unknown>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** A timestamp as each engine stores it in raw SQL: integer ms on SQLite, a timestamptz on PostgreSQL. */
export function rawTime(ms: number | Date): number | Date {
  const n = typeof ms === "number" ? ms : ms.getTime();
  return onPostgres ? new Date(n) : n;
}
