// `npm run backup` copies the live database while people are writing to it, and `npm run restore`
// puts a copy back. The backup runs as its own process (the real command) while this process keeps
// committing quiz attempts; each commit writes an attempt, its five answers and an audit entry, so a
// torn copy would show as an attempt without exactly five answers.
import { type RawConnection, openRawConnection, rawConnection } from "@/db/raw";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type SqliteDb } from "@/db/client";
import { backupDatabase, tableCounts } from "@/scripts/backup";
import { restoreDatabase } from "@/scripts/restore";

const root = join(__dirname, "..", "..");
const TSX = ["--conditions=react-server", "--import", "tsx"];

let dir: string;
let live: string;
let db: SqliteDb;
let personId: number;

function commitAttempt(n: number): void {
  const c = rawConnection(db);
  c.transaction(() => {
    const id = Number(
      c
        // Submitted: a person has at most one open attempt per module and cycle (quiz_attempts_one_open).
        .prepare("insert into quiz_attempts (person_id, module_slug, cycle, content_version, scenario_ids, started_at, submitted_at, total) values (?, 'golden-rules', 1, '2026.1', ?, ?, ?, 5)")
        .run(personId, JSON.stringify(["a", "b", "c", "d", "e"]), Date.now(), Date.now()).lastInsertRowid,
    );
    for (const s of ["a", "b", "c", "d", "e"]) {
      c.prepare("insert into quiz_answers (attempt_id, scenario_id, option_id, best, answered_at) values (?, ?, 'a', 1, ?)").run(id, s, Date.now());
    }
    c.prepare("insert into audit_log (at, actor_id, scheme_id, subject_person_id, action, details) values (?, ?, null, ?, 'backup-test-write', ?)").run(
      Date.now(),
      personId,
      personId,
      JSON.stringify({ n, padding: "x".repeat(200) }),
    );
  }).immediate();
}

const count = (d: RawConnection, sql: string) => (d.prepare(sql).get() as { n: number }).n;
const torn = (d: RawConnection) => count(d, "select count(*) as n from quiz_attempts a where (select count(*) from quiz_answers q where q.attempt_id = a.id) <> 5");

/** Runs a script as its own process while this one keeps writing; returns its output and the writes made. */
async function runWhileWriting(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; writes: number }> {
  const child = spawn(process.execPath, [...TSX, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  let done = false;
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => ((done = true), resolve(code))));
  let writes = 0;
  while (!done) {
    commitAttempt(writes++);
    await new Promise((r) => setImmediate(r));
  }
  return { code: await exited, out, writes };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "backup-"));
  live = join(dir, "live.db");
  db = openDatabase(live);
  const c = rawConnection(db);
  const scheme = Number(c.prepare("insert into schemes (name) values ('Backup scheme')").run().lastInsertRowid);
  personId = Number(c.prepare("insert into people (name, email, role, scheme_id) values ('Bea Backup', 'bea@backup.example', 'carer', ?)").run(scheme).lastInsertRowid);
  // A few MB to copy, so the copy takes a while.
  for (let i = 0; i < 3000; i++) commitAttempt(i);
});

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("npm run backup, while the site writes", () => {
  let file: string;
  let before: number;
  let after: number;

  beforeAll(async () => {
    file = join(dir, "copies", "during-writes.db");
    before = count(rawConnection(db), "select count(*) as n from quiz_attempts");
    const run = await runWhileWriting(["scripts/backup.ts", file], { DATABASE_PATH: live });
    after = count(rawConnection(db), "select count(*) as n from quiz_attempts");
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain("integrity ok");
    expect(run.writes).toBeGreaterThan(0);
  }, 60_000);

  it("writes a sound copy of one moment: whole transactions only", () => {
    const copy = openRawConnection(file, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.pragma("foreign_key_check")).toEqual([]);
    const attempts = count(copy, "select count(*) as n from quiz_attempts");
    // Taken after the writes began and before they ended: a snapshot from the middle.
    expect(attempts).toBeGreaterThan(before);
    expect(attempts).toBeLessThan(after);
    expect(torn(copy)).toBe(0);
    expect(count(copy, "select count(*) as n from quiz_answers")).toBe(attempts * 5);
    expect(count(copy, "select count(*) as n from audit_log where action = 'backup-test-write'")).toBe(attempts);
    copy.close();
  });

  it("keeps the copy private and never overwrites one", () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(() => backupDatabase(live, file)).toThrow(/already exists/);
    const refused = spawnSync(process.execPath, [...TSX, "scripts/backup.ts", file], { cwd: root, env: { ...process.env, DATABASE_PATH: live }, encoding: "utf8" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already exists/);
  });

  it("names a dated file beside the database when given none", () => {
    const run = spawnSync(process.execPath, [...TSX, "scripts/backup.ts"], { cwd: root, env: { ...process.env, DATABASE_PATH: live }, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const made = readdirSync(join(dir, "backups"));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^live-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db$/);
  });

  it("restores into a new place: the same rows, sound, migrated", async () => {
    const target = join(dir, "restored", "site.db");
    const result = await restoreDatabase(file, target);
    expect(result.safetyCopy).toBeNull();
    const copy = openRawConnection(file, { readonly: true });
    const expected = tableCounts(copy);
    copy.close();
    expect(result.tables).toEqual(expected);
    const restored = openRawConnection(target, { readonly: true });
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(torn(restored)).toBe(0);
    expect(tableCounts(restored)).toEqual(expected);
    restored.close();
  });

  it("restores over the live database with the real command, keeping what was there", async () => {
    const current = tableCounts(rawConnection(db));
    db.close(); // the site is stopped for a restore
    const refused = spawnSync(process.execPath, [...TSX, "scripts/restore.ts", file], { cwd: root, env: { ...process.env, DATABASE_PATH: live }, encoding: "utf8" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/--yes/);

    const run = spawnSync(process.execPath, [...TSX, "scripts/restore.ts", file, "--yes"], { cwd: root, env: { ...process.env, DATABASE_PATH: live }, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const safety = run.stdout.match(/kept in (\S+\.db)/)?.[1];
    expect(safety).toBeTruthy();

    db = openDatabase(live);
    const copy = openRawConnection(file, { readonly: true });
    expect(tableCounts(rawConnection(db))).toEqual(tableCounts(copy));
    copy.close();
    expect(rawConnection(db).pragma("integrity_check", { simple: true })).toBe("ok");
    const kept = openRawConnection(safety!, { readonly: true });
    expect(tableCounts(kept)).toEqual(current);
    kept.close();
  });

  it("refuses a file that is not a sound backup, and changes nothing", async () => {
    const junk = join(dir, "junk.db");
    writeFileSync(junk, "this is not a database");
    const beforeCounts = tableCounts(rawConnection(db));
    await expect(restoreDatabase(junk, live)).rejects.toThrow();
    expect(tableCounts(rawConnection(db))).toEqual(beforeCounts);
  });
});
