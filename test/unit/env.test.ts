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
});
