// Decoding the Auth.js session cookie costs 1.5–2 ms a request (key derivation, AES and HMAC, then
// it re-encodes a fresh token a Server Component cannot even set), which is most of a signed-in
// page's budget (docs/benchmarks.md). This remembers, for a minute, which session id an exact
// cookie value decoded to. It only saves the decoding: the session row is still read from the
// database on every request, so signing out, deactivation and expiry take effect at once, and a
// forged or altered cookie never matches an entry, so it goes through the full check.
const TTL_MS = 60_000;
/** Bounded, so a flood of made-up cookies cannot grow the memory without limit. */
export const SESSION_ID_CACHE_MAX_ENTRIES = 5_000;

const entries = new Map<string, { sessionId: string; until: number }>();

export function rememberedSessionId(cookie: string, nowMs = Date.now()): string | null {
  const hit = entries.get(cookie);
  if (!hit) return null;
  if (hit.until <= nowMs) {
    entries.delete(cookie);
    return null;
  }
  return hit.sessionId;
}

export function rememberSessionId(cookie: string, sessionId: string, nowMs = Date.now()): void {
  // Delete first so that a cookie remembered again moves to the end of the insertion order.
  entries.delete(cookie);
  if (entries.size >= SESSION_ID_CACHE_MAX_ENTRIES) {
    // Drop the oldest (Map keeps insertion order).
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(cookie, { sessionId, until: nowMs + TTL_MS });
}
