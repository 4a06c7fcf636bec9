import { describe, expect, it } from "vitest";
import { rememberSessionId, rememberedSessionId } from "@/lib/auth/session-id-cache";

describe("the session-id cache", () => {
  it("remembers an exact cookie for a minute, and nothing else", () => {
    rememberSessionId("cookie-a", "sid-a", 1_000);
    expect(rememberedSessionId("cookie-a", 1_001)).toBe("sid-a");
    expect(rememberedSessionId("cookie-a-altered", 1_001)).toBeNull();
    expect(rememberedSessionId("cookie-a", 61_000)).toBeNull();
    expect(rememberedSessionId("cookie-a", 1_002)).toBeNull();
  });
});
