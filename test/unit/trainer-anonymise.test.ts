import { beforeEach, describe, expect, it } from "vitest";
import { type Db, writeTransaction } from "@/db/client";
import { listCertificatesOfPerson } from "@/db/queries/certificates";
import { findPersonById, insertPerson } from "@/db/queries/people";
import { insertInvitation } from "@/db/queries/auth";
import { insertOutboxMessage } from "@/db/queries/outbox";
import { setTestNow } from "@/lib/clock";
import { setActive } from "@/lib/people";
import { anonymiseDue, retentionCutoff } from "@/lib/trainer/anonymise";
import { redactTokens } from "@/lib/trainer/data-export";
import { completeModule } from "@/lib/training/complete";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf, sqlRows } from "../helpers/db";

let db: Db;
const titles = new Map([
  ["golden-rules", "Golden rules"],
  ["confidentiality", "Confidentiality"],
  ["triangle-of-care", "Triangle of care"],
]);

beforeEach(async () => {
  db = await freshDatabase();
});

async function leaver(schemeId: number, leftOn: string, name = "Lena Leaver") {
  setTestNow(`${leftOn}T09:00:00Z`);
  const trainer = await makePerson("trainer", schemeId);
  const person = await insertPerson({ name, email: `${name.replace(/ /g, ".").toLowerCase()}@example.org`, role: "carer", schemeId, passwordHash: "hash" });
  await insertInvitation({ tokenHash: `h${person.id}`, email: person.email, name, role: "carer", schemeId, invitedBy: trainer.id, expiresAt: new Date("2099-01-01") });
  await insertOutboxMessage({ toAddress: person.email, subject: "Hello", body: `Hello ${name}`, kind: "invitation", schemeId, personId: null, transport: "outbox" });
  for (const slug of titles.keys())
    await writeTransaction(async (tx) =>
      await completeModule(tx, { personId: person.id, moduleSlug: slug, cycle: 1, completedOn: leftOn, assisted: { by: "Officer", evidence: `Workbook of ${name}`, recordedBy: trainer.id }, actorId: trainer.id }, titles),
    );
  await setActive(viewerOf(trainer), person.id, false);
  return person;
}

describe("anonymising people who left", () => {
  it("anonymises only people deactivated more than the retention period ago, keeping every row", async () => {
    const scheme = await makeScheme();
    const old = await leaver(scheme.id, "2019-01-10", "Olive Old");
    const recent = await leaver(scheme.id, "2026-01-10", "Rita Recent");
    const stillHere = await makePerson("carer", scheme.id);
    setTestNow("2026-11-23T10:00:00Z");
    expect(retentionCutoff(new Date("2026-11-23T10:00:00Z"), 6 * 365).toISOString().slice(0, 10)).toBe("2020-11-24");

    const before = await rowCounts(db);
    const run = await anonymiseDue({ actorId: null, schemeId: null, retentionDays: 6 * 365 });
    expect(run.anonymised.map((p) => p.id)).toEqual([old.id]);

    const after = await rowCounts(db);
    // Every row stays; only the anonymisation's own audit entry is added.
    expect(after).toEqual({ ...before, audit_log: before.audit_log! + 1 });

    const person = (await findPersonById(old.id))!;
    expect(person).toMatchObject({ name: `Anonymised person ${old.id}`, email: `anonymised-${old.id}@invalid`, passwordHash: null, active: false });
    expect(person.anonymisedAt).not.toBeNull();
    expect((await listCertificatesOfPerson(old.id)).map((c) => c.holderName)).toEqual([`Anonymised person ${old.id}`]);
    const text = JSON.stringify(await sqlRows(db, "select email, name from invitations")) +
      JSON.stringify(await sqlRows(db, "select to_address, body from outbox")) +
      JSON.stringify(await sqlRows(db, "select evidence from module_completions where person_id = ?", old.id));
    expect(text).not.toMatch(/olive/i);
    expect(text).toMatch(/Rita Recent/); // the recent leaver is untouched

    expect((await findPersonById(recent.id))!.name).toBe("Rita Recent");
    expect((await findPersonById(stillHere.id))!.anonymisedAt).toBeNull();
    const audit = await sqlRows(db, "select actor_id, subject_person_id, action from audit_log where action = 'anonymised'");
    expect(audit).toEqual([{ actor_id: null, subject_person_id: old.id, action: "anonymised" }]);

    // Running again changes nothing.
    const again = await rowCounts(db);
    expect((await anonymiseDue({ actorId: null, schemeId: null, retentionDays: 6 * 365 })).anonymised).toEqual([]);
    expect(await rowCounts(db)).toEqual(again);
  });

  it("with a dry run, or for another scheme, changes nothing", async () => {
    const scheme = await makeScheme();
    const other = await makeScheme();
    const old = await leaver(scheme.id, "2018-05-01");
    setTestNow("2026-11-23T10:00:00Z");
    const before = await rowCounts(db);
    expect((await anonymiseDue({ actorId: null, schemeId: null, dryRun: true })).anonymised.map((p) => p.id)).toEqual([old.id]);
    expect((await anonymiseDue({ actorId: null, schemeId: other.id })).anonymised).toEqual([]);
    expect(await rowCounts(db)).toEqual(before);
    expect((await findPersonById(old.id))!.name).toBe("Lena Leaver");
  });
});

describe("the data file leaves out secrets", () => {
  it("removes one-time tokens from links", () => {
    const token = "A".repeat(20) + "b_-" + "9".repeat(20);
    expect(redactTokens(`Use this link: http://x/invite/${token}\nor http://x/sign-in/link?token=${token}&next=/my`)).toBe(
      "Use this link: http://x/invite/[removed]\nor http://x/sign-in/link?token=[removed]&next=/my",
    );
    expect(redactTokens("a short-word and an email@example.org stay")).toBe("a short-word and an email@example.org stay");
  });
});
