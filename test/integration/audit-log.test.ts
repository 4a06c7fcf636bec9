// The trainers' audit log page (lib/trainer/audit-log.ts) on both engines: an entry's time and
// details as recorded, and paging by (time, id) that neither skips nor repeats entries written in
// the same millisecond. On PostgreSQL the details came back already parsed (jsonb) and were parsed
// again: the page failed for any entry with details. jsonb also keeps keys in its own order, so
// the details are shown in alphabetical order on both.
import { beforeEach, describe, expect, it } from "vitest";
import { appendAudit } from "@/db/queries/audit";
import { AUDIT_PAGE_SIZE, auditLogFor, parseAuditFilters } from "@/lib/trainer/audit-log";
import { freshDatabase, makePerson, makeScheme, viewerOf } from "../helpers/db";

let schemeId: number;
let trainer: ReturnType<typeof viewerOf>;
let carerId: number;
beforeEach(async () => {
  await freshDatabase();
  schemeId = (await makeScheme()).id;
  trainer = viewerOf(await makePerson("trainer", schemeId));
  carerId = (await makePerson("carer", schemeId)).id;
});

describe("the audit log page", () => {
  it("shows an entry's time and details as they were recorded", async () => {
    const at = new Date("2027-05-04T09:08:07.654Z");
    await appendAudit({ at, actorId: trainer.personId, schemeId, subjectPersonId: carerId, action: "recorded-assisted-completion", details: { module: "golden-rules", cycle: 2, assistedBy: "Olu" } });
    const page = await auditLogFor(trainer, schemeId, parseAuditFilters({}));
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]!.at).toEqual(at);
    expect(page.entries[0]!.detailsText).toBe("assisted by: Olu; cycle: 2; module: golden-rules");
    expect(page.entries[0]!.details).toEqual({ module: "golden-rules", cycle: 2, assistedBy: "Olu" });
  });

  it("pages through entries written in the same millisecond without skipping or repeating one", async () => {
    const at = new Date("2027-05-04T09:08:07.654Z");
    for (let i = 0; i < AUDIT_PAGE_SIZE + 3; i++) await appendAudit({ at, actorId: trainer.personId, schemeId, subjectPersonId: carerId, action: "changed-role", details: { n: i } });
    const first = await auditLogFor(trainer, schemeId, parseAuditFilters({}));
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.nextBefore).toMatch(/^\d+-\d+$/);
    const second = await auditLogFor(trainer, schemeId, parseAuditFilters({ before: first.nextBefore! }));
    expect(second.nextBefore).toBeNull();
    const seen = [...first.entries, ...second.entries].map((e) => e.details?.n);
    expect(seen).toHaveLength(AUDIT_PAGE_SIZE + 3);
    expect(new Set(seen).size).toBe(AUDIT_PAGE_SIZE + 3);
  });
});
