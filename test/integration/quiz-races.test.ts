// The same quiz request arriving twice at once (a double click, a load balancer retrying on a
// second instance), on the engine under test. SQLite runs write transactions one at a time; on
// PostgreSQL they really overlap, on pooled connections of their own, so answering reads, decides
// and writes under the person's advisory lock. Without it, bench:instances found two identical
// answers sent to two instances at once both stored (16 extra rows for 8 learners).
import { beforeEach, describe, expect, it } from "vitest";
import { answersOfAttempt, findAttempt } from "@/db/queries/training";
import { setTestNow } from "@/lib/clock";
import { scenariosOf } from "@/lib/content/scenarios";
import { answerScenario, startOrResumeAttempt, submitAttempt } from "@/lib/quiz/service";
import { freshDatabase, makePerson, makeScheme, viewerOf } from "../helpers/db";

let carer: ReturnType<typeof viewerOf>;

beforeEach(async () => {
  setTestNow("2026-11-23T10:00:00Z");
  await freshDatabase();
  carer = viewerOf(await makePerson("carer", (await makeScheme()).id));
});

const options = (scenarioId: string) => scenariosOf("golden-rules").get(scenarioId)!.options;
const best = (scenarioId: string) => options(scenarioId).find((o) => o.best)!.id;
const wrong = (scenarioId: string) => options(scenarioId).find((o) => !o.best)!.id;
/** Whatever each call did, as long as it settled: a refusal is a fair answer to a late request. */
const settle = (work: Promise<unknown>[]) => Promise.allSettled(work);

describe("quiz requests that arrive together", () => {
  it("the same answer sent eight times at once is stored once", async () => {
    const attempt = await startOrResumeAttempt(carer, "golden-rules");
    await Promise.all(attempt.scenarioIds.flatMap((id) => Array.from({ length: 8 }, () => answerScenario(carer, attempt.id, id, best(id)))));
    const rows = await answersOfAttempt(attempt.id);
    expect(rows).toHaveLength(attempt.scenarioIds.length);
    expect(new Set(rows.map((r) => r.scenarioId)).size).toBe(attempt.scenarioIds.length);
  });

  it("an answer that races the submit is either in the score or refused, never stored after it", async () => {
    for (let round = 0; round < 4; round++) {
      const learner = viewerOf(await makePerson("carer", carer.schemeId));
      const attempt = await startOrResumeAttempt(learner, "golden-rules");
      for (const id of attempt.scenarioIds) await answerScenario(learner, attempt.id, id, best(id));
      const last = attempt.scenarioIds.at(-1)!;
      // Change the last answer to a wrong one while submitting.
      await settle([submitAttempt(learner, "golden-rules", attempt.id), answerScenario(learner, attempt.id, last, wrong(last))]);
      const submitted = (await findAttempt(attempt.id))!;
      const rows = await answersOfAttempt(attempt.id);
      expect(rows.filter((r) => r.answeredAt.getTime() > submitted.submittedAt!.getTime())).toEqual([]);
      // The score counts the latest answer to each scenario, whichever came first.
      const latest = new Map<string, boolean>();
      for (const r of [...rows].sort((a, b) => a.id - b.id)) latest.set(r.scenarioId, r.best);
      expect(submitted.score).toBe([...latest.values()].filter(Boolean).length);
    }
  });
});
