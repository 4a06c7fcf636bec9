// A bulk invitation is all or nothing: every invitation, its email and audit entry, and the run's
// own audit entry share one transaction.
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertIntake } from "@/db/queries/intakes";
import type { Viewer } from "@/lib/access";
import { setTestNow } from "@/lib/clock";
import { bulkInvite } from "@/lib/trainer/intakes";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf, jsonColumn, refuseInserts, sqlRow, sqlRows } from "../helpers/db";

let db: Db;
let trainer: Viewer;
let intakeId: number;

beforeEach(async () => {
  setTestNow("2026-11-23T10:00:00Z");
  db = await freshDatabase();
  const scheme = await makeScheme();
  trainer = viewerOf(await makePerson("trainer", scheme.id));
  intakeId = (await insertIntake({ schemeId: scheme.id, name: "Intake", startDate: "2026-09-01", createdBy: null })).id;
});

/** An error's message and those of the errors it wraps (drizzle wraps the driver's as `cause`). */
function messagesOf(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) parts.push(String(e.message));
  return parts.join(" <- ");
}

const count = async (sql: string) => (await sqlRow<{ n: number }>(db, sql))!.n;

describe("bulk invitations", () => {
  it("refuses a role that is an Object.prototype key, by name, with nobody invited", async () => {
    for (const role of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      const before = await rowCounts(db);
      const text = `name,email,role\nAna,ana@example.org,carer\nBen,ben@example.org,carer\nCy,cy@example.org,${role}`;
      const result = await bulkInvite(trainer, intakeId, { text, defaultRole: null, goodRowsOnly: false });
      expect(result.ok, role).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => p.message).join(" ")).toContain(`The role “${role}” is not one we know`);
      expect(await rowCounts(db), role).toEqual(before);
    }
  });

  it("keeps nothing when a write fails part-way: no invitation, no email, no audit entry", async () => {
    // A database that refuses the third invitation, as a full disk or a constraint might.
    await refuseInserts(db, "invitations", "new.email = 'cy@example.org'");
    const before = await rowCounts(db);
    const text = "ana@example.org\nben@example.org\ncy@example.org\ndee@example.org";
    await expect(bulkInvite(trainer, intakeId, { text, defaultRole: "carer", goodRowsOnly: false })).rejects.toSatisfy((error) => /refused/.test(messagesOf(error)));
    expect(await rowCounts(db)).toEqual(before);
    expect(await count("select count(*) n from invitations")).toBe(0);
    expect(await count("select count(*) n from outbox")).toBe(0);
  });

  it("writes every invitation, its email and audit entry, and one bulk audit entry together", async () => {
    const result = await bulkInvite(trainer, intakeId, { text: "ana@example.org\nben@example.org\nnot an address", defaultRole: "carer", goodRowsOnly: true });
    expect(result.ok).toBe(true);
    expect(await count("select count(*) n from invitations")).toBe(2);
    expect(await count("select count(*) n from outbox where kind = 'invitation'")).toBe(2);
    expect(await count("select count(*) n from audit_log where action = 'invited'")).toBe(2);
    const bulk = await sqlRows<{ details: unknown }>(db, "select details from audit_log where action = 'bulk-invited'");
    expect(bulk).toHaveLength(1);
    expect(jsonColumn(bulk[0]!.details)).toMatchObject({ intakeId, invited: 2, leftOut: [3] });
  });
});
