import { openRawConnection, rawConnection } from "@/db/raw";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/sqlite-db";
import { rowCounts } from "../helpers/db";

describe("migrations", () => {
  it("create every table on an empty database, with the pragmas we rely on", async () => {
    const db = openDatabase(":memory:");
    const counts = await rowCounts(db);
    for (const table of ["schemes", "people", "sessions", "invitations", "sign_in_links", "outbox", "audit_log", "quiz_attempts", "certificates"]) {
      expect(counts[table], table).toBe(0);
    }
    expect(rawConnection(db).pragma("foreign_keys", { simple: true })).toBe(1);
    expect(rawConnection(db).pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("use WAL and synchronous=FULL on a file database, and are safe to apply twice", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const file = join(mkdtempSync(join(tmpdir(), "slt-")), "t.db");
    const first = openDatabase(file);
    expect(rawConnection(first).pragma("journal_mode", { simple: true })).toBe("wal");
    expect(rawConnection(first).pragma("synchronous", { simple: true })).toBe(2);
    first.close();
    const again = openDatabase(file);
    expect((await rowCounts(again)).people).toBe(0);
  });

  it("keep the audit log append-only", () => {
    const db = openDatabase(":memory:");
    rawConnection(db).prepare("insert into audit_log (at, action) values (1, 'x')").run();
    expect(() => rawConnection(db).prepare("update audit_log set action = 'y'").run()).toThrow(/append-only/);
    expect(() => rawConnection(db).prepare("delete from audit_log").run()).toThrow(/append-only/);
  });
});

describe("the at-most-one migration (0002)", () => {
  it("tidies rows that would break its unique indexes before creating them", async () => {
    const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { migrate } = await import("drizzle-orm/better-sqlite3/migrator");
    const { drizzle } = await import("drizzle-orm/better-sqlite3");
    const dir = mkdtempSync(join(tmpdir(), "slt-"));
    const file = join(dir, "t.db");
    // The state before 0002: only the migrations before it, from a copy of the folder whose journal
    // stops there (later migrations, whatever they add, then run after 0002 as on a real upgrade).
    const before = join(dir, "migrations");
    cpSync(MIGRATIONS_FOLDER, before, { recursive: true });
    const journalPath = join(before, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number }[] };
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx < 2) }));
    const old = openRawConnection(file);
    migrate(drizzle(old as never), { migrationsFolder: before });
    // Rows that only the old schema allowed.
    old.exec(`
      insert into schemes (id, name) values (1, 's');
      insert into people (id, scheme_id, name, email, role) values (1, 1, 'p', 'p@x', 'carer');
      insert into quiz_attempts (id, person_id, module_slug, cycle, content_version, scenario_ids, started_at, total) values
        (1, 1, 'golden-rules', 1, 'v', '[]', 100, 5), (2, 1, 'golden-rules', 1, 'v', '[]', 200, 5), (3, 1, 'golden-rules', 2, 'v', '[]', 300, 5);
      insert into certificates (id, code, person_id, scheme_id, holder_name, course_id, course_title, content_version, cycle, issued_on, expires_on, modules) values
        (1, 'A', 1, 1, 'p', 'c', 't', 'v', 1, '2026-01-01', '2027-01-01', '[]'), (2, 'B', 1, 1, 'p', 'c', 't', 'v', 1, '2026-01-02', '2027-01-02', '[]');
    `);
    old.close();
    const again = openDatabase(file);
    const attempts = again.client().prepare("select id, submitted_at as submittedAt from quiz_attempts order by id").all();
    expect(attempts).toEqual([
      { id: 1, submittedAt: 100 },
      { id: 2, submittedAt: null },
      { id: 3, submittedAt: null },
    ]);
    const certificates = again.client().prepare("select id, superseded_by_id as by, superseded_at is not null as superseded from certificates order by id").all();
    expect(certificates).toEqual([
      { id: 1, by: 2, superseded: 1 },
      { id: 2, by: null, superseded: 0 },
    ]);
    expect((await rowCounts(again)).job_locks).toBe(0);
  });
});
