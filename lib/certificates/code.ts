// Certificate codes: 28 characters of Crockford base32 (140 random bits), printed in groups of four
// ("7K3M-Q9XA-…"). Crockford's alphabet has no I, L, O or U, so a code read aloud or typed from
// paper survives the usual mix-ups: O is read as 0, I and L as 1. Stored without hyphens.
import { randomBytes } from "node:crypto";

export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 28;
const GROUP = 4;
const RAW = /^[0-9A-HJKMNP-TV-Z]{28}$/;

/** A new code, canonical form (28 characters, no hyphens). Show it with formatCode(). */
export function newCertificateCode(): string {
  // 18 bytes = 144 bits; the first 140 make 28 five-bit characters.
  const bytes = randomBytes(18);
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < CODE_LENGTH) {
      out += CODE_ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/**
 * A code as someone typed or pasted it, in canonical form; null if it cannot be one.
 * Case does not matter; spaces and hyphens are ignored; O means 0, I and L mean 1.
 */
export function normaliseCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 100) return null;
  const raw = input
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  return RAW.test(raw) ? raw : null;
}

/** "7K3MQ9XA…" → "7K3M-Q9XA-…". Accepts a code in any form normaliseCode() accepts. */
export function formatCode(raw: string): string {
  const code = normaliseCode(raw) ?? raw;
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join("-");
}
