// `npm run db:copy`: a SQLite database with a few hundred people and three years of history (made
// by scripts/seed-large.ts, plus rows for the tables it leaves empty) copied into an empty
// PostgreSQL database. Runs only when TEST_DATABASE_URL names a server it may create databases on
// (scripts/lib/postgres.sh starts a throwaway one); makes its own database and drops it afterwards.
import { openRawConnection, type RawConnection } from "@/db/raw";
import { eq, getTableColumns, type Column } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { getTableConfig as getPgTableConfig } from "drizzle-orm/pg-core";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCopyOrder, copySqliteToPostgres, CopyRefusedError, COPY_ORDER, type CopyResult } from "@/db/copy";
import { buildPgPoolOptions } from "@/db/pg-connection-options";
import * as liteSchema from "@/db/schema";
import * as pgSchema from "@/db/schema-pg";
import { certificateStatus } from "@/lib/certificates/status";
import { testPostgres, withDatabase } from "../helpers/pg";

const root = join(__dirname, "..", "..");
const TSX = ["--conditions=react-server", "--import", "tsx"];
const { baseUrl, caFile } = testPostgres("test/integration/pg-copy.test.ts (PostgreSQL part)", "db:copy was not run against PostgreSQL");


describe("the copy order", () => {
  it("names every table of both schemas once, parents before children", () => {
    const tables = checkCopyOrder();
    expect(tables.map((t) => t.name)).toEqual([...COPY_ORDER]);
    expect(new Set(COPY_ORDER).size).toBe(COPY_ORDER.length);
  });

  it("the script refuses bad arguments with its usage and exit status 2", () => {
    for (const args of [[], ["--to"], ["--to", "mysql://x/y"], ["--from", "x.db"], ["--to", "postgres://h/d", "--nonsense"]]) {
      const run = spawnSync(process.execPath, [...TSX, "scripts/db-copy.ts", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_PATH: "" } });
      expect(run.status, `${args.join(" ")}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(/Usage: npm run db:copy/);
    }
  }, 60_000);
});

describe.skipIf(!baseUrl)("db:copy into PostgreSQL", () => {
  const database = `slt_copy_${process.pid}_${Date.now().toString(36)}`;
  let dir: string;
  let file: string;
  let admin: pg.Client;
  let url: string;
  let pool: pg.Pool;
  let target: NodePgDatabase<typeof pgSchema>;
  let source: RawConnection;
  let result: CopyResult;
  let seconds: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pg-copy-"));
    file = join(dir, "site.db");
    // A realistic database, made by the seeder the benchmarks use.
    const seeded = spawnSync(process.execPath, [...TSX, "scripts/seed-large.ts", "--people", "300", "--years", "3", "--seed", "7"], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: file },
      encoding: "utf8",
    });
    expect(seeded.status, seeded.stderr).toBe(0);

    // The tables the seeder leaves empty, and the awkward values: a revoked certificate, an
    // anonymised holder, JSON null and unicode, a default created_at (unixepoch('subsec') * 1000).
    const lite = openRawConnection(file);
    const now = Date.now();
    const person = (lite.prepare("select id from people where role = 'carer' order by id limit 1").get() as { id: number }).id;
    const trainer = (lite.prepare("select id from people where role = 'trainer' order by id limit 1").get() as { id: number }).id;
    lite.exec(`
      insert into sessions (id, person_id, expires_at) values ('s-1', ${person}, ${now + 86_400_000}), ('s-2', ${trainer}, ${now - 1000});
      update sessions set revoked_at = ${now - 500} where id = 's-2';
      insert into sign_in_attempts (email, at, succeeded) values ('a@x.example', ${now - 10}, 0), ('a@x.example', ${now}, 1);
      insert into sign_in_links (token_hash, person_id, expires_at, used_at) values ('hash-1', ${person}, ${now + 900_000}, null);
      insert into outbox (scheme_id, person_id, to_address, subject, body, kind, sent_at, transport, error)
        values (1, ${person}, 'zoë@example.org', 'Your certificate – ready', 'Line one\nLine “two” 🎓', 'certificate', null, 'outbox', null),
               (null, null, 'admin@example.org', 'Digest', 'x', 'digest', ${now}, 'smtp', 'timeout');
      insert into audit_log (at, actor_id, scheme_id, subject_person_id, action, details) values (${now}, null, null, null, 'no-details', null);
      insert into audit_log (at, actor_id, scheme_id, subject_person_id, action, details)
        values (${now}, ${trainer}, 1, ${person}, 'unicode', '{"note":"Zoë O’Brien ✓","nested":{"list":[1,2.5,null,true]}}');
      insert into retrain_versions (content_version, marked_at, marked_by, reason) values ('2024.1', ${now}, ${trainer}, 'Safeguarding law changed');
      insert into digests_sent (trainer_id, day, sent_at) values (${trainer}, '2026-11-30', ${now});
      insert into scheme_details (scheme_id, public_name, advice_phone, note_breach, revision, updated_at, updated_by)
        values (1, 'Zoë’s Shared Lives', '0300 123 4567', 'Ring **at once**.\n- [Guide](https://example.org/breach)', 3, ${now}, ${trainer});
      insert into rate_limits (key, window_start, count) values ('verify:203.0.113.9', ${now - (now % 60_000)}, 3);
      insert into job_locks (name, holder, locked_at, locked_until) values ('reminders', 'host:1:x', ${now}, ${now + 1_800_000});
      update people set name = 'Zoë O’Brien-Ñúñez' where id = ${person};
      insert into supported_sessions (session_id, officer_id, person_id, scheme_id, started_at, last_active_at, ended_at, end_reason)
        values ('s-2', ${trainer}, ${person}, 1, ${now - 3000}, ${now - 2000}, ${now - 1000}, 'signed-out'),
               ('s-1', ${trainer}, ${person}, 1, ${now - 3000}, ${now - 2000}, null, null);
      insert into paper_workbooks (reference, person_id, scheme_id, module_slug, cycle, content_version, scenario_ids, printed_by, printed_at, entered_by, entered_at)
        values ('4821739056', ${person}, 1, 'golden-rules', 1, '2026.1', '["gr-child-at-risk","gr-not-confidential"]', ${trainer}, ${now - 5000}, ${trainer}, ${now}),
               ('1234567890', ${person}, 1, 'confidentiality', 1, '2026.1', '[]', ${trainer}, ${now}, null, null);
      update quiz_attempts set paper_workbook_id = (select id from paper_workbooks where reference = '4821739056')
        where id = (select min(id) from quiz_attempts where person_id = ${person});
      update quiz_attempts set supported_by_person_id = ${trainer} where id = (select max(id) from quiz_attempts where person_id = ${person});
      update module_completions set supported_by_person_id = ${trainer}
        where id = (select max(id) from module_completions where person_id = ${person} and assisted = 0);
    `);
    const certs = lite.prepare("select id from certificates where revoked_at is null and superseded_at is null order by id limit 2").all() as { id: number }[];
    lite.prepare("update certificates set revoked_at = ?, revoked_by = ?, revoked_reason = ? where id = ?").run(now, trainer, "Issued in error", certs[0]!.id);
    lite.prepare("update certificates set holder_name = 'Anonymised person 42' where id = ?").run(certs[1]!.id);
    lite.close();

    source = openRawConnection(file, { readonly: true });
    admin = new pg.Client(buildPgPoolOptions({ url: baseUrl!, caFile }));
    await admin.connect();
    await admin.query(`create database ${database}`);
    url = withDatabase(baseUrl!, database);
    pool = new pg.Pool(buildPgPoolOptions({ url, caFile, poolSize: 3 }));
    target = drizzlePg(pool, { schema: pgSchema });

    const started = performance.now();
    result = await copySqliteToPostgres({ from: file, to: buildPgPoolOptions({ url, caFile }) });
    seconds = (performance.now() - started) / 1000;
    console.log(`db:copy: ${result.rows} rows in ${seconds.toFixed(2)} s (${Math.round(result.rows / seconds)} rows/s)`);
  }, 180_000);

  afterAll(async () => {
    source?.close();
    await pool?.end();
    if (admin) {
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const liteCount = (table: string) => (source.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
  const pgCounts = async () => {
    const out: Record<string, number> = {};
    for (const t of COPY_ORDER) out[t] = (await pool.query(`select count(*)::int as n from "${t}"`)).rows[0].n;
    return out;
  };

  it("copies every row: the counts per table are equal, and every table has rows", async () => {
    const expected = Object.fromEntries(COPY_ORDER.map((t) => [t, liteCount(t)]));
    expect(await pgCounts()).toEqual(expected);
    expect(result.tables.map((t) => [t.table, t.sqlite, t.postgres])).toEqual(COPY_ORDER.map((t) => [t, expected[t], expected[t]]));
    for (const t of COPY_ORDER) expect(expected[t], t).toBeGreaterThan(0);
    expect(expected.people).toBeGreaterThan(300);
    expect(result.rows).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
  });

  it("copies every column of every row as the same value (ids kept; Dates, booleans and JSON converted)", async () => {
    const lite = drizzleSqlite(source as never, { schema: liteSchema });
    for (const t of checkCopyOrder()) {
      // The primary key columns, to order both sides the same way.
      const config = getPgTableConfig(t.pg);
      const keyNames = config.primaryKeys.length ? config.primaryKeys[0]!.columns.map((c) => c.name) : config.columns.filter((c) => c.primary).map((c) => c.name);
      const liteColumns = getTableColumns(t.sqlite) as Record<string, Column>;
      const pgColumns = getTableColumns(t.pg) as Record<string, Column>;
      const keys = Object.keys(liteColumns).filter((k) => keyNames.includes(liteColumns[k]!.name));
      expect(keys.length, t.name).toBeGreaterThan(0);
      for (const k of Object.keys(liteColumns)) expect(pgColumns[k]?.name, `${t.name}.${k}`).toBe(liteColumns[k]!.name);
      // Sorted here, not in SQL: a server's collation may order text differently from SQLite's.
      const byKey = (rows: Record<string, unknown>[]) =>
        rows
          .map((row) => ({ row, key: keys.map((k) => (typeof row[k] === "number" ? String(row[k]).padStart(12, "0") : String(row[k]))).join("\u0000") }))
          .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
          .map((r) => r.row);
      const liteRows = byKey((await lite.select().from(t.sqlite)) as Record<string, unknown>[]);
      const pgRows = byKey((await target.select().from(t.pg)) as Record<string, unknown>[]);
      expect(pgRows.length, t.name).toBe(liteRows.length);
      // Every row, column by column, compared as values (a Date equals a Date of the same ms).
      for (let i = 0; i < liteRows.length; i++) {
        if (JSON.stringify(pgRows[i]) !== JSON.stringify(liteRows[i])) expect(pgRows[i], `${t.name} row ${i}`).toEqual(liteRows[i]);
      }
      // And a sample through toEqual itself, which compares Dates, booleans and JSON structurally.
      const step = Math.max(1, Math.floor(liteRows.length / 25));
      for (let i = 0; i < liteRows.length; i += step) expect(pgRows[i], `${t.name} row ${i}`).toEqual(liteRows[i]);
    }
    const [outbox] = await target.select().from(pgSchema.outbox).orderBy(pgSchema.outbox.id).limit(1);
    expect(outbox!.body).toBe("Line one\nLine “two” 🎓");
    const [unicode] = await target.select().from(pgSchema.auditLog).where(eq(pgSchema.auditLog.action, "unicode"));
    expect(unicode!.details).toEqual({ note: "Zoë O’Brien ✓", nested: { list: [1, 2.5, null, true] } });
    expect((await pool.query("select jsonb_typeof(details) as t from audit_log where action = 'unicode'")).rows[0].t).toBe("object");
    expect((await pool.query("select count(*)::int as n from audit_log where details is null")).rows[0].n).toBeGreaterThan(0);
  });

  it("every certificate reads the same from both: code, holder, dates, course and status", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const view = (c: typeof liteSchema.certificates.$inferSelect) => ({
      id: c.id,
      code: c.code,
      holderName: c.holderName,
      personId: c.personId,
      courseTitle: c.courseTitle,
      contentVersion: c.contentVersion,
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn,
      status: certificateStatus(c, today),
      modules: c.modules,
    });
    const lite = drizzleSqlite(source as never, { schema: liteSchema });
    const fromLite = lite.select().from(liteSchema.certificates).orderBy(liteSchema.certificates.id).all().map(view);
    const fromPg = (await target.select().from(pgSchema.certificates).orderBy(pgSchema.certificates.id)).map(view);
    expect(fromPg).toEqual(fromLite);
    const statuses = new Set(fromPg.map((c) => c.status));
    for (const s of ["valid", "superseded", "revoked"]) expect(statuses, s).toContain(s);
    expect(fromPg.some((c) => c.holderName === "Anonymised person 42")).toBe(true);
  });

  it("keeps the triggers: a copied certificate still cannot be changed, nor the audit log", async () => {
    await expect(pool.query("update certificates set code = 'SLT-XXXX-XXXX' where id = (select min(id) from certificates)")).rejects.toThrow(/immutable/);
    await expect(pool.query("delete from audit_log where id = (select min(id) from audit_log)")).rejects.toThrow(/append-only/);
  });

  it("refuses a second copy into the now non-empty database, and changes nothing", async () => {
    const before = await pgCounts();
    const sequence = (await pool.query("select last_value::int as v from quiz_answers_id_seq")).rows[0].v;
    const error = await copySqliteToPostgres({ from: file, to: buildPgPoolOptions({ url, caFile }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopyRefusedError);
    expect((error as Error).message).toMatch(/not empty \(rows in schemes, intakes, people/);
    expect(await pgCounts()).toEqual(before);
    expect((await pool.query("select last_value::int as v from quiz_answers_id_seq")).rows[0].v).toBe(sequence);

    // The real command says so and exits 1.
    const run = spawnSync(process.execPath, [...TSX, "scripts/db-copy.ts", "--from", file, "--to", url], { cwd: root, encoding: "utf8" });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toMatch(/refused: The target database is not empty/);
    expect(await pgCounts()).toEqual(before);
  }, 60_000);

  it("accepts new rows afterwards: every identity sequence is past the highest copied id", async () => {
    for (const t of checkCopyOrder()) {
      if (!getPgTableConfig(t.pg).columns.some((c) => c.name === "id" && c.generatedIdentity)) continue;
      const { rows } = await pool.query(`select (select coalesce(max(id), 0) from "${t.name}")::int as max, last_value::int as last, is_called from "${t.name}_id_seq"`);
      expect(rows[0].last, t.name).toBe(rows[0].max);
      expect(rows[0].is_called, t.name).toBe(true);
    }
    const maxPerson = liteCount("people");
    const [scheme] = await target.insert(pgSchema.schemes).values({ name: "Added after the copy" }).returning();
    const [person] = await target
      .insert(pgSchema.people)
      .values({ schemeId: scheme!.id, name: "New Person", email: "new.person@after-copy.example", role: "carer" })
      .returning();
    expect(person!.id).toBeGreaterThan(maxPerson);
    const [audit] = await target.insert(pgSchema.auditLog).values({ at: new Date(), action: "after-copy", details: { ok: true } }).returning();
    expect(audit!.id).toBe(liteCount("audit_log") + 1);
    const [attempt] = await target
      .insert(pgSchema.quizAttempts)
      .values({ personId: person!.id, moduleSlug: "golden-rules", cycle: 1, contentVersion: "2026.1", scenarioIds: ["a"], startedAt: new Date(), total: 5 })
      .returning();
    expect(attempt!.id).toBe((source.prepare("select max(id) as n from quiz_attempts").get() as { n: number }).n + 1);
  });
});
