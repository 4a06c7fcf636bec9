// The engine module: what each difference means, checked by running the same expectations on
// SQLite and, when TEST_DATABASE_URL names a server it may create databases on, on PostgreSQL (its
// own database, migrated with db/migrations-pg, dropped afterwards).
import { type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Conn, openDatabase, openPostgres, type SqliteDb } from "@/db/client";
import { type Dialect, escapeLike, first, nameStatementsOnServer, one, postgresDialect, sqliteDialect } from "@/db/dialect";
import { buildPgPoolOptions } from "@/db/pg-connection-options";
import { migratePostgres } from "@/db/pg-migrate";
import * as pgSchema from "@/db/schema-pg";
import * as sqliteSchema from "@/db/schema";

/** What the shared cases need of an engine. */
type Engine = {
  d: Dialect;
  conn(): Conn;
  /** A statement that returns no rows; the driver's own result. */
  write(query: SQL): Promise<unknown>;
  /** The connection's durability setting, as the engine reports it. */
  durability(conn: Conn): Promise<unknown>;
  /** What durability() says inside withoutWaitingForDisk. */
  notWaiting: unknown;
};

function dialectCases(engine: () => Engine) {
  const rows = async (query: SQL) => {
    const { d, conn } = engine();
    return await d.rows<Record<string, unknown>>(conn(), query);
  };
  const value = async (expr: SQL) => first(await rows(sql`select ${expr} as v`))?.v;

  it("adds whole days to YYYY-MM-DD text, across month, year and leap day", async () => {
    const { d } = engine();
    expect(await value(d.addDays(sql`${"2027-02-28"}`, 1))).toBe("2027-03-01");
    expect(await value(d.addDays(sql`${"2028-02-28"}`, 1))).toBe("2028-02-29");
    expect(await value(d.addDays(sql`${"2027-01-10"}`, -60))).toBe("2026-11-11");
    expect(await value(d.addDays(sql`${"2026-12-31"}`, 0))).toBe("2026-12-31");
  });

  it("least and greatest of two values (not the aggregates), NULL when either is NULL", async () => {
    const { d } = engine();
    const text = (v: string) => sql`cast(${v} as text)`;
    const int = (v: number | null) => (v === null ? sql`cast(null as integer)` : sql`cast(${v} as integer)`);
    expect(await value(d.least(text("2027-01-01"), text("2026-06-01")))).toBe("2026-06-01");
    expect(await value(d.greatest(text("2027-01-01"), text("2026-06-01")))).toBe("2027-01-01");
    expect(await value(d.greatest(int(3), int(7)))).toBe(7);
    expect(await value(d.least(int(3), int(null)))).toBeNull();
    expect(await value(d.greatest(int(null), int(7)))).toBeNull();
  });

  it("finds a true key in a JSON array of objects", async () => {
    const { d } = engine();
    expect(d.toNumber(await value(d.boolToInt(d.jsonArrayHasTrue(sql`${JSON.stringify([{ assisted: false }, { assisted: true }])}`, "assisted"))))).toBe(1);
    expect(d.toNumber(await value(d.boolToInt(d.jsonArrayHasTrue(sql`${JSON.stringify([{ assisted: false }])}`, "assisted"))))).toBe(0);
    expect(d.toNumber(await value(d.boolToInt(d.jsonArrayHasTrue(sql`${JSON.stringify([])}`, "assisted"))))).toBe(0);
  });

  it("aggregates rows into one JSON array of arrays, read back with parseJson; none is []", async () => {
    const { d } = engine();
    const rowsOf = await value(d.jsonRows([sql`x`, sql`y`], sql`from (select 1 as x, 'a' as y union all select 2, 'b') t`));
    expect(d.parseJson(rowsOf)).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    expect(d.parseJson(await value(d.jsonRows([sql`x`], sql`from (select 1 as x) t where 1 = 0`)))).toEqual([]);
  });

  it("counts as numbers, and reports rows changed", async () => {
    const { d, write } = engine();
    await write(sql`insert into schemes (name) values ('a'), ('b')`);
    expect(d.toNumber(await value(sql`(select ${d.count()} from schemes)`))).toBe(2);
    expect(d.toNumber(await value(sql`(select ${d.sumInt(sql`id`)} from schemes)`))).toBe(3);
    expect(d.changes(await write(sql`update schemes set name = name || '!'`))).toBe(2);
    expect(d.changes(await write(sql`delete from schemes where name = 'none'`))).toBe(0);
  });

  it("orders and matches case-insensitively, with % and _ taken literally when escaped", async () => {
    const { d, write } = engine();
    await write(sql`insert into schemes (name) values ('beta'), ('Alpha'), ('50%_off')`);
    expect((await rows(sql`select name from schemes order by ${d.noCase(sql`name`)}`)).map((r) => r.name)).toEqual(["50%_off", "Alpha", "beta"]);
    expect(await rows(sql`select name from schemes where ${d.likeNoCase(sql`name`, "%ALPH%")}`)).toEqual([{ name: "Alpha" }]);
    expect(await rows(sql`select name from schemes where ${d.likeNoCase(sql`name`, `%${escapeLike("%_")}%`)}`)).toEqual([{ name: "50%_off" }]);
    expect(await rows(sql`select name from schemes where ${d.likeNoCase(sql`name`, `%${escapeLike("a_p")}%`)}`)).toEqual([]);
  });

  it("writes true and false so that boolean columns compare", async () => {
    const { d, write } = engine();
    await write(sql`insert into schemes (id, name) values (1, 's')`);
    await write(sql`insert into people (scheme_id, name, email, role, active) values (1, 'a', 'a@x', 'carer', ${d.true}), (1, 'b', 'b@x', 'carer', ${d.false})`);
    expect(await rows(sql`select name from people where active = ${d.true}`)).toEqual([{ name: "a" }]);
    expect(await rows(sql`select name from people where active = ${d.false}`)).toEqual([{ name: "b" }]);
    expect(d.toNumber(await value(d.boolToInt(sql`exists (select 1 from people where active = ${d.false})`)))).toBe(1);
  });

  it("fills a created_at-style default with now, in milliseconds", async () => {
    const { d } = engine();
    const now = d.toNumber(await value(d.nowMs));
    expect(Math.abs(now - Date.now())).toBeLessThan(60_000);
  });

  it("compares timestamp columns with a time in milliseconds", async () => {
    const { d, write } = engine();
    await write(sql`insert into schemes (name) values ('t')`);
    const created = d.toNumber(first(await rows(sql`select ${d.count()} as n from schemes where created_at > ${d.epochMs(Date.now() - 60_000)}`))?.n);
    const future = d.toNumber(first(await rows(sql`select ${d.count()} as n from schemes where created_at > ${d.epochMs(Date.now() + 60_000)}`))?.n);
    expect([created, future]).toEqual([1, 0]);
  });

  it("knows a unique violation when it sees one, also wrapped by drizzle", async () => {
    const { d, write } = engine();
    await write(sql`insert into schemes (name) values ('a')`);
    let error: unknown;
    try {
      await write(sql`insert into schemes (name) values ('a')`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeDefined();
    expect(d.isUniqueViolation(error)).toBe(true);
    expect(d.isUniqueViolation(new Error("other"))).toBe(false);
    expect(d.isUniqueViolation(undefined)).toBe(false);
  });

  it("a write that does not wait for the disk leaves the connection's durability as it was", async () => {
    const { d, conn, write, durability, notWaiting } = engine();
    const before = await durability(conn());
    const result = await d.withoutWaitingForDisk(conn(), async (c) => {
      const setting = await durability(c);
      const changed = d.changes(await (d.name === "sqlite" ? c.run(sql`insert into schemes (name) values ('x')`) : write(sql`select 1`)));
      return { setting, changed };
    });
    expect(result.setting).toBe(notWaiting);
    if (d.name === "sqlite") expect(result.changed).toBe(1);
    expect(await durability(conn())).toBe(before);
  });

  it("inserts many rows: a key left out gets its default, JSON and times read back as written, and idsGivenIn moves the next id past the given ones", async () => {
    const { d, conn } = engine();
    const t = (d.name === "sqlite" ? sqliteSchema : pgSchema) as unknown as typeof sqliteSchema;
    const joined = new Date("2026-03-04T05:06:07.890Z");
    await d.insertMany(conn(), t.schemes, [
      { id: 5, name: "five", createdAt: joined },
      { id: 7, name: "seven" },
    ]);
    await d.insertMany(conn(), t.people, [
      { id: 3, schemeId: 5, name: "Ann", email: "ann@x", role: "carer", createdAt: joined },
      { id: 4, schemeId: 7, name: "Bo", email: "bo@x", role: "staff", active: false, createdAt: joined, deactivatedAt: joined },
    ]);
    await d.insertMany(conn(), t.quizAttempts, [{ personId: 3, moduleSlug: "m", cycle: 1, contentVersion: "v", scenarioIds: ["s1", "s2"], startedAt: joined, total: 5, passed: true }]);
    await d.insertMany(conn(), t.schemes, []);
    await d.idsGivenIn(conn(), "schemes");
    await conn().insert(t.schemes).values({ name: "next" });
    const schemes = await conn().select({ id: t.schemes.id, name: t.schemes.name, createdAt: t.schemes.createdAt }).from(t.schemes).orderBy(t.schemes.id);
    expect(schemes.map((r) => [r.id, r.name])).toEqual([
      [5, "five"],
      [7, "seven"],
      [8, "next"],
    ]);
    expect(schemes[0]!.createdAt).toEqual(joined);
    expect(Math.abs(schemes[1]!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const people = await conn().select({ id: t.people.id, active: t.people.active, deactivatedAt: t.people.deactivatedAt }).from(t.people).orderBy(t.people.id);
    expect(people).toEqual([
      { id: 3, active: true, deactivatedAt: null },
      { id: 4, active: false, deactivatedAt: joined },
    ]);
    const attempts = await conn().select().from(t.quizAttempts);
    expect(attempts).toMatchObject([{ personId: 3, scenarioIds: ["s1", "s2"], startedAt: joined, submittedAt: null, score: null, passed: true }]);
    await conn().delete(t.quizAttempts);
  });

  it("after rows were inserted with their ids given, the next generated id follows the highest", async () => {
    const { d, conn, write } = engine();
    await write(sql`insert into schemes (id, name) values (7, 'given')`);
    await d.idsGivenIn(conn(), "schemes");
    const next = one(await d.rows<{ id: unknown }>(conn(), sql`insert into schemes (name) values ('generated') returning id`));
    expect(d.toNumber(next.id)).toBe(8);
  });

  it("reads the first row, and the one row an insert returned", async () => {
    const { d, write } = engine();
    expect(first(await d.rows(engine().conn(), sql`select 1 as n where 1 = 0`))).toBeUndefined();
    expect(() => one([])).toThrow();
    await write(sql`insert into schemes (name) values ('r')`);
    expect(first(await d.rows<{ name: string }>(engine().conn(), sql`select name from schemes`))?.name).toBe("r");
  });
}

describe("the SQLite dialect", () => {
  let db: SqliteDb;
  beforeEach(() => {
    db = openDatabase(":memory:");
  });
  afterEach(() => db.close());
  dialectCases(() => ({
    d: sqliteDialect,
    conn: () => db.writer,
    write: async (query) => db.writer.run(query),
    durability: async (c) => c.$client.pragma("synchronous", { simple: true }),
    notWaiting: 1,
  }));

  it("knows a unique violation raised by the driver itself", () => {
    db.client().exec("insert into schemes (name) values ('a')");
    let error: unknown;
    try {
      db.client().exec("insert into schemes (name) values ('a')");
    } catch (e) {
      error = e;
    }
    expect(sqliteDialect.isUniqueViolation(error)).toBe(true);
  });

  it("takes no lock: BEGIN IMMEDIATE already serialises writers", async () => {
    await expect(sqliteDialect.lockFor(db.writer, "person:1")).resolves.toBeUndefined();
  });
});

const baseUrl = process.env.TEST_DATABASE_URL;
const caFile = process.env.TEST_DATABASE_CA_FILE || undefined;
if (!baseUrl) {
  console.warn(
    "SKIPPED the PostgreSQL half of test/unit/dialect.test.ts: TEST_DATABASE_URL is not set. " +
      "Start one with scripts/lib/postgres.sh (start_throwaway_postgres) or give TEST_DATABASE_URL.",
  );
}

describe.skipIf(!baseUrl)("the PostgreSQL dialect", () => {
  const database = `slt_dialect_${process.pid}_${Date.now().toString(36)}`;
  let admin: pg.Client;
  let pool: pg.Pool;
  let databaseUrl: string;
  let db: ReturnType<typeof drizzle<typeof pgSchema>>;

  beforeAll(async () => {
    admin = new pg.Client(buildPgPoolOptions({ url: baseUrl!, caFile }));
    await admin.connect();
    await admin.query(`create database ${database}`);
    const u = new URL(baseUrl!);
    u.pathname = `/${database}`;
    const url = u.toString();
    databaseUrl = url;
    await migratePostgres({ connection: buildPgPoolOptions({ url, caFile }) });
    pool = new pg.Pool(buildPgPoolOptions({ url, caFile, poolSize: 4 }));
    // A connection still closing when the database is dropped (with force) reports it here.
    pool.on("error", () => {});
    db = drizzle(pool, { schema: pgSchema });
  });

  afterAll(async () => {
    await pool?.end();
    if (admin) {
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
  });

  beforeEach(async () => {
    // Not truncate: it would cascade to certificates, whose trigger refuses it.
    await pool.query("delete from people; delete from schemes; alter table schemes alter column id restart with 1");
  });

  const asConn = (c: unknown) => c as Conn;
  dialectCases(() => ({
    d: postgresDialect,
    conn: () => asConn(db),
    write: async (query) => await db.execute(query),
    durability: async (c) => first((await postgresDialect.rows<{ synchronous_commit: string }>(c, sql`show synchronous_commit`)))?.synchronous_commit,
    notWaiting: "off",
  }));

  it("lockFor holds a transaction-scoped advisory lock on the key until commit", async () => {
    const tryLock = async () => (await pool.query<{ got: boolean }>("select pg_try_advisory_xact_lock(hashtext('person:1')) as got")).rows[0]!.got;
    let heldInside: boolean | undefined;
    await db.transaction(async (tx) => {
      await postgresDialect.lockFor(asConn(tx), "person:1");
      heldInside = !(await tryLock());
    });
    expect(heldInside).toBe(true);
    expect(await tryLock()).toBe(true);
  });

  it("names each prepared statement on the server, so a connection parses and plans it once", async () => {
    // One connection, so the statements and pg_prepared_statements are that connection's.
    const single = new pg.Pool({ ...pool.options, max: 1 });
    try {
      const one = asConn(drizzle(single, { schema: pgSchema }));
      const build = () =>
        postgresDialect.prepared(one, "probe", (c) => ({
          // As the queries are written (db/queries/): typed for either engine, .prepare() without a name.
          byName: c.select({ id: sql<number>`id` }).from(sql`schemes`).where(sql`name = ${sql.placeholder("name")}`).prepare(),
          all: c.select({ id: sql<number>`id` }).from(sql`schemes`).prepare(),
        }));
      for (let i = 0; i < 3; i++) {
        expect(await build().byName.execute({ name: "none" })).toEqual([]);
        expect(await build().all.execute()).toEqual([]);
      }
      const names = (await single.query<{ name: string }>("select name from pg_prepared_statements order by name")).rows.map((r) => r.name);
      expect(names).toEqual(["slt_probe_all", "slt_probe_byName"]);
      expect(() => postgresDialect.prepared(one, "not_a_statement", () => ({ x: 1 }))).toThrow(/not_a_statement_x is not a prepared statement/);
    } finally {
      await single.end();
    }
  });

  it("leaves them unnamed when the database is opened with DATABASE_PREPARED_STATEMENTS=off (a pooler that cannot keep names)", async () => {
    // Opened as the site opens it (lib/env.ts gives namedStatements: false for "off"), on one connection.
    const site = openPostgres({ url: databaseUrl, caFile, poolSize: 1, namedStatements: false });
    try {
      const statement = postgresDialect.prepared(site.read, "probe", (c) => c.select({ id: sql<number>`id` }).from(sql`schemes`).prepare());
      expect(await statement.execute()).toEqual([]);
      expect((await site.pool.query("select name from pg_prepared_statements")).rows).toEqual([]);
    } finally {
      await site.close();
      nameStatementsOnServer(true);
    }
  });
});
