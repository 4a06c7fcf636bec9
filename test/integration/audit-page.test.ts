// The trainer's audit log page reads entries with their details on both engines: SQLite keeps the
// details as JSON text, PostgreSQL as jsonb (an object when read). The page once parsed the object
// as text and every audit page failed on PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit } from "@/db/queries/audit";
import { setTestNow } from "@/lib/clock";
import { auditLogFor, parseAuditFilters } from "@/lib/trainer/audit-log";
import { freshDatabase, makePerson, makeScheme, viewerOf } from "../helpers/db";

beforeEach(async () => {
  await freshDatabase();
  setTestNow("2026-11-23T08:00:00Z");
});
afterEach(() => setTestNow(null));

describe("audit log page", () => {
  it("shows each entry's details as words, and entries without details as nothing", async () => {
    const scheme = await makeScheme();
    const trainer = await makePerson("trainer", scheme.id);
    const carer = await makePerson("carer", scheme.id, { name: "Ada Carer" });
    await appendAudit({ at: new Date("2026-11-20T10:00:00Z"), actorId: trainer.id, schemeId: scheme.id, subjectPersonId: carer.id, action: "completion-recorded", details: { moduleSlug: "safeguarding", note: "with help" } });
    await appendAudit({ at: new Date("2026-11-21T10:00:00Z"), actorId: trainer.id, schemeId: scheme.id, subjectPersonId: carer.id, action: "person-deactivated" });
    const page = await auditLogFor(viewerOf(trainer), scheme.id, parseAuditFilters({}));
    expect(page.entries.map((e) => [e.action, e.detailsText, e.subjectName])).toEqual([
      ["person-deactivated", "", "Ada Carer"],
      ["completion-recorded", "module slug: safeguarding; note: with help", "Ada Carer"],
    ]);
    expect(page.entries[1]!.at.toISOString()).toBe("2026-11-20T10:00:00.000Z");
  });
});
