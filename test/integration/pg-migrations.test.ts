// PostgreSQL: the migrations under the advisory lock, the append-only and immutability triggers,
// TLS, and the driver facts the engine wiring relies on. Runs only when TEST_DATABASE_URL names a
// server it may create databases on (scripts/lib/postgres.sh starts a throwaway one; with --ssl
// it also sets TEST_DATABASE_CA_FILE). Each run makes its own database and drops it afterwards.
import { count, eq, sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPgPoolOptions } from "@/db/pg-connection-options";
import { MIGRATION_LOCK_KEY, migratePostgres, PG_MIGRATIONS_FOLDER } from "@/db/pg-migrate";
import * as schema from "@/db/schema-pg";
import { testPostgres, withDatabase } from "../helpers/pg";

const { baseUrl, caFile } = testPostgres("test/integration/pg-migrations.test.ts", "nothing here ran against PostgreSQL");


function withParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

/** drizzle wraps driver errors ("Failed query: …"); the database's own message is in `cause`. */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) parts.push(String(e.message));
  return parts.join(" <- ");
}

async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return messages(error);
  }
  throw new Error("expected this to fail, and it succeeded");
}

const journal = JSON.parse(readFileSync(join(PG_MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };

describe.skipIf(!baseUrl)("PostgreSQL", () => {
  const database = `slt_test_${process.pid}_${Date.now().toString(36)}`;
  let admin: pg.Client;
  let url: string;
  let pool: pg.Pool;
  let db: NodePgDatabase<typeof schema>;

  beforeAll(async () => {
    admin = new pg.Client(buildPgPoolOptions({ url: baseUrl!, caFile }));
    await admin.connect();
    await admin.query(`create database ${database}`);
    url = withDatabase(baseUrl!, database);
    pool = new pg.Pool(buildPgPoolOptions({ url, caFile, poolSize: 5 }));
    db = drizzle(pool, { schema });
  });

  afterAll(async () => {
    await pool?.end();
    if (admin) {
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
  });

  describe("migrations", () => {
    it("wait for the advisory lock, and two callers at once apply each migration once", async () => {
      const connection = buildPgPoolOptions({ url, caFile });
      // Hold the lock first, so that both callers are certainly waiting at the same time.
      const holder = new pg.Client(connection);
      await holder.connect();
      await holder.query("select pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
      const locked: number[] = [];
      const callers = [1, 2].map((n) => migratePostgres({ connection, onLocked: () => void locked.push(n) }));

      const waiting = async () =>
        (
          await holder.query<{ n: number }>(
            "select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())",
          )
        ).rows[0]!.n;
      const deadline = Date.now() + 10_000;
      while ((await waiting()) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await waiting()).toBe(2);
      expect(locked).toEqual([]);
      const before = await holder.query("select to_regclass('public.people') as t");
      expect(before.rows[0].t).toBeNull();

      await holder.query("select pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]);
      await Promise.all(callers);
      expect(locked.sort()).toEqual([1, 2]);

      const applied = await holder.query<{ hash: string }>("select hash from drizzle.__drizzle_migrations order by id");
      expect(applied.rows).toHaveLength(journal.entries.length);
      expect(new Set(applied.rows.map((r) => r.hash)).size).toBe(journal.entries.length);

      // A third start finds nothing to do; no advisory lock is left behind.
      await migratePostgres({ connection });
      expect((await holder.query("select count(*)::int as n from drizzle.__drizzle_migrations")).rows[0].n).toBe(journal.entries.length);
      expect((await holder.query("select count(*)::int as n from pg_locks where locktype = 'advisory'")).rows[0].n).toBe(0);
      await holder.end();
    });

    it("create every table of db/schema-pg.ts", async () => {
      const tables = await db.execute<{ table_name: string }>(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        ["audit_log", "certificates", "check_answers", "digests_sent", "intakes", "invitations", "job_locks", "module_completions", "outbox", "page_reads", "paper_workbooks", "people", "quiz_answers", "quiz_attempts", "rate_limits", "reminders_sent", "retrain_versions", "scheme_details", "schemes", "sessions", "sign_in_attempts", "sign_in_links", "supported_sessions"],
      );
    });
  });

  describe("triggers", () => {
    let certificateId: number;
    let trainerId: number;

    beforeAll(async () => {
      const [scheme] = await db.insert(schema.schemes).values({ name: "Trigger scheme" }).returning();
      const [person] = await db
        .insert(schema.people)
        .values({ schemeId: scheme!.id, name: "Ada Carer", email: "ada@example.org", role: "carer" })
        .returning();
      const [trainer] = await db
        .insert(schema.people)
        .values({ schemeId: scheme!.id, name: "Tom Trainer", email: "tom@example.org", role: "trainer" })
        .returning();
      trainerId = trainer!.id;
      const [certificate] = await db
        .insert(schema.certificates)
        .values({
          code: "SLT-AAAA-BBBB",
          personId: person!.id,
          schemeId: scheme!.id,
          holderName: "Ada Carer",
          courseId: "shared-lives-carer",
          courseTitle: "Shared Lives carer training",
          contentVersion: "2026.1",
          cycle: 1,
          issuedOn: "2026-11-30",
          expiresOn: "2027-11-30",
          modules: [{ slug: "safeguarding", title: "Safeguarding", completedOn: "2026-11-30", assisted: false, score: 9, total: 10 }],
        })
        .returning();
      certificateId = certificate!.id;
      await db.insert(schema.auditLog).values({ at: new Date(), action: "certificate.issued", details: { certificateId } });
    });

    it("keep the audit log append-only: UPDATE, DELETE and TRUNCATE fail", async () => {
      // Deliberately without where(): the trigger must refuse a change to every row.
      // eslint-disable-next-line drizzle/enforce-update-with-where
      expect(await failure(db.update(schema.auditLog).set({ action: "changed" }))).toMatch(/audit_log is append-only/);
      // eslint-disable-next-line drizzle/enforce-delete-with-where
      expect(await failure(db.delete(schema.auditLog))).toMatch(/audit_log is append-only/);
      expect(await failure(db.execute(sql`truncate audit_log`))).toMatch(/audit_log is append-only/);
      expect((await db.select({ n: count() }).from(schema.auditLog))[0]!.n).toBe(1);
    });

    const change = (values: Partial<typeof schema.certificates.$inferInsert>) =>
      db.update(schema.certificates).set(values).where(eq(schema.certificates.id, certificateId));

    it("refuse changing what a certificate says: code, holder, course, dates, modules", async () => {
      for (const values of [
        { code: "SLT-CCCC-DDDD" },
        { holderName: "Someone Else" },
        { personId: trainerId },
        { courseTitle: "Another course" },
        { contentVersion: "2026.2" },
        { cycle: 2 },
        { issuedOn: "2026-12-01" },
        { expiresOn: "2030-01-01" },
        { modules: [] },
      ] satisfies Partial<typeof schema.certificates.$inferInsert>[]) {
        expect(await failure(change(values)), JSON.stringify(values)).toMatch(/certificates are immutable once issued/);
      }
      expect(await failure(db.delete(schema.certificates).where(eq(schema.certificates.id, certificateId)))).toMatch(
        /certificates are never deleted/,
      );
    });

    it("allow anonymising the holder's name, as on SQLite", async () => {
      const result = await change({ holderName: "Anonymised person 17" });
      expect(result.rowCount).toBe(1);
      // SQLite's LIKE ignores ASCII case, so the PostgreSQL trigger uses ILIKE.
      expect((await change({ holderName: "anonymised PERSON 17" })).rowCount).toBe(1);
    });

    it("allow revoking once, and superseding once, but not undoing or re-dating either", async () => {
      const revokedAt = new Date("2026-12-01T10:00:00.123Z");
      await change({ revokedAt, revokedBy: trainerId, revokedReason: "Issued in error" });
      const [row] = await db.select().from(schema.certificates).where(eq(schema.certificates.id, certificateId));
      expect(row!.revokedAt).toEqual(revokedAt); // to the millisecond, as a Date
      expect(await failure(change({ revokedAt: new Date() }))).toMatch(/immutable/);
      expect(await failure(change({ revokedAt: null }))).toMatch(/immutable/);

      await change({ supersededAt: new Date(), supersededById: certificateId });
      expect(await failure(change({ supersededAt: null }))).toMatch(/immutable/);
    });
  });

  describe("driver facts the engine wiring relies on", () => {
    it("count(*) comes back as a string unless cast; drizzle's count() is a number", async () => {
      const raw = await db.execute<{ n: unknown }>(sql`select count(*) as n from people`);
      expect(raw.rows[0]!.n).toBe("2");
      const cast = await db.execute<{ n: unknown }>(sql`select count(*)::int as n from people`);
      expect(cast.rows[0]!.n).toBe(2);
      expect((await db.select({ n: count() }).from(schema.people))[0]!.n).toBe(2);
    });

    it("rows affected are rowCount (SQLite: changes); defaults, booleans, JSON and Dates round-trip", async () => {
      const result = await db.update(schema.people).set({ active: false }).where(eq(schema.people.email, "ada@example.org"));
      expect(result.rowCount).toBe(1);
      const [person] = await db.select().from(schema.people).where(eq(schema.people.email, "ada@example.org"));
      expect(person!.active).toBe(false);
      expect(person!.createdAt).toBeInstanceOf(Date);
      expect(person!.createdAt.getTime() % 1).toBe(0);
      const [log] = await db.select().from(schema.auditLog);
      expect(log!.details).toEqual({ certificateId: expect.any(Number) });
    });

    it("a unique violation is SQLSTATE 23505 on the error's cause (drizzle wraps the driver's error)", async () => {
      let caught: unknown;
      try {
        await db.insert(schema.schemes).values({ name: "Trigger scheme" });
      } catch (error) {
        caught = error;
      }
      expect((caught as { cause?: { code?: string; constraint?: string } }).cause).toMatchObject({
        code: "23505",
        constraint: "schemes_name_unique",
      });
    });
  });

  describe("TLS", () => {
    let sslOn = false;
    beforeAll(async () => {
      sslOn = (await admin.query("show ssl")).rows[0].ssl === "on";
      if (!sslOn) console.warn("TLS checks: the server at TEST_DATABASE_URL runs without ssl=on, so only the refusal is checked.");
    });

    async function connectionSsl(options: pg.ClientConfig): Promise<{ ssl: boolean; version: string | null }> {
      const client = new pg.Client(options);
      await client.connect();
      try {
        return (await client.query("select ssl, version from pg_stat_ssl where pid = pg_backend_pid()")).rows[0];
      } finally {
        await client.end();
      }
    }

    it("sslmode=require in the URL gives an encrypted connection (or fails when the server has no TLS)", async () => {
      const options = buildPgPoolOptions({ url: withParams(url, { sslmode: "require" }) });
      if (!sslOn) {
        expect(await failure(connectionSsl(options))).toMatch(/does not support SSL/);
        return;
      }
      expect(await connectionSsl(options)).toMatchObject({ ssl: true, version: expect.stringMatching(/^TLS/) });
      // And without sslmode the same server is reached in plain text.
      expect(await connectionSsl(buildPgPoolOptions({ url }))).toMatchObject({ ssl: false });
    });

    it("verify-full checks the certificate against the CA file, and refuses it without", async (ctx) => {
      if (!sslOn || !caFile) {
        console.warn("TLS checks: no ssl=on server with TEST_DATABASE_CA_FILE, so verify-full was not checked.");
        ctx.skip();
      }
      const verifyFull = withParams(url, { sslmode: "verify-full" });
      expect(await connectionSsl(buildPgPoolOptions({ url: verifyFull, caFile }))).toMatchObject({ ssl: true });
      // The self-signed certificate is not trusted by the system CAs.
      expect(await failure(connectionSsl(buildPgPoolOptions({ url: verifyFull })))).toMatch(/self[- ]signed|unable to verify/i);
      // The CA file can come in the URL too (sslrootcert), as with libpq.
      const inUrl = withParams(url, { sslmode: "verify-full", sslrootcert: caFile! });
      expect(await connectionSsl(buildPgPoolOptions({ url: inUrl }))).toMatchObject({ ssl: true });
    });
  });
});
