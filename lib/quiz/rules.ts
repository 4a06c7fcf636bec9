// The rules an answer or a submission must pass, as a pure function, so the server action and the
// tests share one definition.
import type { Scenario } from "../content/schemas";

export type AttemptFacts = {
  personId: number;
  scenarioIds: readonly string[];
  submittedAt: Date | null;
};

export type AnswerProblem = "not-yours" | "finished" | "not-in-attempt" | "unknown-option";

export function answerProblem(
  attempt: AttemptFacts,
  askerId: number,
  scenarioId: string,
  optionId: string,
  scenario: Scenario | undefined,
): AnswerProblem | null {
  if (attempt.personId !== askerId) return "not-yours";
  if (attempt.submittedAt) return "finished";
  if (!attempt.scenarioIds.includes(scenarioId) || !scenario) return "not-in-attempt";
  if (!scenario.options.some((o) => o.id === optionId)) return "unknown-option";
  return null;
}

export const answerProblemMessages: Record<AnswerProblem, string> = {
  "not-yours": "This quiz belongs to someone else. Start your own quiz from your training page.",
  finished: "You have already submitted this quiz, so its answers cannot change. You can start a new attempt.",
  "not-in-attempt": "That question is not part of this quiz. Go back to the quiz and try again.",
  "unknown-option": "Choose one of the answers shown.",
};

/** Every scenario answered? Returns the 1-based numbers of those still to answer. */
export function unanswered(scenarioIds: readonly string[], answers: ReadonlyMap<string, string>): number[] {
  return scenarioIds.flatMap((id, i) => (answers.has(id) ? [] : [i + 1]));
}
