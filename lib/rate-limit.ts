// Rate limits shared by every app process: one counter row per key and fixed window in the
// database (db/queries/shared-state.ts), counted by one atomic upsert per request. The caller
// passes the time, so tests move it freely.
import { countRequest } from "@/db/queries/shared-state";
import { env } from "./env";

export type RateLimit = {
  /** Names the limit in the counter's key, so that limits on different things never share a count. */
  name: string;
  /** Requests allowed per window and key. */
  limit: number;
  /** Window length; windows start at multiples of it (a minute: 00:00, 00:01, …). */
  windowMs: number;
};

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterMs: number };

/** Counts a request from `key` and says whether it is within the limit. */
export async function takeRequest(limit: RateLimit, key: string, atMs: number): Promise<TakeResult> {
  const { count, windowStart } = await countRequest(`${limit.name}:${key}`, atMs, limit.windowMs);
  if (count <= limit.limit) return { ok: true, remaining: limit.limit - count };
  return { ok: false, retryAfterMs: Math.max(1, windowStart + limit.windowMs - atMs) };
}

/**
 * Who is asking, for throttling: the nearest hop's address. x-forwarded-for's last entry is the one
 * added by the server or proxy next to us (earlier entries are whatever the client claimed);
 * x-real-ip otherwise; one shared key when neither is there.
 */
export function clientKey(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  const ip = last || headers.get("x-real-ip")?.trim();
  return ip ? ip.slice(0, 100) : "unknown";
}

/** Public certificate checks: VERIFY_CHECKS_PER_MINUTE (30 unless set) a minute per address. */
export function verifyLimit(): RateLimit {
  return { name: "verify", limit: env().verifyChecksPerMinute, windowMs: 60_000 };
}
