// Scoring, on the server only. The pass mark is 80%: exactly 80% passes.
import type { Scenario } from "../content/schemas";

export const PASS_MARK_PERCENT = 80;

export function passes(score: number, total: number): boolean {
  return total > 0 && score * 100 >= PASS_MARK_PERCENT * total;
}

export type ScenarioOutcome = {
  scenarioId: string;
  chosenOptionId: string | null;
  bestOptionId: string;
  correct: boolean;
};

export function scoreAttempt(
  scenarioIds: readonly string[],
  answers: ReadonlyMap<string, string>,
  bank: ReadonlyMap<string, Scenario>,
): { score: number; total: number; passed: boolean; outcomes: ScenarioOutcome[] } {
  const outcomes = scenarioIds.map((scenarioId) => {
    const scenario = bank.get(scenarioId);
    if (!scenario) throw new Error(`Scenario ${scenarioId} is not in the bank`);
    const best = scenario.options.find((o) => o.best)!;
    const chosen = answers.get(scenarioId) ?? null;
    return { scenarioId, chosenOptionId: chosen, bestOptionId: best.id, correct: chosen === best.id };
  });
  const score = outcomes.filter((o) => o.correct).length;
  return { score, total: scenarioIds.length, passed: passes(score, scenarioIds.length), outcomes };
}

/** The answer in force for each scenario: the latest choice made. */
export function latestAnswers(choices: readonly { scenarioId: string; optionId: string }[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of choices) map.set(c.scenarioId, c.optionId);
  return map;
}
