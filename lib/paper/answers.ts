// The answers typed in from a paper answer sheet, checked against that sheet: one answer for each
// of its questions, each one of the letters printed for that question, and nothing for a question
// the sheet does not have. Pure, so the rule and its messages are tested on their own; nothing is
// stored unless every answer passes.
import type { FieldError } from "../form-state";

/** Option ids are a, b, c, d in order (lib/content/schemas.ts), printed as A, B, C, D. */
export const LETTERS = ["A", "B", "C", "D"] as const;

export function letterOf(optionIndex: number): string {
  return LETTERS[optionIndex] ?? "?";
}

/** The field for question n (1-based) in the entry form. */
export function answerField(number: number): string {
  return `q${number}`;
}

/** "A or B", "A, B or C", "A, B, C or D". */
export function lettersText(count: number): string {
  const letters = LETTERS.slice(0, count);
  return letters.length <= 1 ? letters.join("") : `${letters.slice(0, -1).join(", ")} or ${letters.at(-1)}`;
}

/**
 * Checks a form against a sheet. `sheet` lists, for each question in order, its option ids.
 * Returns the chosen option id for each question (by index), or every problem, in question order.
 */
export function checkSheetAnswers(
  form: Record<string, unknown>,
  sheet: readonly (readonly string[])[],
): { ok: true; optionIds: string[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  // Answers to questions the sheet does not have (a tampered or stale form): refused, named.
  const extra = Object.keys(form)
    .map((key) => /^q(\d{1,3})$/.exec(key))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .filter((n) => n < 1 || n > sheet.length)
    .sort((a, b) => a - b);
  for (const n of extra) {
    errors.push({ field: answerField(1), message: `Question ${n} is not on this answer sheet: it has ${sheet.length} questions` });
  }
  const optionIds: string[] = [];
  sheet.forEach((options, i) => {
    const number = i + 1;
    const field = answerField(number);
    const raw = form[field];
    const value = typeof raw === "string" ? raw.trim().toUpperCase() : "";
    if (value === "") {
      errors.push({ field, message: `Enter the answer ticked for question ${number}` });
      return;
    }
    const index = (LETTERS as readonly string[]).indexOf(value);
    if (index < 0 || index >= options.length) {
      errors.push({ field, message: `Question ${number} has answers ${lettersText(options.length)} on this sheet: choose one of them` });
      return;
    }
    optionIds.push(options[index]!);
  });
  return errors.length ? { ok: false, errors } : { ok: true, optionIds };
}
