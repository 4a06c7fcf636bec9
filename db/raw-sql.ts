// Plain SQL on either engine, for tests and tools that look at tables directly (never for the
// site's own queries, which go through db/queries). Write `?` for parameters, as on SQLite; on
// PostgreSQL they become $1, $2 … and bigint results (count(*)) come back as numbers.
import pg from "pg";
import { type Db, SqliteDb } from "./client";
import type { PostgresDb } from "./postgres-db";

const int8AsNumber = {
  getTypeParser: (oid: number, format?: "text" | "binary") => (oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)),
};

/** `?` placeholders as PostgreSQL's $n, skipping quoted text. */
export function numberedPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (match) => (match === "?" ? `$${++n}` : match));
}

function pgValue(value: unknown): unknown {
  return value;
}

/** The rows a statement returns (none for a statement that returns none). */
export async function sqlRows<T = Record<string, unknown>>(db: Db, text: string, ...params: unknown[]): Promise<T[]> {
  if (db instanceof SqliteDb) {
    const statement = db.client().prepare(text);
    if (statement.reader) return statement.all(...params) as T[];
    statement.run(...params);
    return [];
  }
  const result = await (db as PostgresDb).pool.query({ text: numberedPlaceholders(text), values: params.map(pgValue), types: int8AsNumber });
  return result.rows as T[];
}

/** The first row, or undefined. */
export async function sqlRow<T = Record<string, unknown>>(db: Db, text: string, ...params: unknown[]): Promise<T | undefined> {
  return (await sqlRows<T>(db, text, ...params))[0];
}

/** Runs a statement; gives the rows it changed. */
export async function sqlRun(db: Db, text: string, ...params: unknown[]): Promise<number> {
  if (db instanceof SqliteDb) return db.client().prepare(text).run(...params).changes;
  const result = await (db as PostgresDb).pool.query({ text: numberedPlaceholders(text), values: params.map(pgValue) });
  return result.rowCount ?? 0;
}

/** Every table's row count but the engine's and drizzle's own, by name. */
export async function tableRowCounts(db: Db): Promise<Record<string, number>> {
  const tables =
    db instanceof SqliteDb
      ? await sqlRows<{ name: string }>(db, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
      : await sqlRows<{ name: string }>(db, "select tablename as name from pg_tables where schemaname = 'public' order by tablename");
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (await sqlRow<{ n: number }>(db, `select count(*) as n from "${name}"`))!.n;
  return counts;
}
