import { rawConnection } from "@/db/raw";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
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
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const file = join(mkdtempSync(join(tmpdir(), "slt-")), "t.db");
    const db = openDatabase(file);
    // Back to the state before 0002 (so also before the migrations after it, which only add
    // tables and an index), then rows that only the old schema allowed.
    const journal = JSON.parse(readFileSync(join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: { tag: string; when: number }[] };
    const from = journal.entries.find((e) => e.tag.startsWith("0002_"))!.when;
    db.client().exec(`
      drop index quiz_attempts_one_open; drop index certificates_one_live; drop table job_locks; drop table rate_limits;
      drop table scheme_details; drop index invitations_intake;
      delete from __drizzle_migrations where created_at >= ${from};
      insert into schemes (id, name) values (1, 's');
      insert into people (id, scheme_id, name, email, role) values (1, 1, 'p', 'p@x', 'carer');
      insert into quiz_attempts (id, person_id, module_slug, cycle, content_version, scenario_ids, started_at, total) values
        (1, 1, 'golden-rules', 1, 'v', '[]', 100, 5), (2, 1, 'golden-rules', 1, 'v', '[]', 200, 5), (3, 1, 'golden-rules', 2, 'v', '[]', 300, 5);
      insert into certificates (id, code, person_id, scheme_id, holder_name, course_id, course_title, content_version, cycle, issued_on, expires_on, modules) values
        (1, 'A', 1, 1, 'p', 'c', 't', 'v', 1, '2026-01-01', '2027-01-01', '[]'), (2, 'B', 1, 1, 'p', 'c', 't', 'v', 1, '2026-01-02', '2027-01-02', '[]');
    `);
    db.client().close();
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
