import { describe, expect, it } from "vitest";
import type { Scenario } from "@/lib/content/schemas";
import { answerProblem, unanswered } from "@/lib/quiz/rules";
import { latestAnswers, passes, scoreAttempt } from "@/lib/quiz/scoring";

function scenario(id: string, best: "a" | "b" | "c"): Scenario {
  return {
    id,
    module: "golden-rules",
    topic: "consent",
    title: id,
    situation: "s",
    question: "What should you do?",
    sources: ["pocket-guide"],
    options: (["a", "b", "c"] as const).map((o) => ({ id: o, text: o, best: o === best, feedback: "f", rule: "r" })),
  };
}
const bank = new Map(["q1", "q2", "q3", "q4", "q5"].map((id, i) => [id, scenario(id, (["a", "b", "c"] as const)[i % 3]!)]));
const ids = [...bank.keys()];
const best = new Map(ids.map((id) => [id, bank.get(id)!.options.find((o) => o.best)!.id]));

describe("the pass mark", () => {
  it("exactly 80% passes; just under does not", () => {
    expect(passes(4, 5)).toBe(true);
    expect(passes(8, 10)).toBe(true);
    expect(passes(3, 5)).toBe(false);
    expect(passes(79, 100)).toBe(false);
    expect(passes(80, 100)).toBe(true);
    expect(passes(0, 0)).toBe(false);
  });
});

describe("scoring an attempt", () => {
  it("counts the best answers", () => {
    expect(scoreAttempt(ids, best, bank)).toMatchObject({ score: 5, total: 5, passed: true });
    const oneWrong = new Map(best);
    oneWrong.set("q1", "c");
    expect(scoreAttempt(ids, oneWrong, bank)).toMatchObject({ score: 4, passed: true });
    oneWrong.set("q2", "a");
    expect(scoreAttempt(ids, oneWrong, bank)).toMatchObject({ score: 3, passed: false });
  });

  it("scores an unanswered scenario as wrong and names the best option", () => {
    const partial = new Map(best);
    partial.delete("q3");
    const result = scoreAttempt(ids, partial, bank);
    expect(result.score).toBe(4);
    expect(result.outcomes[2]).toMatchObject({ scenarioId: "q3", chosenOptionId: null, bestOptionId: "c", correct: false });
  });

  it("uses the latest choice for each scenario (answers can be changed)", () => {
    const answers = latestAnswers([
      { scenarioId: "q1", optionId: "b" },
      { scenarioId: "q2", optionId: "b" },
      { scenarioId: "q1", optionId: "a" },
    ]);
    expect(answers.get("q1")).toBe("a");
    expect(unanswered(ids, answers)).toEqual([3, 4, 5]);
  });
});

describe("attempt rules", () => {
  const attempt = { personId: 7, scenarioIds: ["q1", "q2"], submittedAt: null };
  it("accepts a valid answer", () => {
    expect(answerProblem(attempt, 7, "q1", "a", bank.get("q1"))).toBeNull();
  });
  it("refuses someone else's attempt, a finished one, a scenario not drawn, an option not offered", () => {
    expect(answerProblem(attempt, 8, "q1", "a", bank.get("q1"))).toBe("not-yours");
    expect(answerProblem({ ...attempt, submittedAt: new Date() }, 7, "q1", "a", bank.get("q1"))).toBe("finished");
    expect(answerProblem(attempt, 7, "q3", "a", bank.get("q3"))).toBe("not-in-attempt");
    expect(answerProblem(attempt, 7, "q1", "d", bank.get("q1"))).toBe("unknown-option");
    expect(answerProblem(attempt, 7, "q1", "b' or 1=1", bank.get("q1"))).toBe("unknown-option");
  });
});
