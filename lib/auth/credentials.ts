import "server-only";
// The checks behind the two ways of signing in. Auth.js calls these from its providers.
import { findPersonByEmail, findPersonById } from "@/db/queries/people";
import { findSignInLink, markSignInLinkUsed, recentFailureTimes, recordSignInAttempt } from "@/db/queries/auth";
import { writeTransaction } from "@/db/client";
import { now } from "../clock";
import { audit } from "../audit";
import { burnVerifyTime, verifyPassword } from "./hashing";
import { LOOKBACK_MS, lockedUntil } from "./throttle";
import { hashToken, isWellFormedToken } from "./tokens";
import { startSession } from "./sessions";

export type SignedIn = { personId: number; sessionId: string; name: string; email: string };
export type PasswordResult = { ok: true; signedIn: SignedIn } | { ok: false; reason: "invalid" | "throttled"; until?: Date };

export async function checkPassword(emailInput: string, password: string): Promise<PasswordResult> {
  const email = emailInput.trim().toLowerCase();
  const at = now();
  const until = lockedUntil(await recentFailureTimes(email, new Date(at.getTime() - LOOKBACK_MS)), at.getTime());
  if (until !== null) return { ok: false, reason: "throttled", until: new Date(until) };

  const person = await findPersonByEmail(email);
  let good = false;
  if (person?.passwordHash && person.active) {
    good = await verifyPassword(person.passwordHash, password);
  } else {
    await burnVerifyTime(password);
  }
  await recordSignInAttempt(email, at, good);
  if (!good || !person) return { ok: false, reason: "invalid" };
  const sessionId = await startSession(person.id);
  await audit({ actorId: person.id, schemeId: person.schemeId, subjectPersonId: person.id, action: "signed-in", details: { method: "password" } });
  return { ok: true, signedIn: { personId: person.id, sessionId, name: person.name, email: person.email } };
}

export type LinkCheck =
  | { ok: true; personId: number }
  | { ok: false; reason: "malformed" | "unknown" | "used" | "expired" | "inactive" };

/** Looks at a sign-in link without using it up (for the page that asks the person to continue). */
export async function inspectSignInLink(token: unknown): Promise<LinkCheck> {
  if (!isWellFormedToken(token)) return { ok: false, reason: "malformed" };
  const link = await findSignInLink(hashToken(token));
  if (!link) return { ok: false, reason: "unknown" };
  if (link.usedAt) return { ok: false, reason: "used" };
  if (link.expiresAt.getTime() <= now().getTime()) return { ok: false, reason: "expired" };
  const person = await findPersonById(link.personId);
  if (!person?.active) return { ok: false, reason: "inactive" };
  return { ok: true, personId: person.id };
}

/** Uses up a sign-in link and starts a session, once. */
export async function consumeSignInLink(token: unknown): Promise<{ ok: true; signedIn: SignedIn } | { ok: false; reason: string }> {
  const check = await inspectSignInLink(token);
  if (!check.ok) return check;
  const used = await writeTransaction(async (tx) => {
    const link = await findSignInLink(hashToken(token as string), tx);
    return link ? await markSignInLinkUsed(link.id, now(), tx) : false;
  });
  if (!used) return { ok: false, reason: "used" };
  const person = (await findPersonById(check.personId))!;
  const sessionId = await startSession(person.id);
  await audit({ actorId: person.id, schemeId: person.schemeId, subjectPersonId: person.id, action: "signed-in", details: { method: "email-link" } });
  return { ok: true, signedIn: { personId: person.id, sessionId, name: person.name, email: person.email } };
}
