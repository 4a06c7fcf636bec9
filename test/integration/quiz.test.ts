import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listCertificatesOfPerson } from "@/db/queries/certificates";
import { answersOfAttempt, completionsInCycle, findAttempt } from "@/db/queries/training";
import { setTestNow } from "@/lib/clock";
import { course } from "@/lib/content/course";
import { scenariosOf } from "@/lib/content/scenarios";
import type { ModuleSlug } from "@/lib/content/schemas";
import { QuizError, answerScenario, questionView, resultView, startOrResumeAttempt, submitAttempt } from "@/lib/quiz/service";
import { trainingState } from "@/lib/training/state";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf } from "../helpers/db";

let db: Db;
let carer: ReturnType<typeof viewerOf>;
let other: ReturnType<typeof viewerOf>;

beforeEach(async () => {
  setTestNow("2026-11-23T10:00:00Z");
  db = await freshDatabase();
  const scheme = await makeScheme();
  carer = viewerOf(await makePerson("carer", scheme.id));
  other = viewerOf(await makePerson("carer", scheme.id));
});

function bestOf(moduleSlug: ModuleSlug, scenarioId: string) {
  return scenariosOf(moduleSlug).get(scenarioId)!.options.find((o) => o.best)!.id;
}
function wrongOf(moduleSlug: ModuleSlug, scenarioId: string) {
  return scenariosOf(moduleSlug).get(scenarioId)!.options.find((o) => !o.best)!.id;
}

async function pass(viewer = carer, moduleSlug: ModuleSlug = "golden-rules") {
  const attempt = await startOrResumeAttempt(viewer, moduleSlug);
  for (const id of attempt.scenarioIds) await answerScenario(viewer, attempt.id, id, bestOf(moduleSlug, id));
  return { attempt, result: await submitAttempt(viewer, moduleSlug, attempt.id) };
}

describe("taking a quiz", () => {
  it("draws 5 different scenarios and resumes the same attempt until it is submitted", async () => {
    const first = await startOrResumeAttempt(carer, "golden-rules");
    expect(new Set(first.scenarioIds).size).toBe(5);
    expect((await startOrResumeAttempt(carer, "golden-rules")).id).toBe(first.id);
  });

  it("never draws a retired scenario (kept only so that old attempts can still be shown)", async () => {
    const retired = [...scenariosOf("golden-rules").values()].filter((s) => s.retired).map((s) => s.id);
    expect(retired.length).toBeGreaterThan(0);
    for (let i = 0; i < 12; i++) {
      const learner = viewerOf(await makePerson("carer", carer.schemeId));
      expect((await startOrResumeAttempt(learner, "golden-rules")).scenarioIds.filter((id) => retired.includes(id))).toEqual([]);
    }
  });

  it("never shows which option is best on a question page", async () => {
    const attempt = await startOrResumeAttempt(carer, "golden-rules");
    const view = await questionView(carer, "golden-rules", attempt.id, 1);
    expect(JSON.stringify(view)).not.toMatch(/"best"|feedback|"rule"/);
  });

  it("passing completes the module, once; a second submit changes nothing", async () => {
    const { attempt, result } = await pass();
    expect(result.passed).toBe(true);
    expect(await completionsInCycle(carer.personId, 1)).toHaveLength(1);
    const before = await rowCounts(db);
    expect((await submitAttempt(carer, "golden-rules", attempt.id)).passed).toBe(true);
    expect(await rowCounts(db)).toEqual(before);
    expect(await resultView(carer, "golden-rules", attempt.id)).toMatchObject({ score: 5, total: 5, passed: true });
  });

  it("failing keeps the module open; a retake draws afresh, away from the last attempt", async () => {
    const first = await startOrResumeAttempt(carer, "golden-rules");
    for (const id of first.scenarioIds) await answerScenario(carer, first.id, id, wrongOf("golden-rules", id));
    expect((await submitAttempt(carer, "golden-rules", first.id)).passed).toBe(false);
    expect(await completionsInCycle(carer.personId, 1)).toHaveLength(0);
    const retake = await startOrResumeAttempt(carer, "golden-rules");
    expect(retake.id).not.toBe(first.id);
    expect(retake.scenarioIds.filter((id) => first.scenarioIds.includes(id))).toEqual([]);
  });

  it("changing an answer keeps both choices with their times; repeating one adds nothing", async () => {
    const attempt = await startOrResumeAttempt(carer, "golden-rules");
    const id = attempt.scenarioIds[0]!;
    expect((await answerScenario(carer, attempt.id, id, "a")).changed).toBe(true);
    expect((await answerScenario(carer, attempt.id, id, "a")).changed).toBe(false);
    expect((await answerScenario(carer, attempt.id, id, "b")).changed).toBe(true);
    expect((await answersOfAttempt(attempt.id)).map((a) => a.optionId)).toEqual(["a", "b"]);
    // Compared with the latest choice for that question only: back to "a" is a change, and
    // another question's choice does not count.
    const other = attempt.scenarioIds[1]!;
    expect((await answerScenario(carer, attempt.id, other, "b")).changed).toBe(true);
    expect((await answerScenario(carer, attempt.id, id, "b")).changed).toBe(false);
    expect((await answerScenario(carer, attempt.id, id, "a")).changed).toBe(true);
    expect((await answerScenario(carer, attempt.id, other, "a")).changed).toBe(true);
    expect((await answersOfAttempt(attempt.id)).map((a) => a.optionId)).toEqual(["a", "b", "b", "a", "a"]);
  });

  it("refuses to submit with questions unanswered", async () => {
    const attempt = await startOrResumeAttempt(carer, "golden-rules");
    await answerScenario(carer, attempt.id, attempt.scenarioIds[0]!, "a");
    await expect(submitAttempt(carer, "golden-rules", attempt.id)).rejects.toThrow(/Answer questions 2, 3, 4, 5/);
    expect((await findAttempt(attempt.id))!.submittedAt).toBeNull();
  });
});

describe("tampered submissions are refused and change nothing", () => {
  it.each([
    ["an unknown option", (a: { id: number; scenarioIds: string[] }) => async () => await answerScenario(carer, a.id, a.scenarioIds[0]!, "z"), "unknown-option"],
    ["a scenario not in the attempt", (a: { id: number; scenarioIds: string[] }) => async () => await answerScenario(carer, a.id, "conf-photo-day-out", "a"), "not-in-attempt"],
    ["someone else's attempt", (a: { id: number; scenarioIds: string[] }) => async () => await answerScenario(other, a.id, a.scenarioIds[0]!, "a"), "not-found"],
    ["an attempt that does not exist", () => async () => await answerScenario(carer, 99999, "gr-child-at-risk", "a"), "not-found"],
  ])("%s", async (_label, makeCall, problem) => {
    const attempt = await startOrResumeAttempt(carer, "golden-rules");
    const before = await rowCounts(db);
    const call = makeCall(attempt);
    await expect(call()).rejects.toThrow(QuizError);
    await expect(call()).rejects.toMatchObject({ problem });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("an option id that belongs to another scenario's text is checked against this scenario", async () => {
    const attempt = await startOrResumeAttempt(carer, "golden-rules");
    const before = await rowCounts(db);
    await expect(answerScenario(carer, attempt.id, attempt.scenarioIds[0]!, "d' OR '1'='1")).rejects.toThrow(QuizError);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("a finished attempt", async () => {
    const { attempt } = await pass();
    const before = await rowCounts(db);
    await expect(answerScenario(carer, attempt.id, attempt.scenarioIds[0]!, "a")).rejects.toThrow(/already submitted/);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("someone else submitting my attempt", async () => {
    const attempt = await startOrResumeAttempt(carer, "golden-rules");
    for (const id of attempt.scenarioIds) await answerScenario(carer, attempt.id, id, bestOf("golden-rules", id));
    const before = await rowCounts(db);
    await expect(submitAttempt(other, "golden-rules", attempt.id)).rejects.toThrow(QuizError);
    await expect(resultView(other, "golden-rules", attempt.id)).rejects.toThrow(QuizError);
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe("completing the course", () => {
  it("the last module's pass issues a certificate in the same transaction, 12 months on", async () => {
    for (const slug of course.modules) await pass(carer, slug);
    const certificates = await listCertificatesOfPerson(carer.personId);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({ issuedOn: "2026-11-23", expiresOn: "2027-11-23", cycle: 1, contentVersion: course.version });
    expect((await trainingState(carer.personId)).status.status).toBe("complete");
  });

  it("a refresher inside the window runs 12 months from the old expiry and supersedes the old certificate", async () => {
    for (const slug of course.modules) await pass(carer, slug);
    setTestNow("2027-10-01T10:00:00Z");
    const state = await trainingState(carer.personId);
    expect(state.status.status).toBe("due-soon");
    expect(state.cycle).toBe(2);
    expect(state.completions).toHaveLength(0);
    const firstCycle = await startOrResumeAttempt(carer, "golden-rules");
    expect(firstCycle.cycle).toBe(2);
    await submitAttempt(carer, "golden-rules", firstCycle.id).catch(() => undefined);
    for (const id of firstCycle.scenarioIds) await answerScenario(carer, firstCycle.id, id, bestOf("golden-rules", id));
    await submitAttempt(carer, "golden-rules", firstCycle.id);
    for (const slug of course.modules.slice(1)) await pass(carer, slug);
    const [newest, old] = await listCertificatesOfPerson(carer.personId);
    expect(newest).toMatchObject({ cycle: 2, issuedOn: "2027-10-01", expiresOn: "2028-11-23" });
    expect(old!.supersededById).toBe(newest!.id);
  });
});
