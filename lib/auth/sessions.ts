import "server-only";
import { randomBytes } from "node:crypto";
import { findLiveSession, insertSession, revokeSession } from "@/db/queries/auth";
import { now } from "../clock";

export const SESSION_HOURS = 12;

/** Starts a server-side session; its id is the only thing the session cookie carries. */
export async function startSession(personId: number): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const at = now();
  await insertSession({ id, personId, createdAt: at, expiresAt: new Date(at.getTime() + SESSION_HOURS * 3600 * 1000) });
  return id;
}

export async function endSession(sessionId: string): Promise<void> {
  await revokeSession(sessionId, now());
}

export async function liveSession(sessionId: string) {
  return await findLiveSession(sessionId, now());
}
