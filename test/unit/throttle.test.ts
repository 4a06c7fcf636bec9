import { describe, expect, it } from "vitest";
import { LOCKOUT_MS, MAX_FAILURES, WINDOW_MS, lockedUntil } from "@/lib/auth/throttle";

const t0 = 1_800_000_000_000;
const failures = (count: number, spacingMs: number, start = t0) => Array.from({ length: count }, (_, i) => start + i * spacingMs);

describe("sign-in throttle", () => {
  it("allows up to 9 failures", () => {
    expect(lockedUntil(failures(9, 1000), t0 + 10_000)).toBeNull();
  });

  it("locks after the 10th failure within 5 minutes, for 15 minutes after it", () => {
    const times = failures(MAX_FAILURES, 1000);
    const last = times.at(-1)!;
    expect(lockedUntil(times, last + 1)).toBe(last + LOCKOUT_MS);
    expect(lockedUntil(times, last + LOCKOUT_MS - 1)).toBe(last + LOCKOUT_MS);
    expect(lockedUntil(times, last + LOCKOUT_MS)).toBeNull();
  });

  it("does not lock when the 10 failures are spread over more than 5 minutes", () => {
    const times = failures(MAX_FAILURES, WINDOW_MS / 8);
    expect(lockedUntil(times, times.at(-1)! + 1)).toBeNull();
  });

  it("ignores failures from long ago", () => {
    const times = failures(MAX_FAILURES, 1000);
    expect(lockedUntil(times, t0 + WINDOW_MS + LOCKOUT_MS + 60_000)).toBeNull();
  });
});
