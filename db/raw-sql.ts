// Plain SQL on either engine, for tests and tools that look at tables directly (never for the
// site's own queries, which go through db/queries). Write `?` for parameters, as on SQLite; on
// PostgreSQL they become $1, $2 … and bigint results (count(*)) come back as numbers.
import { type Db, SqliteDb } from "./client";
import type { PostgresDb } from "./postgres-db";
import { rawPgQuery } from "./raw-pg";

export { numberedPlaceholders } from "./raw-pg";

/** The rows a statement returns (none for a statement that returns none). */
export async function sqlRows<T = Record<string, unknown>>(db: Db, text: string, ...params: unknown[]): Promise<T[]> {
  if (db instanceof SqliteDb) {
    const statement = db.client().prepare(text);
    if (statement.reader) return statement.all(...params) as T[];
    statement.run(...params);
    return [];
  }
  return (await rawPgQuery<T>((db as PostgresDb).pool, text, params)).rows;
}

/** The first row, or undefined. */
export async function sqlRow<T = Record<string, unknown>>(db: Db, text: string, ...params: unknown[]): Promise<T | undefined> {
  return (await sqlRows<T>(db, text, ...params))[0];
}

/** Runs a statement; gives the rows it changed. */
export async function sqlRun(db: Db, text: string, ...params: unknown[]): Promise<number> {
  if (db instanceof SqliteDb) return db.client().prepare(text).run(...params).changes;
  return (await rawPgQuery((db as PostgresDb).pool, text, params)).changes;
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
