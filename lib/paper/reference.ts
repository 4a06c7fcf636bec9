// A paper workbook's reference number: what ties an answer sheet to one carer, one module, one
// course version and its drawn scenarios (stored in paper_workbooks). Ten digits, easy to read off a
// sheet and type on a phone: nine random digits and a check digit by the Damm algorithm, which
// catches every mistyped digit and every swap of two neighbouring digits, so a slip of the pen is
// refused as "not a reference" instead of finding someone else's sheet. Printed as 1234 5678 90.
import { randomInt } from "node:crypto";

export const REFERENCE_DIGITS = 10;

// Damm's quasigroup of order 10 (H. M. Damm, 2004).
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

/** The Damm check digit of a string of digits. */
export function dammDigit(digits: string): number {
  let interim = 0;
  for (const c of digits) interim = DAMM[interim]![Number(c)]!;
  return interim;
}

/** A new reference: nine random digits (the first never 0, so it never looks short) and the check digit. */
export function newReference(random: (max: number) => number = randomInt): string {
  let body = String(1 + random(9));
  for (let i = 1; i < REFERENCE_DIGITS - 1; i++) body += String(random(10));
  return body + String(dammDigit(body));
}

export type ReferenceProblem = "empty" | "not-digits" | "wrong-length" | "check-digit";

/**
 * A reference as someone typed it: spaces, hyphens and dots between the digits are fine. Returns
 * the ten digits, or why it cannot be a reference.
 */
export function parseReference(input: unknown): { ok: true; reference: string } | { ok: false; problem: ReferenceProblem } {
  if (typeof input !== "string" || input.trim() === "") return { ok: false, problem: "empty" };
  const compact = input.trim().replace(/[\s.\-–]/g, "");
  if (!/^\d+$/.test(compact)) return { ok: false, problem: "not-digits" };
  if (compact.length !== REFERENCE_DIGITS) return { ok: false, problem: "wrong-length" };
  if (dammDigit(compact) !== 0) return { ok: false, problem: "check-digit" };
  return { ok: true, reference: compact };
}

export const REFERENCE_PROBLEM_MESSAGE: Record<ReferenceProblem, string> = {
  empty: "Enter the reference number from the top of the answer sheet",
  "not-digits": "The reference number is made of digits only, like 4821 7390 56",
  "wrong-length": `The reference number has ${REFERENCE_DIGITS} digits, like 4821 7390 56`,
  "check-digit": "That is not a reference number we gave out. Check each digit against the answer sheet",
};

/** "4821739056" as it is printed: "4821 7390 56". */
export function formatReference(reference: string): string {
  return `${reference.slice(0, 4)} ${reference.slice(4, 8)} ${reference.slice(8)}`;
}
