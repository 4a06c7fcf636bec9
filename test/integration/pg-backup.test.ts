// `npm run backup` and `npm run restore` with DATABASE_URL=postgres://…: pg_dump -Fc into a private
// file, and pg_restore back in one transaction. The real commands run as their own processes.
// Runs only when TEST_DATABASE_URL names a server it may create databases on; makes its own
// database and drops it afterwards.
import { eq } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseNameOf, defaultPgBackupPath, findPgTool, libpqConnection, pgTableCounts } from "@/db/pg-backup";
import { buildPgPoolOptions } from "@/db/pg-connection-options";
import { migratePostgres } from "@/db/pg-migrate";
import * as schema from "@/db/schema-pg";
import { testPostgres } from "../helpers/pg";

const root = join(__dirname, "..", "..");
const TSX = ["--conditions=react-server", "--import", "tsx"];
const { baseUrl, caFile } = testPostgres("test/integration/pg-backup.test.ts (PostgreSQL part)", "pg_dump/pg_restore were not run");

describe("PostgreSQL backup helpers", () => {
  it("keep the password off the command line, in PGPASSWORD", () => {
    expect(libpqConnection({ url: "postgres://app:s%40cret@db.example:5432/training?sslmode=verify-full", caFile: "/etc/ca.pem" })).toEqual({
      dbname: "postgres://app@db.example:5432/training?sslmode=verify-full",
      env: { PGPASSWORD: "s@cret", PGSSLROOTCERT: "/etc/ca.pem" },
    });
    expect(libpqConnection({ url: "postgres://app@h/d?sslmode=no-verify" })).toEqual({ dbname: "postgres://app@h/d?sslmode=require", env: {} });
  });

  it("name a dated .dump after the database, in data/backups", () => {
    expect(databaseNameOf("postgres://a:b@h:1/training?x=1")).toBe("training");
    expect(defaultPgBackupPath("postgres://h/training", new Date("2026-11-23T02:00:00.123Z"))).toBe(join(root, "data", "backups", "training-2026-11-23T02-00-00Z.dump"));
  });

  it("say clearly when pg_dump is missing", () => {
    expect(() => findPgTool("pg_dump", { PATH: "/nonexistent" }, "/nonexistent")).toThrow(/pg_dump was not found .*apt-get install postgresql-client/);
    if (existsSync("/usr/lib/postgresql")) expect(findPgTool("pg_restore", { PATH: "" })).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin\/pg_restore$/);
  });
});

describe.skipIf(!baseUrl)("npm run backup / restore on PostgreSQL", () => {
  const database = `slt_backup_${process.pid}_${Date.now().toString(36)}`;
  let dir: string;
  let admin: pg.Client;
  let url: string;
  let pool: pg.Pool;
  let db: NodePgDatabase<typeof schema>;
  const madeHere: string[] = [];

  const script = (args: string[], extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, [...TSX, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: url, DATABASE_CA_FILE: caFile ?? "", ...extra } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pg-backup-"));
    admin = new pg.Client(buildPgPoolOptions({ url: baseUrl!, caFile }));
    await admin.connect();
    await admin.query(`create database ${database}`);
    const u = new URL(baseUrl!);
    u.pathname = `/${database}`;
    url = u.toString();
    await migratePostgres({ connection: buildPgPoolOptions({ url, caFile }) });
    pool = new pg.Pool(buildPgPoolOptions({ url, caFile, poolSize: 3 }));
    // pg_restore --clean and the final drop end idle connections: not an error here.
    pool.on("error", () => undefined);
    db = drizzle(pool, { schema });
    const [scheme] = await db.insert(schema.schemes).values({ name: "Backup scheme" }).returning();
    const people = await db
      .insert(schema.people)
      .values(Array.from({ length: 50 }, (_, i) => ({ schemeId: scheme!.id, name: `Person ${i}`, email: `p${i}@backup.example`, role: "carer" as const })))
      .returning();
    await db.insert(schema.certificates).values({
      code: "SLT-BACK-UP01",
      personId: people[0]!.id,
      schemeId: scheme!.id,
      holderName: "Person 0",
      courseId: "c",
      courseTitle: "Course",
      contentVersion: "2026.1",
      cycle: 1,
      issuedOn: "2026-11-30",
      expiresOn: "2027-11-30",
      modules: [],
    });
    await db.insert(schema.auditLog).values(people.map((p) => ({ at: new Date(), subjectPersonId: p.id, action: "seeded", details: { n: p.id } })));
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    if (admin) {
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
    for (const f of madeHere) rmSync(f, { force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const counts = async () => {
    const client = await pool.connect();
    try {
      return await pgTableCounts(client);
    } finally {
      client.release();
    }
  };

  it("backs up with pg_dump, restores with pg_restore: a row written after the backup is gone, the rest as it was", async () => {
    const file = join(dir, "nested", "site.dump");
    const atBackup = await counts();
    const backup = script(["scripts/backup.ts", file]);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/pg_dump -Fc/);
    expect(backup.stdout).toContain("people 50");
    expect(backup.stdout + backup.stderr).not.toContain(new URL(url).password || "no-password-in-test-url");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}.partial`)).toBe(false);
    // Never overwrites a backup.
    const again = script(["scripts/backup.ts", file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    // Written after the backup.
    const [late] = await db.insert(schema.people).values({ schemeId: 1, name: "Late Person", email: "late@backup.example", role: "carer" }).returning();
    await db.insert(schema.auditLog).values({ at: new Date(), subjectPersonId: late!.id, action: "late" });
    const beforeRestore = await counts();
    expect(beforeRestore.people).toBe(atBackup.people! + 1);

    // Without --yes: refused, nothing changed.
    const refused = script(["scripts/restore.ts", file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/--yes/);
    expect(refused.stderr).toMatch(/PostgreSQL database/);
    expect(await counts()).toEqual(beforeRestore);

    // Not a dump: refused before anything is touched.
    const junk = join(dir, "junk.dump");
    writeFileSync(junk, "not a dump");
    const bad = script(["scripts/restore.ts", junk, "--yes"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/not a readable pg_dump archive/);
    expect(await counts()).toEqual(beforeRestore);

    const started = performance.now();
    const restored = script(["scripts/restore.ts", file, "--yes"]);
    console.log(`pg restore of ${Object.values(atBackup).reduce((a, b) => a + b, 0)} rows (with its safety dump): ${Math.round(performance.now() - started)} ms`);
    expect(restored.status, restored.stderr).toBe(0);
    const safety = restored.stdout.match(/kept in (\S+\.dump)/)?.[1];
    expect(safety).toBeTruthy();
    madeHere.push(safety!);
    expect(statSync(safety!).mode & 0o777).toBe(0o600);

    expect(await counts()).toEqual(atBackup);
    expect(await db.select().from(schema.people).where(eq(schema.people.email, "late@backup.example"))).toEqual([]);
    // The triggers came back with the tables, and the sequences with the data.
    await expect(pool.query("update certificates set code = 'SLT-XXXX-XXXX'")).rejects.toThrow(/immutable/);
    await expect(pool.query("delete from audit_log")).rejects.toThrow(/append-only/);
    const [next] = await db.insert(schema.people).values({ schemeId: 1, name: "Next", email: "next@backup.example", role: "carer" }).returning();
    expect(next!.id).toBe(atBackup.people! + 1);

    // The safety dump holds the database as it was just before the restore: restoring it undoes it.
    const undo = script(["scripts/restore.ts", safety!, "--yes"]);
    expect(undo.status, undo.stderr).toBe(0);
    madeHere.push(undo.stdout.match(/kept in (\S+\.dump)/)![1]!);
    expect(await counts()).toEqual(beforeRestore);
  }, 120_000);
});
