// Everything the query layer says that differs between database engines, in one place: the SQLite
// version (better-sqlite3, the product today) and the PostgreSQL version (node-postgres, pg-core),
// both proven by test/unit/dialect.test.ts. The queries in db/queries/ are written once against
// `dialect` and db/tables.ts; selectEngine() (db/engine.ts) switches both.
//
// Rules for the rest of db/: no SQL that only one engine understands. Two-argument min/max, date
// arithmetic, JSON, case-insensitive comparison and ordering, booleans written as 0/1, counts and
// "rows changed" all come from here; so do the ways a query is run: `await builder` for rows,
// first() for one row, changes() for rows changed, rows() for raw SQL, prepared() for statements
// built once. No `.all()`, `.get()`, `.run()` (better-sqlite3's synchronous calls) in db/queries. Plain `sql` with standard SQL (case, coalesce, exists,
// `with … as materialized`, `on conflict … do update`, `returning`, `like … escape`) is fine.
//
// Each difference, and what the PostgreSQL version will say:
// | here (SQLite)                        | PostgreSQL                                          |
// | ------------------------------------ | --------------------------------------------------- |
// | (await write).changes                | rowCount                                            |
// | db.all(sql)                          | (await db.execute(sql)).rows                        |
// | statements prepared once per conn    | plain parameterised queries (unnamed)               |
// | count(*) is a number                 | bigint, a string in node-postgres: count(*)::int    |
// | date(x, '+N days') on 'YYYY-MM-DD'   | to_char(x::date + N, 'YYYY-MM-DD')                  |
// | min(a, b) / max(a, b)                | least(a, b) / greatest(a, b)                         |
// | json_each / json_extract             | jsonb_array_elements / ->>                          |
// | json_group_array(json_array(…))      | json_agg(json_build_array(…)) (parsed by the driver) |
// | x collate nocase                     | lower(x)                                            |
// | like (ASCII case-insensitive)        | ilike                                               |
// | booleans are 0 / 1                   | true / false; exists() is boolean: ::int            |
// | unixepoch('subsec') * 1000 default   | (extract(epoch from now()) * 1000)::bigint          |
// |                                      | (the pg schema's timestamp columns default now())   |
// | BEGIN IMMEDIATE serialises writers   | lockFor(): pg_advisory_xact_lock(hashtext(key))     |
// | SQLITE_CONSTRAINT_UNIQUE             | SQLSTATE 23505                                      |
// | timestamps are integer ms           | timestamptz: epochMs(ms) is to_timestamp(ms / 1000) |
// | synchronous=NORMAL for one write     | set local synchronous_commit = off                  |
// | min(a, NULL) is NULL                 | least(a, NULL) is a: least()/greatest() here give   |
// |                                      | NULL when either is NULL, as SQLite does            |
import { type SQL, sql } from "drizzle-orm";
import type { Conn, DbOrTx } from "./client";

export type EngineName = "sqlite" | "postgres";

export type Dialect = {
  readonly name: EngineName;
  /** Rows changed by an insert, update or delete, from the driver's result (`await` of the builder). */
  changes(result: unknown): number;
  /** The rows of a raw SQL query. */
  rows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]>;
  /**
   * A statement built once and reused, for the queries every page view runs (db/prepared.ts): `build`
   * ends with `.prepare()`; run it with `await statement.execute(values)`, which gives the rows.
   */
  prepared<T>(db: DbOrTx, name: string, build: (db: DbOrTx, name: string) => T): T;
  /** A count(*) (or sum of integers) as a number: node-postgres returns bigint as a string. */
  count(): SQL;
  sumInt(expr: SQL): SQL;
  /** A value read back from count()/sumInt()/a boolean expression, as a number. */
  toNumber(value: unknown): number;
  /** "YYYY-MM-DD" text plus (or minus) whole days, as "YYYY-MM-DD" text. */
  addDays(isoDate: SQL, days: number): SQL;
  /** The smaller / larger of two values of the same type (not the aggregate); NULL if either is. */
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
  /** A time in milliseconds since 1970 as a value to compare timestamp columns with in raw SQL. */
  epochMs(ms: number): SQL;
  /**
   * A time as the value of a prepared statement's placeholder compared with a timestamp column.
   * Placeholder values go to the driver as they are, without the column's own conversion: integer
   * milliseconds on SQLite, a Date on PostgreSQL (timestamptz).
   */
  timeValue(at: Date): number | Date;
  /** The default of created_at-style columns: now, in integer milliseconds. */
  readonly nowMs: SQL;
  /**
   * Serialises decisions about one thing (a person, a job) inside a write transaction: two
   * transactions with the same key run one after the other. On SQLite every write transaction
   * already holds the one write lock (BEGIN IMMEDIATE), so this does nothing. PostgreSQL:
   * `select pg_advisory_xact_lock(hashtext(key))`, released at commit or rollback.
   */
  lockFor(tx: DbOrTx, key: string): Promise<void>;
  /** True for a unique-constraint violation (a concurrent duplicate), also when wrapped by drizzle. */
  isUniqueViolation(error: unknown): boolean;
  /**
   * Runs a small write whose loss in a power cut does no harm (a rate-limit count) without waiting
   * for the disk. SQLite: synchronous=NORMAL for that statement (in WAL mode the commit is then not
   * fsync'd; the next ordinary commit's fsync covers it). PostgreSQL: `set local synchronous_commit
   * = off` in its transaction (one of its own when `db` is not one). `write` must use the
   * connection it is given. Durability of every other write is unchanged.
   */
  withoutWaitingForDisk<T>(db: Conn, write: (db: Conn) => Promise<T>): Promise<T>;
};

/** The first row of a result, or undefined: `first(await db.select()…limit(1))`. */
export function first<T>(rows: readonly T[]): T | undefined {
  return rows[0];
}

/** The one row an `insert … returning` wrote (what better-sqlite3's `.get()` gave); throws if none. */
export function one<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error("expected the statement to return a row, it returned none");
  return row;
}

/** The error's code, or that of the error it wraps (drizzle's DrizzleQueryError keeps the driver's in `cause`). */
function errorCodes(error: unknown): unknown[] {
  const codes: unknown[] = [];
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    codes.push((e as { code?: unknown }).code);
  }
  return codes;
}

const statementCache = new WeakMap<DbOrTx, Map<string, unknown>>();

/** SQLite: each statement built once per connection, kept while the connection lives. */
function cachedPerConnection<T>(db: DbOrTx, name: string, build: (db: DbOrTx, name: string) => T): T {
  let statements = statementCache.get(db);
  if (!statements) {
    statements = new Map();
    statementCache.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db, name);
    statements.set(name, statement);
  }
  return statement;
}

export const sqliteDialect: Dialect = {
  name: "sqlite",
  changes: (result) => Number((result as { changes?: number | bigint }).changes ?? 0),
  rows: async <T>(db: DbOrTx, query: SQL) => db.all<T>(query),
  prepared: cachedPerConnection,
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
  epochMs: (ms) => sql`${ms}`,
  timeValue: (at) => at.getTime(),
  nowMs: sql`(unixepoch('subsec') * 1000)`,
  lockFor: async () => {},
  isUniqueViolation: (error) => errorCodes(error).some((code) => code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY"),
  withoutWaitingForDisk: async (db, write) => {
    const client = db.$client;
    if (client.inTransaction) return await write(db);
    const was = client.pragma("synchronous", { simple: true }) as number;
    if (was < 2) return await write(db);
    client.pragma("synchronous = NORMAL");
    try {
      return await write(db);
    } finally {
      client.pragma(`synchronous = ${was}`);
    }
  },
};

/** What the PostgreSQL version needs of a drizzle node-postgres database or transaction. */
type PgConn = {
  execute(query: SQL): Promise<{ rows: unknown[] }>;
  transaction<T>(fn: (tx: PgConn) => Promise<T>): Promise<T>;
};
const pg = (db: unknown) => db as PgConn;

export const postgresDialect: Dialect = {
  name: "postgres",
  changes: (result) => Number((result as { rowCount?: number | null }).rowCount ?? 0),
  rows: async <T>(db: DbOrTx, query: SQL) => (await pg(db).execute(query)).rows as T[],
  // Built each time, run as plain parameterised queries (`.prepare()` without a name is an unnamed
  // statement): a query's build cost is small next to a round trip, and a named statement would
  // have to be prepared again on every pooled connection.
  prepared: (db, name, build) => build(db, name),
  count: () => sql`count(*)::int`,
  sumInt: (expr) => sql`sum(${expr})::bigint`,
  toNumber: (value) => Number(value ?? 0),
  addDays: (isoDate, days) => sql`to_char(cast(${isoDate} as date) + cast(${days} as integer), 'YYYY-MM-DD')`,
  // least/greatest skip NULLs; SQLite's min/max of two values give NULL. The matrix relies on it.
  least: (a, b) => sql`(case when ${a} is null or ${b} is null then null else least(${a}, ${b}) end)`,
  greatest: (a, b) => sql`(case when ${a} is null or ${b} is null then null else greatest(${a}, ${b}) end)`,
  jsonArrayHasTrue: (jsonArray, key) =>
    sql`exists (select 1 from jsonb_array_elements(cast(${jsonArray} as jsonb)) j where j -> ${key} = 'true'::jsonb)`,
  jsonRows: (columns, from) => sql`(select coalesce(json_agg(json_build_array(${sql.join(columns, sql`, `)})), '[]'::json) ${from})`,
  parseJson: <T>(value: unknown) => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T)),
  noCase: (expr) => sql`lower(${expr})`,
  likeNoCase: (expr, pattern) => sql`${expr} ilike ${pattern} escape '\\'`,
  true: sql`true`,
  false: sql`false`,
  boolToInt: (expr) => sql`cast((${expr}) as integer)`,
  epochMs: (ms) => sql`to_timestamp(cast(${ms} as double precision) / 1000)`,
  timeValue: (at) => at,
  nowMs: sql`(extract(epoch from now()) * 1000)::bigint`,
  lockFor: async (tx, key) => {
    await pg(tx).execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
  },
  isUniqueViolation: (error) => errorCodes(error).includes("23505"),
  withoutWaitingForDisk: async (db, write) =>
    await pg(db).transaction(async (tx) => {
      await tx.execute(sql`set local synchronous_commit = off`);
      return await write(tx as unknown as Conn);
    }),
};

/** The engine in use: SQLite unless selectDialect() (db/engine.ts's selectEngine) chose PostgreSQL. */
export let dialect: Dialect = sqliteDialect;

export function selectDialect(name: EngineName): void {
  dialect = name === "postgres" ? postgresDialect : sqliteDialect;
}

/** Escapes %, _ and \ so that text is matched literally inside a like pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
