// Where a person stands with one module in the cycle shown: one rule for My training and the
// training matrix, so that "in progress" means the same on both. Reading the lessons is shown as its
// own progress ("3 of 12 pages read"); a module is in progress once its quiz has been started.
export type ModuleStatus = "complete" | "in-progress" | "not-started" | "to-do-again";

/** Always shown with the words (never the colour alone). */
export const MODULE_STATUS_LABEL: Record<ModuleStatus, { text: string; tag: string }> = {
  complete: { text: "Complete", tag: "tag tag--green" },
  "in-progress": { text: "In progress", tag: "tag tag--blue" },
  "not-started": { text: "Not started", tag: "tag tag--grey" },
  "to-do-again": { text: "To do again", tag: "tag tag--yellow" },
};

export function moduleStatus(facts: { completed: boolean; quizStarted: boolean; isRefresher: boolean }): ModuleStatus {
  if (facts.completed) return "complete";
  if (facts.quizStarted) return "in-progress";
  return facts.isRefresher ? "to-do-again" : "not-started";
}
