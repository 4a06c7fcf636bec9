import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("environment validation", () => {
  it("has working defaults", () => {
    const e = parseEnv({});
    expect(e.siteUrl).toBe("http://localhost:3000");
    expect(e.demoMode).toBe(false);
    expect(e.scenariosPerAttempt).toBe(5);
  });

  it("names the bad variable", () => {
    expect(() => parseEnv({ SITE_URL: "not a url" })).toThrow(EnvError);
    expect(() => parseEnv({ SITE_URL: "not a url" })).toThrow(/SITE_URL/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ SMTP_URL: "http://mail" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ DEMO_MODE: "maybe" })).toThrow(/DEMO_MODE/);
  });

  it("generates no secret when REQUIRE_AUTH_SECRET is set: AUTH_SECRET must then be given", () => {
    expect(parseEnv({}).requireAuthSecret).toBe(false);
    expect(() => parseEnv({ REQUIRE_AUTH_SECRET: "true" })).toThrow(/AUTH_SECRET: is required because REQUIRE_AUTH_SECRET is set/);
    expect(() => parseEnv({ REQUIRE_AUTH_SECRET: "true", AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32/);
    const e = parseEnv({ REQUIRE_AUTH_SECRET: "yes", AUTH_SECRET: "x".repeat(32) });
    expect(e).toMatchObject({ requireAuthSecret: true, authSecret: "x".repeat(32) });
    expect(() => parseEnv({ REQUIRE_AUTH_SECRET: "perhaps" })).toThrow(/REQUIRE_AUTH_SECRET/);
  });
});
