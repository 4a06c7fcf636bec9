import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, formatCode, newCertificateCode, normaliseCode } from "@/lib/certificates/code";

describe("certificate codes", () => {
  it("are 28 Crockford base32 characters, shown as 7 groups of 4", () => {
    const code = newCertificateCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{28}$/);
    expect(formatCode(code)).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(formatCode(code).replace(/-/g, "")).toBe(code);
  });

  it("use Crockford's alphabet: no I, L, O or U", () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it("do not repeat over 10,000 codes, and use every character of the alphabet about evenly", () => {
    const codes = Array.from({ length: 10_000 }, newCertificateCode);
    expect(new Set(codes).size).toBe(10_000);
    const counts = new Map<string, number>();
    for (const code of codes) for (const ch of code) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 280,000 characters over 32 symbols: 8,750 each on average.
    for (const n of counts.values()) expect(Math.abs(n - 8750)).toBeLessThan(600);
    // The last character takes its 5 bits whole too: all 32 symbols appear there.
    expect(new Set(codes.map((c) => c[27])).size).toBe(32);
  });

  it("carry at least 128 random bits", () => {
    expect(28 * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(128);
  });
});

describe("normaliseCode", () => {
  const code = "7K3MQ9XA7K3MQ9XA7K3MQ9XA7K3M";

  it("accepts the code as printed, typed in lower case, with spaces or without hyphens", () => {
    expect(normaliseCode(formatCode(code))).toBe(code);
    expect(normaliseCode("7k3m-q9xa-7k3m-q9xa-7k3m-q9xa-7k3m")).toBe(code);
    expect(normaliseCode(" 7K3M Q9XA 7K3M Q9XA 7K3M Q9XA 7K3M ")).toBe(code);
    expect(normaliseCode(code)).toBe(code);
    expect(normaliseCode("7K3M\u2013Q9XA\u2013 7K3MQ9XA7K3MQ9XA7K3M")).toBe(code);
  });

  it("reads O as 0 and I or L as 1", () => {
    expect(normaliseCode("O1IL-0000-0000-0000-0000-0000-0000")).toBe("0111000000000000000000000000");
    expect(normaliseCode("o1il000000000000000000000000")).toBe("0111000000000000000000000000");
  });

  it("refuses U, other characters, and the wrong length", () => {
    expect(normaliseCode("U".repeat(28))).toBeNull();
    expect(normaliseCode(`${code.slice(0, 27)}!`)).toBeNull();
    expect(normaliseCode(code.slice(0, 27))).toBeNull();
    expect(normaliseCode(`${code}A`)).toBeNull();
    expect(normaliseCode("")).toBeNull();
    expect(normaliseCode("   ")).toBeNull();
    expect(normaliseCode("'; drop table certificates; --")).toBeNull();
    expect(normaliseCode("A".repeat(1000))).toBeNull();
    expect(normaliseCode(undefined)).toBeNull();
    expect(normaliseCode(42)).toBeNull();
  });
});
