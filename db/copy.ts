// Copies a SQLite database (db/schema.ts) into an empty PostgreSQL one (db/schema-pg.ts):
// `npm run db:copy -- --to postgres://…` (scripts/db-copy.ts) and the tests call copySqliteToPostgres.
//
// - The source is read in ONE read transaction on a read-only connection: one consistent moment of
//   a live database (WAL lets the site carry on writing meanwhile; those later writes are not
//   copied). The row counts compared at the end are read in that same transaction.
// - The target is migrated first (migratePostgres, under its advisory lock), then everything
//   happens in ONE PostgreSQL transaction: lock every table (EXCLUSIVE: others may read, not
//   write; a second copy waits here), refuse if any table holds a row, insert every table in
//   foreign-key order in batches, keeping ids, move each identity sequence past the highest id,
//   and compare the counts. Any failure rolls all of it back: never half a copy.
// - Values are converted the way drizzle reads them: each SQLite column's own mapFromDriverValue
//   (integer ms -> Date, 0/1 -> boolean, JSON text -> object), then drizzle's pg-core columns write
//   them (Date -> timestamptz(3), object -> jsonb). The two schemas have identical row types
//   (test/unit/schema-parity.test.ts), so a row read from one is a row for the other.
// - The triggers on the target refuse UPDATE, DELETE and TRUNCATE of audit_log and certificates;
//   the copy only INSERTs (a superseded or revoked certificate is inserted as it is, never updated),
//   so they stay enabled and nothing needs the privileges to disable them.
import Database from "better-sqlite3";
import { getTableColumns, getTableName, is, sql, type Column } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { getTableConfig as getPgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { migratePostgres } from "./pg-migrate";
import * as sqliteSchema from "./schema";
import * as pgSchema from "./schema-pg";

/**
 * Every table, parents before children (each table's foreign keys point only to tables before
 * it). checkCopyOrder() proves it from both schemas; a table added to the schemas and not here
 * makes the copy refuse to start.
 */
export const COPY_ORDER = [
  "schemes",
  "intakes", // intakes.created_by has no foreign key, so intakes can come before people
  "people",
  "sessions",
  "supported_sessions",
  "sign_in_attempts",
  "invitations",
  "sign_in_links",
  "outbox",
  "audit_log",
  "page_reads",
  "check_answers",
  "paper_workbooks", // before quiz_attempts, whose paper_workbook_id points to it
  "quiz_attempts",
  "quiz_answers",
  "module_completions",
  "certificates", // superseded_by_id has no foreign key: a certificate may name a later one
  "retrain_versions",
  "reminders_sent",
  "digests_sent",
  "scheme_details",
  // Shared state of running processes (rate-limit counts, job locks): copied too, so that counts
  // compare equal; the copy is taken with the site stopped, when no job holds a lock.
  "rate_limits",
  "job_locks",
] as const;

export type CopyTable = { name: string; sqlite: SQLiteTable; pg: PgTable };

function tablesOf<T extends SQLiteTable | PgTable>(module: Record<string, unknown>, type: typeof SQLiteTable | typeof PgTable): Map<string, T> {
  const out = new Map<string, T>();
  for (const value of Object.values(module)) if (is(value, type)) out.set(getTableName(value), value as T);
  return out;
}

/**
 * The tables in COPY_ORDER with both schemas' definitions. Throws when the order misses a table,
 * names one that does not exist, or puts a child before its parent (in either schema).
 */
export function checkCopyOrder(): CopyTable[] {
  const lite = tablesOf<SQLiteTable>(sqliteSchema, SQLiteTable);
  const post = tablesOf<PgTable>(pgSchema, PgTable);
  const order: readonly string[] = COPY_ORDER;
  const problems: string[] = [];
  for (const name of new Set([...lite.keys(), ...post.keys()])) {
    if (!order.includes(name)) problems.push(`table ${name} is not in COPY_ORDER (db/copy.ts)`);
  }
  for (const name of order) {
    if (!lite.has(name)) problems.push(`COPY_ORDER names ${name}, which db/schema.ts does not have`);
    if (!post.has(name)) problems.push(`COPY_ORDER names ${name}, which db/schema-pg.ts does not have`);
  }
  const parentsOk = (child: string, parents: string[]) => {
    for (const parent of parents) {
      if (parent !== child && order.indexOf(parent) > order.indexOf(child)) problems.push(`${child} references ${parent}, which COPY_ORDER puts after it`);
    }
  };
  for (const [name, table] of lite) parentsOk(name, getSqliteTableConfig(table).foreignKeys.map((fk) => getTableName(fk.reference().foreignTable)));
  for (const [name, table] of post) parentsOk(name, getPgTableConfig(table).foreignKeys.map((fk) => getTableName(fk.reference().foreignTable)));
  if (problems.length) throw new Error(`The copy order does not match the schemas:\n  ${problems.join("\n  ")}`);
  return order.map((name) => ({ name, sqlite: lite.get(name)!, pg: post.get(name)! }));
}

export class CopyRefusedError extends Error {}

export type CopyOptions = {
  /** The SQLite file to read (the live one is fine: it is read in one read transaction). */
  from: string;
  /** Connection options for the target (e.g. buildPgPoolOptions({ url })). */
  to: pg.ClientConfig;
  /** Rows per INSERT (default 1000; capped so one statement stays under 65,535 parameters). */
  batchSize?: number;
  /** Called after each table, and with the counts; for the script's output. */
  onTable?: (table: string, rows: number, ms: number) => void;
};

export type CopyResult = {
  tables: { table: string; sqlite: number; postgres: number }[];
  rows: number;
  ms: number;
};

const SQLITE_MIGRATIONS_JOURNAL = join(process.cwd(), "db", "migrations", "meta", "_journal.json");

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Copies every row of the SQLite database `from` into the empty PostgreSQL database `to`. */
export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyResult> {
  const started = Date.now();
  const tables = checkCopyOrder();
  const source = resolve(options.from);
  if (!existsSync(source)) throw new CopyRefusedError(`There is no SQLite database at ${source}.`);

  const lite = new Database(source, { readonly: true, fileMustExist: true });
  try {
    lite.pragma("busy_timeout = 5000");
    // The source must be at the schema the PostgreSQL migrations describe: the site migrates its
    // database when it starts, so an older file means an older version of the site wrote it.
    const journal = JSON.parse(readFileSync(SQLITE_MIGRATIONS_JOURNAL, "utf8")) as { entries: unknown[] };
    const hasMigrations = lite.prepare("select count(*) as n from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get() as { n: number };
    const applied = hasMigrations.n ? (lite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n : 0;
    if (applied !== journal.entries.length) {
      throw new CopyRefusedError(
        `${source} has ${applied} of this version's ${journal.entries.length} SQLite migrations. ` +
          "Start this version of the site on it once (it migrates the file), or check that it is this site's database; nothing was copied.",
      );
    }

    // Migrate the target on its own connection, under the migration lock.
    await migratePostgres({ connection: options.to });

    const client = new pg.Client({ ...options.to, application_name: "shared-lives db:copy" });
    await client.connect();
    try {
      const target = drizzle(client);
      // One read transaction on SQLite, for the rows and the counts alike.
      lite.exec("BEGIN");
      try {
        const counts = new Map(tables.map((t) => [t.name, (lite.prepare(`select count(*) as n from ${q(t.name)}`).get() as { n: number }).n]));
        const result: CopyResult["tables"] = [];
        await target.transaction(async (tx) => {
          await tx.execute(sql.raw("set local statement_timeout = 0"));
          await tx.execute(sql.raw(`lock table ${tables.map((t) => q(t.name)).join(", ")} in exclusive mode`));
          const nonEmpty: string[] = [];
          for (const t of tables) {
            const found = await tx.execute(sql.raw(`select exists (select 1 from ${q(t.name)}) as found`));
            if (found.rows[0]!.found) nonEmpty.push(t.name);
          }
          if (nonEmpty.length) {
            throw new CopyRefusedError(
              `The target database is not empty (rows in ${nonEmpty.join(", ")}). db:copy only fills an empty database; nothing was copied.`,
            );
          }

          for (const t of tables) {
            const tableStarted = Date.now();
            const columns = Object.entries(getTableColumns(t.sqlite)) as [string, Column][];
            const pgColumns = getTableColumns(t.pg);
            for (const [key] of columns) if (!(key in pgColumns)) throw new Error(`${t.name}.${key} is in db/schema.ts but not in db/schema-pg.ts`);
            const perStatement = Math.max(1, Math.min(options.batchSize ?? 1000, Math.floor(65_000 / columns.length)));
            const select = lite.prepare(`select ${columns.map(([, c]) => q(c.name)).join(", ")} from ${q(t.name)} order by rowid`).raw(true);
            let batch: Record<string, unknown>[] = [];
            let copied = 0;
            for (const raw of select.iterate() as IterableIterator<unknown[]>) {
              const row: Record<string, unknown> = {};
              columns.forEach(([key, column], i) => {
                const value = raw[i];
                row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
              });
              batch.push(row);
              if (batch.length === perStatement) {
                await tx.insert(t.pg).values(batch as never);
                copied += batch.length;
                batch = [];
              }
            }
            if (batch.length) {
              await tx.insert(t.pg).values(batch as never);
              copied += batch.length;
            }
            options.onTable?.(t.name, copied, Date.now() - tableStarted);
          }

          // Ids were given, so the identity sequences did not move: put each past the highest id.
          for (const t of tables) {
            if (!getPgTableConfig(t.pg).columns.some((c) => c.name === "id" && c.generatedIdentity)) continue;
            await tx.execute(
              sql.raw(`select setval(pg_get_serial_sequence('${q(t.name)}', 'id'), coalesce(max(id), 1), max(id) is not null) from ${q(t.name)}`),
            );
          }

          const mismatched: string[] = [];
          for (const t of tables) {
            const n = Number((await tx.execute(sql.raw(`select count(*)::int as n from ${q(t.name)}`))).rows[0]!.n);
            result.push({ table: t.name, sqlite: counts.get(t.name)!, postgres: n });
            if (n !== counts.get(t.name)) mismatched.push(`${t.name}: ${counts.get(t.name)} in SQLite, ${n} in PostgreSQL`);
          }
          if (mismatched.length) throw new Error(`Row counts differ after the copy; nothing was kept:\n  ${mismatched.join("\n  ")}`);
        });
        return { tables: result, rows: result.reduce((sum, r) => sum + r.postgres, 0), ms: Date.now() - started };
      } finally {
        lite.exec("COMMIT");
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    lite.close();
  }
}
