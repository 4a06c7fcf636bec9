import { describe, expect, it } from "vitest";
import { SESSION_ID_CACHE_MAX_ENTRIES, rememberSessionId, rememberedSessionId } from "@/lib/auth/session-id-cache";

describe("the session-id cache", () => {
  it("remembers an exact cookie until its minute is up, and nothing else", () => {
    rememberSessionId("cookie-a", "sid-a", 1_000);
    expect(rememberedSessionId("cookie-a", 1_001)).toBe("sid-a");
    expect(rememberedSessionId("cookie-a-altered", 1_001)).toBeNull();
    expect(rememberedSessionId("cookie-a", 60_999)).toBe("sid-a");
    expect(rememberedSessionId("cookie-a", 61_000)).toBeNull();
  });

  it("is bounded: when full, the least recently remembered cookie goes first", () => {
    const at = 100_000;
    rememberSessionId("first", "sid-first", at);
    rememberSessionId("second", "sid-second", at);
    for (let i = 0; i < SESSION_ID_CACHE_MAX_ENTRIES - 2; i++) rememberSessionId(`filler-${i}`, `sid-${i}`, at);
    // Full now. Remembering "first" again makes it the most recent, so "second" is the oldest.
    rememberSessionId("first", "sid-first", at);
    rememberSessionId("one-more", "sid-one-more", at);
    expect(rememberedSessionId("second", at + 1)).toBeNull();
    expect(rememberedSessionId("first", at + 1)).toBe("sid-first");
    expect(rememberedSessionId("one-more", at + 1)).toBe("sid-one-more");
    expect(rememberedSessionId("filler-0", at + 1)).toBe("sid-0");
    // One more again: the next oldest (filler-0 was read, but reading does not refresh) goes.
    rememberSessionId("and-another", "sid-x", at);
    expect(rememberedSessionId("filler-0", at + 1)).toBeNull();
    expect(rememberedSessionId("filler-1", at + 1)).toBe("sid-1");
  });
});
