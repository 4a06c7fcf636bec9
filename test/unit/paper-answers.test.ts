// Answers typed in from a paper answer sheet, checked against that sheet: every question answered,
// each with a letter the sheet printed for it, and nothing for a question it does not have.
import { describe, expect, it } from "vitest";
import { answerField, checkSheetAnswers, letterOf, lettersText } from "@/lib/paper/answers";

const sheet = [
  ["a", "b", "c", "d"],
  ["a", "b", "c"],
  ["a", "b", "c", "d"],
];

describe("checkSheetAnswers", () => {
  it("gives the option id chosen for each question, in order", () => {
    expect(checkSheetAnswers({ q1: "A", q2: "C", q3: "D", reference: "x" }, sheet)).toEqual({ ok: true, optionIds: ["a", "c", "d"] });
  });

  it("takes lower case and spaces round a letter", () => {
    expect(checkSheetAnswers({ q1: " b ", q2: "a", q3: "c" }, sheet)).toEqual({ ok: true, optionIds: ["b", "a", "c"] });
  });

  it("names every question left without an answer", () => {
    expect(checkSheetAnswers({ q2: "A" }, sheet)).toEqual({
      ok: false,
      errors: [
        { field: "q1", message: "Enter the answer ticked for question 1" },
        { field: "q3", message: "Enter the answer ticked for question 3" },
      ],
    });
    expect(checkSheetAnswers({ q1: "", q2: "A", q3: "A" }, sheet)).toMatchObject({ ok: false, errors: [{ field: "q1" }] });
  });

  it("refuses a letter the sheet did not print for that question", () => {
    expect(checkSheetAnswers({ q1: "A", q2: "D", q3: "A" }, sheet)).toEqual({
      ok: false,
      errors: [{ field: "q2", message: "Question 2 has answers A, B or C on this sheet: choose one of them" }],
    });
    for (const bad of ["E", "AB", "1", "a)", "Ä"]) {
      expect(checkSheetAnswers({ q1: bad, q2: "A", q3: "A" }, sheet).ok, bad).toBe(false);
    }
  });

  it("refuses an answer to a question the sheet does not have, even when the rest are right", () => {
    expect(checkSheetAnswers({ q1: "A", q2: "A", q3: "A", q4: "B" }, sheet)).toEqual({
      ok: false,
      errors: [{ field: "q1", message: "Question 4 is not on this answer sheet: it has 3 questions" }],
    });
    expect(checkSheetAnswers({ q0: "A", q1: "A", q2: "A", q3: "A" }, sheet).ok).toBe(false);
  });

  it("does not read fields that are not answers, or values that are not text", () => {
    expect(checkSheetAnswers({ q1: "A", q2: "A", q3: "A", quiz: "x", q1x: "B", $ACTION_ID: "1" }, sheet).ok).toBe(true);
    expect(checkSheetAnswers({ q1: ["A"], q2: "A", q3: "A" }, sheet).ok).toBe(false);
  });
});

describe("letters", () => {
  it("are A to D, and read as a list", () => {
    expect([0, 1, 2, 3].map(letterOf)).toEqual(["A", "B", "C", "D"]);
    expect(letterOf(4)).toBe("?");
    expect(lettersText(3)).toBe("A, B or C");
    expect(lettersText(4)).toBe("A, B, C or D");
    expect(lettersText(2)).toBe("A or B");
    expect(answerField(2)).toBe("q2");
  });
});
