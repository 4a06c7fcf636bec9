import "server-only";
import { randomBytes } from "node:crypto";
import { findLiveSession, insertSession, revokeSession } from "@/db/queries/auth";
import { now } from "../clock";

export const SESSION_HOURS = 12;

/** Starts a server-side session; its id is the only thing the session cookie carries. */
export function startSession(personId: number): string {
  const id = randomBytes(24).toString("base64url");
  const at = now();
  insertSession({ id, personId, createdAt: at, expiresAt: new Date(at.getTime() + SESSION_HOURS * 3600 * 1000) });
  return id;
}

export function endSession(sessionId: string): void {
  revokeSession(sessionId, now());
}

export function liveSession(sessionId: string) {
  return findLiveSession(sessionId, now());
}
