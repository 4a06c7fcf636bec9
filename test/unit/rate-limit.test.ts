import { describe, expect, it } from "vitest";
import { VERIFY_LIMIT, clientKey, createTokenBucket, sharedBucket } from "@/lib/rate-limit";

const t0 = 1_800_000_000_000;
const perMinute = (n: number) => ({ capacity: n, refillPerMs: n / 60_000 });

describe("token bucket", () => {
  it("allows a burst up to its capacity, then refuses", () => {
    const bucket = createTokenBucket(perMinute(30));
    for (let i = 0; i < 30; i++) expect(bucket.take("a", t0).ok, `request ${i + 1}`).toBe(true);
    const refused = bucket.take("a", t0);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBe(2000);
  });

  it("refills steadily: one more every 2 seconds at 30 a minute, full again after a minute", () => {
    const bucket = createTokenBucket(perMinute(30));
    for (let i = 0; i < 30; i++) bucket.take("a", t0);
    expect(bucket.take("a", t0 + 1999).ok).toBe(false);
    expect(bucket.take("a", t0 + 2000).ok).toBe(true);
    expect(bucket.take("a", t0 + 2001).ok).toBe(false);
    for (let i = 0; i < 30; i++) expect(bucket.take("a", t0 + 62_000).ok).toBe(true);
    expect(bucket.take("a", t0 + 62_000).ok).toBe(false);
  });

  it("keeps one bucket per key", () => {
    const bucket = createTokenBucket(perMinute(2));
    expect(bucket.take("a", t0).ok).toBe(true);
    expect(bucket.take("a", t0).ok).toBe(true);
    expect(bucket.take("a", t0).ok).toBe(false);
    expect(bucket.take("b", t0).ok).toBe(true);
  });

  it("never refills when the clock steps back", () => {
    const bucket = createTokenBucket(perMinute(1));
    expect(bucket.take("a", t0).ok).toBe(true);
    expect(bucket.take("a", t0 - 3_600_000).ok).toBe(false);
    expect(bucket.take("a", t0 + 59_999).ok).toBe(false);
    expect(bucket.take("a", t0 + 60_000).ok).toBe(true);
  });

  it("forgets the least recently used keys beyond maxKeys", () => {
    const bucket = createTokenBucket({ ...perMinute(1), maxKeys: 3 });
    for (const key of ["a", "b", "c"]) bucket.take(key, t0);
    bucket.take("a", t0); // refused, but "a" is now the most recently used
    bucket.take("d", t0);
    expect(bucket.size()).toBe(3);
    expect(bucket.take("a", t0).ok).toBe(false); // still remembered
    expect(bucket.take("b", t0).ok).toBe(true); // forgotten, so full again
  });

  it("refuses nonsense options", () => {
    expect(() => createTokenBucket({ capacity: 0, refillPerMs: 1 })).toThrow();
    expect(() => createTokenBucket({ capacity: 1, refillPerMs: 0 })).toThrow();
  });

  it("shares a named bucket across callers; verification allows 30 a minute", () => {
    expect(sharedBucket("test-shared", VERIFY_LIMIT)).toBe(sharedBucket("test-shared", VERIFY_LIMIT));
    const bucket = sharedBucket("test-verify", VERIFY_LIMIT);
    let allowed = 0;
    for (let i = 0; i < 40; i++) if (bucket.take("1.2.3.4", t0).ok) allowed++;
    expect(allowed).toBe(30);
  });
});

describe("clientKey", () => {
  const h = (values: Record<string, string>) => new Headers(values);

  it("takes the nearest hop of x-forwarded-for (what the client claims comes first)", () => {
    expect(clientKey(h({ "x-forwarded-for": "10.0.0.1" }))).toBe("10.0.0.1");
    expect(clientKey(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("falls back to x-real-ip, then to one shared key", () => {
    expect(clientKey(h({ "x-real-ip": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientKey(h({ "x-forwarded-for": " , " , "x-real-ip": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientKey(h({}))).toBe("unknown");
  });
});
