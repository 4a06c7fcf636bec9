import { describe, expect, it } from "vitest";
import { moduleCell } from "@/lib/trainer/status";
import { moduleStatus } from "@/lib/training/module-status";

describe("a module's status: one rule for My training and the matrix", () => {
  it("is complete once completed, whatever else is true", () => {
    expect(moduleStatus({ completed: true, quizStarted: true, isRefresher: true })).toBe("complete");
    expect(moduleStatus({ completed: true, quizStarted: false, isRefresher: false })).toBe("complete");
  });

  it("is in progress once the quiz is started, in a first training or a refresher", () => {
    expect(moduleStatus({ completed: false, quizStarted: true, isRefresher: false })).toBe("in-progress");
    expect(moduleStatus({ completed: false, quizStarted: true, isRefresher: true })).toBe("in-progress");
  });

  it("is to do again in a refresher not yet started, and not started otherwise", () => {
    expect(moduleStatus({ completed: false, quizStarted: false, isRefresher: true })).toBe("to-do-again");
    expect(moduleStatus({ completed: false, quizStarted: false, isRefresher: false })).toBe("not-started");
  });

  it("gives the matrix cell the same words", () => {
    const facts = { completedOn: null, score: null, total: null, assisted: false, started: true };
    expect(moduleCell(facts, false)).toMatchObject({ status: "in-progress", label: "In progress" });
    expect(moduleCell({ ...facts, started: false }, true)).toMatchObject({ status: "to-do-again", label: "To do again" });
  });
});
