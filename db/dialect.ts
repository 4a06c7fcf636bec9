// Everything the query layer says that differs between database engines, in one place. Today this
// is the SQLite version (better-sqlite3); a PostgreSQL version implements the same `Dialect` shape
// (node-postgres, pg-core) and the queries in db/queries/ stay as they are.
//
// Rules for the rest of db/: no SQL that only one engine understands. Two-argument min/max, date
// arithmetic, JSON, case-insensitive comparison and ordering, booleans written as 0/1, counts and
// "rows changed" all come from here. Plain `sql` with standard SQL (case, coalesce, exists,
// `with … as materialized`, `on conflict … do update`, `returning`, `like … escape`) is fine.
//
// Each difference, and what the PostgreSQL version will say:
// | here (SQLite)                        | PostgreSQL                                          |
// | ------------------------------------ | --------------------------------------------------- |
// | run().changes                        | rowCount                                            |
// | count(*) is a number                 | bigint, a string in node-postgres: count(*)::int    |
// | date(x, '+N days') on 'YYYY-MM-DD'   | to_char(x::date + N, 'YYYY-MM-DD')                  |
// | min(a, b) / max(a, b)                | least(a, b) / greatest(a, b)                         |
// | json_each / json_extract             | jsonb_array_elements / ->>                          |
// | json_group_array(json_array(…))      | json_agg(json_build_array(…)) (parsed by the driver) |
// | x collate nocase                     | lower(x)                                            |
// | like (ASCII case-insensitive)        | ilike                                               |
// | booleans are 0 / 1                   | true / false; exists() is boolean: ::int            |
// | unixepoch('subsec') * 1000 default   | (extract(epoch from now()) * 1000)::bigint          |
// | BEGIN IMMEDIATE serialises writers   | lockFor(): pg_advisory_xact_lock(hashtext(key))     |
// | SQLITE_CONSTRAINT_UNIQUE             | SQLSTATE 23505                                      |
// | synchronous=NORMAL for one write     | set local synchronous_commit = off                  |
// | min(a, NULL) is NULL                 | least(a, NULL) is a: call least/greatest on non-nulls |
import { type SQL, sql } from "drizzle-orm";
import type { Conn, DbOrTx } from "./client";

export type EngineName = "sqlite" | "postgres";

export type Dialect = {
  readonly name: EngineName;
  /** Rows changed by an insert, update or delete, from the driver's result. */
  changes(result: unknown): number;
  /** A count(*) (or sum of integers) as a number: node-postgres returns bigint as a string. */
  count(): SQL;
  sumInt(expr: SQL): SQL;
  /** A value read back from count()/sumInt()/a boolean expression, as a number. */
  toNumber(value: unknown): number;
  /** "YYYY-MM-DD" text plus (or minus) whole days, as "YYYY-MM-DD" text. */
  addDays(isoDate: SQL, days: number): SQL;
  /** The smaller / larger of two values of the same type (not the aggregate). */
  least(a: SQL, b: SQL): SQL;
  greatest(a: SQL, b: SQL): SQL;
  /** True when some element of a JSON array of objects has `key` true. */
  jsonArrayHasTrue(jsonArray: SQL, key: string): SQL;
  /** Rows of a subquery as one JSON array of arrays: `json(cols) from …`. Parse with parseJson(). */
  jsonRows(columns: SQL[], from: SQL): SQL;
  /** A JSON value read back from the database (text on SQLite, already parsed on PostgreSQL). */
  parseJson<T>(value: unknown): T;
  /** An expression for case-insensitive ordering and equality. */
  noCase(expr: SQL): SQL;
  /** `expr like pattern`, case-insensitive, with backslash as the escape character. */
  likeNoCase(expr: SQL, pattern: string): SQL;
  /** Boolean literals, and a boolean expression as 0/1 (rows read as numbers on both engines). */
  readonly true: SQL;
  readonly false: SQL;
  boolToInt(expr: SQL): SQL;
  /** The default of created_at-style columns: now, in integer milliseconds. */
  readonly nowMs: SQL;
  /**
   * Serialises decisions about one thing (a person, a job) inside a write transaction: two
   * transactions with the same key run one after the other. On SQLite every write transaction
   * already holds the one write lock (BEGIN IMMEDIATE), so this does nothing. PostgreSQL:
   * `select pg_advisory_xact_lock(hashtext(key))`, released at commit or rollback.
   */
  lockFor(tx: DbOrTx, key: string): Promise<void>;
  /** True for a unique-constraint violation (a concurrent duplicate). */
  isUniqueViolation(error: unknown): boolean;
  /**
   * Runs a small write whose loss in a power cut does no harm (a rate-limit count) without waiting
   * for the disk. SQLite: synchronous=NORMAL for that statement (in WAL mode the commit is then not
   * fsync'd; the next ordinary commit's fsync covers it). PostgreSQL: `set local synchronous_commit
   * = off` in its transaction. Durability of every other write is unchanged.
   */
  withoutWaitingForDisk<T>(db: Conn, write: () => T): T;
};

export const sqliteDialect: Dialect = {
  name: "sqlite",
  changes: (result) => Number((result as { changes?: number | bigint }).changes ?? 0),
  count: () => sql`count(*)`,
  sumInt: (expr) => sql`sum(${expr})`,
  toNumber: (value) => Number(value ?? 0),
  // The number of days goes in as a parameter ('+60 days'), as the matrix always did: one
  // statement text whatever the rules, so SQLite's statement cache keeps working.
  addDays: (isoDate, days) => sql`date(${isoDate}, ${`${days >= 0 ? "+" : ""}${days} days`})`,
  least: (a, b) => sql`min(${a}, ${b})`,
  greatest: (a, b) => sql`max(${a}, ${b})`,
  jsonArrayHasTrue: (jsonArray, key) =>
    sql`exists (select 1 from json_each(${jsonArray}) j where json_extract(j.value, ${`$.${key}`}) = 1)`,
  jsonRows: (columns, from) => sql`(select json_group_array(json_array(${sql.join(columns, sql`, `)})) ${from})`,
  parseJson: <T>(value: unknown) => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T)),
  noCase: (expr) => sql`${expr} collate nocase`,
  likeNoCase: (expr, pattern) => sql`${expr} like ${pattern} escape '\\'`,
  true: sql`1`,
  false: sql`0`,
  boolToInt: (expr) => expr,
  nowMs: sql`(unixepoch('subsec') * 1000)`,
  lockFor: async () => {},
  isUniqueViolation: (error) => {
    const code = (error as { code?: unknown } | null)?.code;
    return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
  },
  withoutWaitingForDisk: (db, write) => {
    const client = db.$client;
    if (client.inTransaction) return write();
    const was = client.pragma("synchronous", { simple: true }) as number;
    if (was < 2) return write();
    client.pragma("synchronous = NORMAL");
    try {
      return write();
    } finally {
      client.pragma(`synchronous = ${was}`);
    }
  },
};

/** The engine in use. One today; issue 14 picks it from DATABASE_URL. */
export const dialect: Dialect = sqliteDialect;

/** Escapes %, _ and \ so that text is matched literally inside a like pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
