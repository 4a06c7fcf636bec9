import { rawConnection } from "@/db/raw";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { rowCounts } from "../helpers/db";

describe("migrations", () => {
  it("create every table on an empty database, with the pragmas we rely on", () => {
    const db = openDatabase(":memory:");
    const counts = rowCounts(db);
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
    expect(rowCounts(again).people).toBe(0);
  });

  it("keep the audit log append-only", () => {
    const db = openDatabase(":memory:");
    rawConnection(db).prepare("insert into audit_log (at, action) values (1, 'x')").run();
    expect(() => rawConnection(db).prepare("update audit_log set action = 'y'").run()).toThrow(/append-only/);
    expect(() => rawConnection(db).prepare("delete from audit_log").run()).toThrow(/append-only/);
  });
});
