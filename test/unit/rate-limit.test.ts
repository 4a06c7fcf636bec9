import { beforeEach, describe, expect, it } from "vitest";
import { countRequest, pruneRequestCounts } from "@/db/queries/shared-state";
import { type RateLimit, VERIFY_LIMIT, clientKey, takeRequest } from "@/lib/rate-limit";
import { freshDatabase, sqlRows } from "../helpers/db";

// A window boundary: t0 is a whole minute.
const t0 = 1_800_000_000_000 - (1_800_000_000_000 % 60_000);
const perMinute = (limit: number, name = "test"): RateLimit => ({ name, limit, windowMs: 60_000 });

async function takeMany(limit: RateLimit, key: string, at: number, n: number) {
  let allowed = 0;
  for (let i = 0; i < n; i++) if ((await takeRequest(limit, key, at)).ok) allowed++;
  return allowed;
}

beforeEach(async () => {
  await freshDatabase();
});

describe("rate limit in the database (fixed windows)", () => {
  it("allows the limit in a window, then refuses until the window ends", async () => {
    expect(await takeMany(perMinute(30), "a", t0, 30)).toBe(30);
    const refused = await takeRequest(perMinute(30), "a", t0 + 1000);
    expect(refused).toEqual({ ok: false, retryAfterMs: 59_000 });
  });

  it("counts the window's last millisecond in that window, and starts afresh on the next one", async () => {
    const limit = perMinute(2);
    expect((await takeRequest(limit, "a", t0)).ok).toBe(true);
    expect((await takeRequest(limit, "a", t0 + 59_999)).ok).toBe(true);
    expect(await takeRequest(limit, "a", t0 + 59_999)).toEqual({ ok: false, retryAfterMs: 1 });
    expect(await takeRequest(limit, "a", t0 + 60_000)).toEqual({ ok: true, remaining: 1 });
    expect(await takeRequest(limit, "a", t0 + 60_001)).toEqual({ ok: true, remaining: 0 });
    expect((await takeRequest(limit, "a", t0 + 119_999)).ok).toBe(false);
  });

  it("never gives a fresh window when the clock steps back", async () => {
    const limit = perMinute(1);
    expect((await takeRequest(limit, "a", t0 + 60_000)).ok).toBe(true);
    expect((await takeRequest(limit, "a", t0)).ok).toBe(false);
    expect((await takeRequest(limit, "a", t0 - 3_600_000)).ok).toBe(false);
    expect((await takeRequest(limit, "a", t0 + 120_000)).ok).toBe(true);
  });

  it("keeps one count per key and per limit", async () => {
    expect(await takeMany(perMinute(2), "a", t0, 3)).toBe(2);
    expect(await takeMany(perMinute(2), "b", t0, 3)).toBe(2);
    expect(await takeMany(perMinute(2, "other"), "a", t0, 3)).toBe(2);
  });

  it("verification allows 30 a minute per address", async () => {
    expect(await takeMany(VERIFY_LIMIT, "1.2.3.4", t0 + 5, 40)).toBe(30);
  });

  it("is one row per key, and the daily prune forgets past windows only", async () => {
    const db = await freshDatabase();
    await countRequest("old", t0, 60_000);
    await countRequest("now", t0 + 60_000, 60_000);
    expect(await pruneRequestCounts(t0 + 60_000)).toBe(1);
    expect(await sqlRows(db, "select key from rate_limits")).toEqual([{ key: "now" }]);
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
