// One-time tokens for invitations and sign-in links: 256 random bits in the link, only a SHA-256
// hash in the database, so a copy of the database cannot be used to sign in.
import { createHash, randomBytes } from "node:crypto";

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as it may arrive from a link: 43 base64url characters. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}
