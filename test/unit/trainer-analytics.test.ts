import { beforeEach, describe, expect, it } from "vitest";
import { optionCounts } from "@/db/queries/analytics";
import { insertAnswer, insertAttempt, markAttemptSubmitted } from "@/db/queries/training";
import { setTestNow } from "@/lib/clock";
import type { Scenario } from "@/lib/content/schemas";
import { MIN_ANSWERS_TO_RANK, buildAnalytics } from "@/lib/trainer/analytics";
import { freshDatabase, makePerson, makeScheme } from "../helpers/db";

function scenario(id: string, best: string, options = ["a", "b", "c"]): Scenario {
  return {
    id,
    module: "golden-rules",
    topic: "consent",
    title: `Title ${id}`,
    situation: "s",
    question: "q?",
    options: options.map((o) => ({ id: o as "a", text: `Option ${o}`, best: o === best, feedback: "f", rule: `Rule for ${id}` })),
    sources: ["x"],
  };
}

const bank = new Map([["golden-rules" as const, new Map([["gr-one", scenario("gr-one", "a")], ["gr-two", scenario("gr-two", "b", ["a", "b", "c", "d"])], ["gr-unseen", scenario("gr-unseen", "c")]])]]);

describe("decision analytics from option counts", () => {
  it("gives each option's share, the most common wrong answer, and ranks the worst scenarios", () => {
    const result = buildAnalytics(bank as never, [
      { scenarioId: "gr-one", optionId: "a", answers: 8 },
      { scenarioId: "gr-one", optionId: "b", answers: 2 },
      { scenarioId: "gr-two", optionId: "a", answers: 6 },
      { scenarioId: "gr-two", optionId: "b", answers: 3 },
      { scenarioId: "gr-two", optionId: "d", answers: 1 },
      { scenarioId: "gr-gone", optionId: "a", answers: 50 }, // no longer in the bank
      { scenarioId: "gr-one", optionId: "z", answers: 9 }, // no such option
    ]);
    const one = result.scenarios.find((s) => s.id === "gr-one")!;
    expect(one.answers).toBe(10);
    expect(one.options.map((o) => [o.id, o.answers, o.percent, o.best])).toEqual([
      ["a", 8, "80%", true],
      ["b", 2, "20%", false],
      ["c", 0, "0%", false],
    ]);
    const two = result.scenarios.find((s) => s.id === "gr-two")!;
    expect(two.bestPercent).toBe("30%");
    expect(two.commonWrong?.id).toBe("a");
    expect(result.scenarios.find((s) => s.id === "gr-unseen")).toMatchObject({ answers: 0, bestPercent: "0%", commonWrong: null });
    expect(result.worst.map((s) => s.id)).toEqual(["gr-two", "gr-one"]);
    expect(result.totalAnswers).toBe(20);
  });

  it(`does not rank scenarios with fewer than ${MIN_ANSWERS_TO_RANK} answers, or ones everyone got right`, () => {
    const result = buildAnalytics(bank as never, [
      { scenarioId: "gr-one", optionId: "b", answers: MIN_ANSWERS_TO_RANK - 1 },
      { scenarioId: "gr-two", optionId: "b", answers: 20 },
    ]);
    expect(result.worst).toEqual([]);
  });
});

describe("counting answers in the database", () => {
  beforeEach(() => setTestNow("2026-11-23T10:00:00Z"));

  it("counts the answer in force at submission, once per attempt, only for submitted attempts of the scheme", async () => {
    await freshDatabase();
    const scheme = await makeScheme();
    const other = await makeScheme();
    const alice = await makePerson("carer", scheme.id);
    const bob = await makePerson("staff", scheme.id);
    const stranger = await makePerson("carer", other.id);
    const at = (m: number) => new Date(Date.UTC(2026, 10, 1, 10, m));
    const attempt = async (personId: number, choices: [string, string][], submitted: boolean, cycle = 1) => {
      const a = await insertAttempt({ personId, moduleSlug: "golden-rules", cycle, contentVersion: "2026.1", scenarioIds: ["gr-one", "gr-two"], startedAt: at(0), total: 2 });
      for (const [i, [scenarioId, optionId]] of choices.entries()) await insertAnswer({ attemptId: a.id, scenarioId, optionId, best: false, answeredAt: at(i + 1) });
      if (submitted) await markAttemptSubmitted(a.id, { submittedAt: at(30), score: 1, passed: false });
    };
    await attempt(alice.id, [["gr-one", "b"], ["gr-one", "a"], ["gr-two", "c"]], true); // changed b → a: counts a
    await attempt(alice.id, [["gr-one", "a"]], true, 2);
    await attempt(bob.id, [["gr-one", "b"]], true);
    await attempt(bob.id, [["gr-one", "c"]], false); // never submitted
    await attempt(stranger.id, [["gr-one", "c"]], true); // another scheme

    const counts = await optionCounts({ schemeId: scheme.id });
    const key = (c: { scenarioId: string; optionId: string; answers: number }) => `${c.scenarioId}:${c.optionId}=${c.answers}`;
    expect(counts.map(key).sort()).toEqual(["gr-one:a=2", "gr-one:b=1", "gr-two:c=1"]);
    expect((await optionCounts({ schemeId: scheme.id, role: "staff" })).map(key)).toEqual(["gr-one:b=1"]);
    expect((await optionCounts({ schemeId: scheme.id, cycle: "refresher" })).map(key)).toEqual(["gr-one:a=1"]);
    expect(await optionCounts({ schemeId: scheme.id, since: at(31).getTime() })).toEqual([]);
  });
});
