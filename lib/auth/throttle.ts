// Throttling password guesses, as a pure rule. After MAX_FAILURES failed attempts on one email
// within WINDOW, further attempts are refused (the password is not even checked) until LOCKOUT
// has passed since the last of them.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 5 * 60 * 1000;
export const LOCKOUT_MS = 15 * 60 * 1000;

/**
 * @param failureTimes times (ms) of recent failed attempts for one email, any order
 * @returns when the lock lifts (ms), or null when an attempt may go ahead
 */
export function lockedUntil(failureTimes: number[], nowMs: number): number | null {
  const recent = failureTimes.filter((t) => t > nowMs - WINDOW_MS - LOCKOUT_MS).sort((a, b) => b - a);
  if (recent.length < MAX_FAILURES) return null;
  const newest = recent[0]!;
  const tenthNewest = recent[MAX_FAILURES - 1]!;
  if (newest - tenthNewest > WINDOW_MS) return null;
  const until = newest + LOCKOUT_MS;
  return until > nowMs ? until : null;
}

/** How far back the attempts table needs reading for lockedUntil(). */
export const LOOKBACK_MS = WINDOW_MS + LOCKOUT_MS;
