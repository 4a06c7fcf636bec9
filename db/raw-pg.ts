// Raw access to a PostgreSQL database, the twin of db/raw.ts: for tools and tests that run outside
// the site (the end-to-end suite's helpers, db/raw-sql.ts) and so must not load db/client.ts (which
// is "server-only"). Plain SQL with `?` placeholders, as on SQLite.
import pg from "pg";
import { buildPgPoolOptions } from "./pg-connection-options";

/** bigint (count(*)) as a number, as SQLite gives it; every other type as pg parses it. */
export const int8AsNumber = {
  getTypeParser: (oid: number, format?: "text" | "binary") => (oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)),
};

/** `?` placeholders as PostgreSQL's $1, $2 …, skipping quoted text. */
export function numberedPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (match) => (match === "?" ? `$${++n}` : match));
}

/**
 * A small pool of its own on a database URL (with libpq's sslmode and a CA file, as DATABASE_URL),
 * whose idle connections do not keep the process alive.
 */
export function openRawPostgres(url: string, caFile?: string): pg.Pool {
  return new pg.Pool({ ...buildPgPoolOptions({ url, caFile, poolSize: 4, applicationName: "raw" }), allowExitOnIdle: true });
}

/** Runs `text` (with `?` placeholders) on `pool`; rows and the number of rows changed. */
export async function rawPgQuery<T>(pool: pg.Pool | pg.Client, text: string, params: unknown[]): Promise<{ rows: T[]; changes: number }> {
  const result = await pool.query({ text: numberedPlaceholders(text), values: params, types: int8AsNumber });
  return { rows: result.rows as T[], changes: result.rowCount ?? 0 };
}
