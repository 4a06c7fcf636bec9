// "My training" reads a person's whole history in three statements and applies trainingState's
// rules to the rows itself: at every step of a person's training both must say the same.
import { beforeEach, describe, expect, it } from "vitest";
import { listCertificatesOfPerson, revokeCertificate } from "@/db/queries/certificates";
import { insertRetrainVersion } from "@/db/queries/training";
import { upsertPageRead } from "@/db/queries/progress";
import { setTestNow } from "@/lib/clock";
import { course } from "@/lib/content/course";
import { scenariosOf } from "@/lib/content/scenarios";
import type { ModuleSlug } from "@/lib/content/schemas";
import { NotAllowed } from "@/lib/errors";
import { answerScenario, startOrResumeAttempt, submitAttempt } from "@/lib/quiz/service";
import { certificateHistory, learnerOverview } from "@/lib/training/overview";
import { trainingState } from "@/lib/training/state";
import { freshDatabase, makePerson, makeScheme, viewerOf } from "../helpers/db";

let carer: ReturnType<typeof viewerOf>;
let trainer: ReturnType<typeof viewerOf>;
let outsider: ReturnType<typeof viewerOf>;

beforeEach(async () => {
  setTestNow("2026-11-23T10:00:00Z");
  await freshDatabase();
  const scheme = await makeScheme();
  carer = viewerOf(await makePerson("carer", scheme.id));
  trainer = viewerOf(await makePerson("trainer", scheme.id));
  outsider = viewerOf(await makePerson("carer", (await makeScheme()).id));
});

const best = (m: ModuleSlug, id: string) => scenariosOf(m).get(id)!.options.find((o) => o.best)!.id;

async function pass(moduleSlug: ModuleSlug) {
  const attempt = await startOrResumeAttempt(carer, moduleSlug);
  for (const id of attempt.scenarioIds) await answerScenario(carer, attempt.id, id, best(moduleSlug, id));
  await submitAttempt(carer, moduleSlug, attempt.id);
}

/** The overview agrees with trainingState, and returns every certificate, newest first. */
async function expectAgreement() {
  const overview = await learnerOverview(carer, carer.personId);
  const state = await trainingState(carer.personId);
  expect(overview.state.cycle).toBe(state.cycle);
  expect(overview.state.status).toEqual(state.status);
  expect(overview.state.isRefresher).toBe(state.isRefresher);
  expect(overview.state.liveCertificate?.id).toBe(state.liveCertificate?.id);
  expect(overview.state.completions.map((c) => c.id).sort()).toEqual(state.completions.map((c) => c.id).sort());
  expect(overview.certificates.map((c) => c.id)).toEqual((await listCertificatesOfPerson(carer.personId)).map((c) => c.id));
  return overview;
}

describe("learnerOverview", () => {
  it("follows a person from their first day through two refreshers, a retraining mark and a revocation", async () => {
    let o = await expectAgreement();
    expect(o.modules.map((m) => m.status)).toEqual(["not-started", "not-started", "not-started"]);

    await upsertPageRead({ personId: carer.personId, moduleSlug: course.modules[1]!, pageSlug: "x", at: new Date() });
    await startOrResumeAttempt(carer, course.modules[0]!);
    o = await expectAgreement();
    expect(o.state.status.status).toBe("in-progress");
    expect(o.modules.map((m) => m.status)).toEqual(["in-progress", "not-started", "not-started"]);

    for (const slug of course.modules) await pass(slug);
    o = await expectAgreement();
    expect(o.state.status.status).toBe("complete");
    expect(o.modules.every((m) => m.status === "complete")).toBe(true);

    setTestNow("2027-10-01T10:00:00Z"); // the refresher window is open
    o = await expectAgreement();
    expect(o.state).toMatchObject({ cycle: 2, isRefresher: true });
    expect(o.modules.map((m) => m.status)).toEqual(["to-do-again", "to-do-again", "to-do-again"]);
    await startOrResumeAttempt(carer, course.modules[2]!);
    o = await expectAgreement();
    expect(o.modules.map((m) => m.status)).toEqual(["to-do-again", "to-do-again", "in-progress"]);

    for (const slug of course.modules) await pass(slug);
    await expectAgreement();
    await insertRetrainVersion({ contentVersion: course.version, markedAt: new Date(), markedBy: null, reason: "changed" });
    o = await expectAgreement();
    expect(o.state.status.status).toBe("due-soon");

    const live = (await listCertificatesOfPerson(carer.personId))[0]!;
    await revokeCertificate(live.id, trainer.personId, "mistake", new Date());
    o = await expectAgreement();
    expect(o.state).toMatchObject({ cycle: 3, liveCertificate: undefined });
    expect(o.certificates.map((c) => c.status)).toEqual(["revoked", "superseded"]);
    // "My certificates" lists the same rows, newest first.
    expect(await certificateHistory(carer, carer.personId)).toEqual(o.certificates);
  });

  it("is for the person themselves and their scheme's trainers only", async () => {
    await expect(learnerOverview(trainer, carer.personId)).resolves.toBeDefined();
    await expect(learnerOverview(outsider, carer.personId)).rejects.toThrow(NotAllowed);
    await expect(learnerOverview(carer, 999_999)).rejects.toThrow(NotAllowed);
  });

  it("lets the same people, and only them, read the certificate history", async () => {
    await expect(certificateHistory(carer, carer.personId)).resolves.toEqual([]);
    await expect(certificateHistory(trainer, carer.personId)).resolves.toEqual([]);
    await expect(certificateHistory(outsider, carer.personId)).rejects.toThrow(NotAllowed);
    await expect(certificateHistory(carer, 999_999)).rejects.toThrow(NotAllowed);
  });
});
