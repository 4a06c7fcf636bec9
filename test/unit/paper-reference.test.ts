// A workbook's reference number: ten digits whose last is a Damm check digit, so that a mistyped
// digit or two swapped neighbours are refused instead of finding someone else's sheet.
import { describe, expect, it } from "vitest";
import { REFERENCE_DIGITS, dammDigit, formatReference, newReference, parseReference } from "@/lib/paper/reference";

/** A deterministic stand-in for crypto.randomInt. */
function seeded(seed: number) {
  let s = seed;
  return (max: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % max;
  };
}

describe("newReference", () => {
  it("is ten digits, never starting with 0, and passes its own check", () => {
    const random = seeded(7);
    for (let i = 0; i < 500; i++) {
      const ref = newReference(random);
      expect(ref).toMatch(/^[1-9]\d{9}$/);
      expect(ref).toHaveLength(REFERENCE_DIGITS);
      expect(dammDigit(ref)).toBe(0);
      expect(parseReference(ref)).toEqual({ ok: true, reference: ref });
    }
  });

  it("uses crypto's randomness by default (two in a row differ)", () => {
    expect(newReference()).not.toBe(newReference());
  });
});

describe("the check digit", () => {
  const random = seeded(42);
  const refs = Array.from({ length: 200 }, () => newReference(random));

  it("refuses every single mistyped digit", () => {
    for (const ref of refs) {
      for (let i = 0; i < ref.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === ref[i]) continue;
          const typo = ref.slice(0, i) + d + ref.slice(i + 1);
          expect(parseReference(typo), typo).toEqual({ ok: false, problem: "check-digit" });
        }
      }
    }
  });

  it("refuses every swap of two different neighbouring digits", () => {
    for (const ref of refs) {
      for (let i = 0; i + 1 < ref.length; i++) {
        if (ref[i] === ref[i + 1]) continue;
        const swapped = ref.slice(0, i) + ref[i + 1] + ref[i] + ref.slice(i + 2);
        expect(parseReference(swapped).ok, swapped).toBe(false);
      }
    }
  });

  it("is Damm's: the published example 572 has check digit 4", () => {
    expect(dammDigit("572")).toBe(4);
    expect(dammDigit("5724")).toBe(0);
  });
});

describe("parseReference", () => {
  const ref = newReference(seeded(3));

  it("accepts it as printed, with spaces, hyphens or dots", () => {
    for (const typed of [formatReference(ref), ` ${ref} `, `${ref.slice(0, 4)}-${ref.slice(4, 8)}-${ref.slice(8)}`, `${ref.slice(0, 5)}.${ref.slice(5)}`]) {
      expect(parseReference(typed)).toEqual({ ok: true, reference: ref });
    }
  });

  it("says what is wrong with anything else", () => {
    expect(parseReference("")).toEqual({ ok: false, problem: "empty" });
    expect(parseReference("   ")).toEqual({ ok: false, problem: "empty" });
    expect(parseReference(undefined)).toEqual({ ok: false, problem: "empty" });
    expect(parseReference(1234567890)).toEqual({ ok: false, problem: "empty" });
    expect(parseReference("WB-1234-5678")).toEqual({ ok: false, problem: "not-digits" });
    expect(parseReference(`${ref}x`)).toEqual({ ok: false, problem: "not-digits" });
    expect(parseReference(ref.slice(0, 9))).toEqual({ ok: false, problem: "wrong-length" });
    expect(parseReference(`${ref}0`)).toEqual({ ok: false, problem: "wrong-length" });
    expect(parseReference("１２３４５６７８９０")).toEqual({ ok: false, problem: "not-digits" }); // full-width digits
  });

  it("prints as 4 4 2", () => {
    expect(formatReference("4821739056")).toBe("4821 7390 56");
  });
});
