// No leaked answers, no near-twins: an in-page knowledge check must not be a near-copy of a quiz
// scenario (the quiz would then test memory of the check, not understanding), and two scenarios must
// not be near-copies of each other (a "fresh" refresher would repeat the same question).
import { describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/course";
import { scenarioBank } from "@/lib/content/scenarios";
import { type QuizItem, overlaps } from "./overlap";

/**
 * Jaccard similarity of content words at or above which two items count as near-copies. Measured on
 * the 2026.1 bank: the near-twins a reviewer listed scored 0.26 to 0.43 where their wording was
 * shared, while the most alike genuinely different pairs scored 0.17 to 0.21. Twins written in
 * different words score lower still: a word count cannot see them, a reviewer must.
 */
export const NEAR_COPY = 0.25;


async function quizItems(): Promise<QuizItem[]> {
  const course = await loadCourse();
  const checks = [...course.checks.values()].map(({ check }) => ({
    id: check.id,
    kind: "check" as const,
    text: [check.question, ...check.options.map((o) => o.text)].join(" "),
  }));
  const scenarios = [...scenarioBank().values()]
    .flatMap((m) => [...m.values()])
    // Retired scenarios are never drawn again; they stay only so that old attempts can be shown.
    .filter((s) => !s.retired)
    .map((s) => ({ id: s.id, kind: "scenario" as const, text: [s.situation, s.question, ...s.options.map((o) => o.text)].join(" ") }));
  return [...checks, ...scenarios];
}

describe("quiz items are not near-copies", () => {
  it(`no check and scenario, and no two scenarios, share ${NEAR_COPY * 100}% or more of their words`, async () => {
    const pairs = await quizItems().then(overlaps);
    const over = pairs.filter((p) => p.score >= NEAR_COPY).map((p) => ({ pair: `${p.a} ~ ${p.b}`, score: Number(p.score.toFixed(3)) }));
    expect(over).toEqual([]);
  });

  it("the measure tells a near-copy from a different situation", async () => {
    const { contentWords, jaccard } = await import("./overlap");
    const check = contentWords("The person's brother phones. He asks about a hospital visit. He is not on the Permission to share form. Say you cannot share it.");
    const copy = contentWords("Chris's brother phones you about his hospital visit. He is not on Chris's Permission to share form. Say you cannot share it.");
    const other = contentWords("You leave the person's support plan on the kitchen table. A visitor could read it. Lock it away.");
    expect(jaccard(check, copy)).toBeGreaterThanOrEqual(NEAR_COPY);
    expect(jaccard(check, other)).toBeLessThan(NEAR_COPY);
  });
});
