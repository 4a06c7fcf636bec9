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
// | statements prepared once per conn    | built once, named on the server (namedPerConnection) |
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
// | placeholder value: integer ms        | the Date itself (timeValue)                         |
// | synchronous=NORMAL for one write     | set local synchronous_commit = off                  |
// | min(a, NULL) is NULL                 | least(a, NULL) is a: least()/greatest() here give   |
// |                                      | NULL when either is NULL, as SQLite does            |
// | AUTOINCREMENT follows ids given      | identity sequences do not: setval past max(id)      |
// | bulk rows: multi-row VALUES, 1,000   | one JSON parameter per 5,000 rows through           |
// | a statement                          | json_populate_recordset                             |
import { type Column, getTableColumns, getTableName, type SQL, sql, type Table } from "drizzle-orm";
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
   * A moment as the value of a prepared statement's placeholder compared with a timestamp column:
   * placeholders skip the column's own mapping, so give what the driver stores (integer ms on
   * SQLite, the Date on PostgreSQL).
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
  /**
   * After rows were inserted into `table` with their ids given (generated history, a copy), makes
   * the next id the database generates follow the highest. SQLite's AUTOINCREMENT does this by
   * itself; a PostgreSQL identity sequence does not move when ids are given, so the next ordinary
   * insert would take an id already in use.
   */
  idsGivenIn(tx: DbOrTx, table: string): Promise<void>;
  /**
   * Inserts many rows at once, for the seeding tools (never the site): rows as drizzle's insert
   * takes them (a key left out gets its column's default). Rows that give their ids need
   * idsGivenIn afterwards.
   */
  insertMany(tx: DbOrTx, table: Table, rows: readonly Record<string, unknown>[]): Promise<void>;
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

/** drizzle's node-postgres prepared query: the two query configs it hands to pg. */
type PgPreparedQuery = { queryConfig: { name?: string }; rawQueryConfig: { name?: string } };
const isPgPreparedQuery = (value: unknown): value is PgPreparedQuery =>
  typeof value === "object" && value !== null && "queryConfig" in value && "rawQueryConfig" in value;

let namingStatements = true;

/**
 * Whether PostgreSQL statements get names (DATABASE_PREPARED_STATEMENTS, set when the database is
 * opened): off only behind a pooler in transaction mode that cannot keep named statements, where a
 * name made on one server connection would be missing, or already there, on the next.
 */
export function nameStatementsOnServer(on: boolean): void {
  namingStatements = on;
}

/**
 * PostgreSQL: each statement built once per drizzle database, as on SQLite, and named on the
 * server, so each pooled connection parses and plans it once, at its first use, and afterwards only
 * binds and runs it (node-postgres remembers the names per connection). Measured in process on the
 * 10,000-person data set: My training's four statements 1.2–1.3 ms unnamed, 0.6–0.8 ms named. A
 * builder returns one statement or an object of them; each gets its own name.
 */
function namedPerConnection<T>(db: DbOrTx, name: string, build: (db: DbOrTx, name: string) => T): T {
  return cachedPerConnection(db, name, (c, n) => {
    const built = build(c, n);
    if (!namingStatements) return built;
    const entries: [string, unknown][] = isPgPreparedQuery(built) ? [[n, built]] : Object.entries(built as object).map(([k, v]) => [`${n}_${k}`, v]);
    for (const [statementName, statement] of entries) {
      if (!isPgPreparedQuery(statement)) throw new Error(`prepared("${n}"): ${statementName} is not a prepared statement`);
      statement.queryConfig.name = statement.rawQueryConfig.name = `slt_${statementName}`;
    }
    return built;
  });
}

/** What drizzle's insert builder offers, on either engine. */
type Inserter = { insert(table: Table): { values(rows: never): Promise<unknown> } };

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
  idsGivenIn: async () => {},
  // Every column is bound for every row: 1,000 rows of up to 18 columns stay under SQLite's 32,766
  // variables.
  insertMany: async (tx, table, rows) => {
    for (let i = 0; i < rows.length; i += 1000) await (tx as unknown as Inserter).insert(table).values(rows.slice(i, i + 1000) as never);
  },
};

/** Rows per statement in postgresDialect.insertMany: one JSON text of a few megabytes at most. */
const PG_ROWS_PER_INSERT = 5000;

/** A value as json_populate_recordset reads it into its column: JSON columns as they are, the rest as the driver would send them. */
function pgJsonValue(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.dataType === "json") return value;
  return column.mapToDriverValue(value);
}

/**
 * PostgreSQL's bulk insert. Drizzle's multi-row VALUES binds every value as a parameter of its own
 * (5,000 rows a second here); one JSON text per 5,000 rows, unpacked by the server into the
 * table's own row type, is several times faster and needs no type casts. Rows are grouped by the
 * keys they give, so a key left out gets its column's default, as drizzle's insert does.
 */
async function pgInsertMany(tx: DbOrTx, table: Table, rows: readonly Record<string, unknown>[]): Promise<void> {
  const columns = getTableColumns(table) as Record<string, Column>;
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const signature = Object.keys(columns)
      .filter((key) => row[key] !== undefined)
      .join(",");
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = []));
    group.push(row);
  }
  const name = sql.identifier(getTableName(table));
  for (const [signature, group] of groups) {
    const keys = signature ? signature.split(",") : [];
    const list = sql.join(
      keys.map((key) => sql.identifier(columns[key]!.name)),
      sql`, `,
    );
    for (let i = 0; i < group.length; i += PG_ROWS_PER_INSERT) {
      const records = group.slice(i, i + PG_ROWS_PER_INSERT).map((row) => Object.fromEntries(keys.map((key) => [columns[key]!.name, pgJsonValue(columns[key]!, row[key])])));
      const statement = keys.length
        ? sql`insert into ${name} (${list}) select ${list} from json_populate_recordset(null::${name}, ${JSON.stringify(records)}::json)`
        : sql`insert into ${name} select from generate_series(1, ${records.length})`;
      await pg(tx).execute(statement);
    }
  }
}

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
  // Built once per connection object, as on SQLite (the pool's drizzle database lives as long as the
  // process; a transaction's tx, only as long as the transaction): building a query with drizzle's
  // builder costs more CPU than PostgreSQL takes to run a small one. Named on the server, so each
  // pooled connection also parses and plans it only once (namedPerConnection).
  prepared: namedPerConnection,
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
  idsGivenIn: async (tx, table) => {
    const name = sql.identifier(table);
    await pg(tx).execute(sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 1), max(id) is not null) from ${name}`);
  },
  insertMany: pgInsertMany,
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
