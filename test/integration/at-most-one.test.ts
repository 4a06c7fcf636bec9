// "At most one" rules held by unique (partial) indexes, not only by SQLite's single writer: a
// duplicate inserted straight into the table is refused, and the code paths turn a concurrent
// duplicate (simulated here by hiding the first row from the read that precedes the insert, as a
// second engine's concurrent transaction would) into the first one's result, not an error.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import * as certificateQueries from "@/db/queries/certificates";
import { listCertificatesOfPerson } from "@/db/queries/certificates";
import * as trainingQueries from "@/db/queries/training";
import { completionsInCycle } from "@/db/queries/training";
import { dialect } from "@/db/dialect";
import { setTestNow } from "@/lib/clock";
import { course } from "@/lib/content/course";
import { scenariosOf } from "@/lib/content/scenarios";
import type { ModuleSlug } from "@/lib/content/schemas";
import { answerScenario, startOrResumeAttempt, submitAttempt } from "@/lib/quiz/service";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf, onPostgres, sqlRow, sqlRun } from "../helpers/db";

let db: Db;
let carer: ReturnType<typeof viewerOf>;

beforeEach(async () => {
  setTestNow("2026-11-23T10:00:00Z");
  db = await freshDatabase();
  carer = viewerOf(await makePerson("carer", (await makeScheme()).id));
});

afterEach(() => vi.restoreAllMocks());

const best = (m: ModuleSlug, id: string) => scenariosOf(m).get(id)!.options.find((o) => o.best)!.id;

async function pass(moduleSlug: ModuleSlug) {
  const attempt = await startOrResumeAttempt(carer, moduleSlug);
  for (const id of attempt.scenarioIds) await answerScenario(carer, attempt.id, id, best(moduleSlug, id));
  return await submitAttempt(carer, moduleSlug, attempt.id);
}

/** A timestamp as each engine stores it in a raw insert: integer ms on SQLite, a timestamptz on PostgreSQL. */
const at = (ms: number) => (onPostgres ? new Date(ms) : ms);

function insertRaw(table: string, values: Record<string, unknown>) {
  const columns = Object.keys(values);
  return () => sqlRun(db, `insert into ${table} (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`, ...Object.values(values));
}

async function uniqueError(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a unique-constraint error");
}

describe("one open attempt per person, module and cycle", () => {
  const attempt = (submittedAt: number | null) =>
    insertRaw("quiz_attempts", { person_id: carer.personId, module_slug: "golden-rules", cycle: 1, content_version: "v", scenario_ids: "[]", started_at: at(1), submitted_at: submittedAt === null ? null : at(submittedAt), total: 5 });

  it("the index refuses a second open attempt inserted directly, and allows any number of submitted ones", async () => {
    await attempt(null)();
    expect(dialect.isUniqueViolation(await uniqueError(attempt(null)))).toBe(true);
    await attempt(2)();
    await attempt(3)();
    expect(await sqlRow(db, "select count(*) as n from quiz_attempts")).toEqual({ n: 3 });
  });

  it("a start that loses the race resumes the winner's attempt", async () => {
    const first = await startOrResumeAttempt(carer, "golden-rules");
    // The second request read before the first committed: it saw no open attempt.
    vi.spyOn(trainingQueries, "findOpenAttempt").mockResolvedValueOnce(undefined);
    const before = await rowCounts(db);
    const second = await startOrResumeAttempt(carer, "golden-rules");
    expect(second.id).toBe(first.id);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("a submit that loses the race returns the first result and changes nothing", async () => {
    const attemptRow = await startOrResumeAttempt(carer, "golden-rules");
    for (const id of attemptRow.scenarioIds) await answerScenario(carer, attemptRow.id, id, best("golden-rules", id));
    expect(await submitAttempt(carer, "golden-rules", attemptRow.id)).toMatchObject({ passed: true });
    const before = await rowCounts(db);
    // The second submit read the attempt before the first one closed it.
    vi.spyOn(trainingQueries, "findAttempt").mockResolvedValueOnce({ ...(await trainingQueries.findAttempt(attemptRow.id))!, submittedAt: null, score: null, passed: null });
    expect(await submitAttempt(carer, "golden-rules", attemptRow.id)).toEqual({ passed: true, certificateId: null });
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe("one completion per module and cycle; one live certificate per person and cycle", () => {
  it("a completion recorded concurrently is not recorded twice, and the request does not fail", async () => {
    await pass("golden-rules");
    expect(await completionsInCycle(carer.personId, 1)).toHaveLength(1);
    const attemptRow = await startOrResumeAttempt(carer, "golden-rules");
    for (const id of attemptRow.scenarioIds) await answerScenario(carer, attemptRow.id, id, best("golden-rules", id));
    vi.spyOn(trainingQueries, "completionsInCycle").mockResolvedValueOnce([]);
    expect(await submitAttempt(carer, "golden-rules", attemptRow.id)).toEqual({ passed: true, certificateId: null });
    expect(await completionsInCycle(carer.personId, 1)).toHaveLength(1);
  });

  it("the index refuses a second live certificate for a cycle inserted directly; revoked or superseded ones do not count", async () => {
    const cert = (code: string, extra: Record<string, unknown> = {}) =>
      insertRaw("certificates", {
        code,
        person_id: carer.personId,
        scheme_id: carer.schemeId,
        holder_name: "x",
        course_id: "c",
        course_title: "t",
        content_version: "v",
        cycle: 1,
        issued_on: "2026-11-23",
        expires_on: "2027-11-23",
        modules: "[]",
        ...extra,
      });
    await cert("A")();
    expect(dialect.isUniqueViolation(await uniqueError(cert("B")))).toBe(true);
    await cert("C", { revoked_at: at(1) })();
    await cert("D", { superseded_at: at(1) })();
    expect(await listCertificatesOfPerson(carer.personId)).toHaveLength(3);
  });

  it("a certificate issued concurrently for the same cycle is kept, and no second one is issued", async () => {
    for (const slug of course.modules.slice(0, -1)) await pass(slug);
    // Another request issued the cycle's certificate after this one looked.
    const issued = (await certificateQueries.insertCertificateOnce({
      code: "CONCURRENT",
      personId: carer.personId,
      schemeId: carer.schemeId!,
      holderName: carer.name,
      courseId: course.id,
      courseTitle: course.title,
      contentVersion: course.version,
      cycle: 1,
      issuedOn: "2026-11-23",
      expiresOn: "2027-11-23",
      modules: [],
    }))!;
    vi.spyOn(certificateQueries, "listCertificatesOfPerson").mockResolvedValueOnce([]);
    const result = await pass(course.modules.at(-1)!);
    expect(result).toEqual({ passed: true, certificateId: null });
    expect((await listCertificatesOfPerson(carer.personId)).map((c) => c.id)).toEqual([issued.id]);
  });
});

describe("one use of an invitation", () => {
  it("two acceptances at once make one account; the second gets a message, not an error", async () => {
    const { acceptInvitation, invite } = await import("@/lib/invitations");
    const trainer = viewerOf(await makePerson("trainer", carer.schemeId));
    const result = await invite(trainer, { email: "twice@test.example", role: "carer", schemeId: carer.schemeId! });
    const token = (result as { link: string }).link.split("/invite/")[1]!;
    const outcomes = await Promise.all([acceptInvitation(token, "First", "kettle garden lamp"), acceptInvitation(token, "Second", "kettle garden lamp")]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({ ok: false, field: "form" });
    expect(await sqlRow(db, "select count(*) as n from people where email = 'twice@test.example'")).toEqual({ n: 1 });
  });

  it("an acceptance that read before the other committed runs into the unique email and says the invitation is used", async () => {
    const { acceptInvitation, invite } = await import("@/lib/invitations");
    const peopleQueries = await import("@/db/queries/people");
    const trainer = viewerOf(await makePerson("trainer", carer.schemeId));
    const result = await invite(trainer, { email: "race@test.example", role: "carer", schemeId: carer.schemeId! });
    const token = (result as { link: string }).link.split("/invite/")[1]!;
    expect((await acceptInvitation(token, "First", "kettle garden lamp")).ok).toBe(true);
    // The invitation read as unused and no account with the address seen: the concurrent case.
    await sqlRun(db, "update invitations set used_at = null, person_id = null where email = 'race@test.example'");
    vi.spyOn(peopleQueries, "findPersonByEmail").mockResolvedValueOnce(undefined);
    const before = await rowCounts(db);
    expect(await acceptInvitation(token, "Second", "kettle garden lamp")).toMatchObject({ ok: false, field: "form", message: expect.stringMatching(/already been used/) });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("an account for the same address is not inserted twice, whatever the case of the address", async () => {
    const { insertPersonUnlessEmailTaken } = await import("@/db/queries/people");
    const values = { name: "A", email: "same@test.example", role: "carer" as const, schemeId: carer.schemeId };
    expect(await insertPersonUnlessEmailTaken(values)).toBeDefined();
    expect(await insertPersonUnlessEmailTaken({ ...values, email: "SAME@test.example" })).toBeUndefined();
  });
});
