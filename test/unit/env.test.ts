import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, postgresFromEnv } from "@/lib/env";

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

  it("takes PostgreSQL from DATABASE_URL, checks its settings, and then requires AUTH_SECRET", () => {
    const secret = "x".repeat(32);
    expect(parseEnv({}).databaseUrl).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
    expect(() => parseEnv({ DATABASE_URL: "mysql://h/db", AUTH_SECRET: secret })).toThrow(/DATABASE_URL: must start with postgres:\/\//);
    expect(() => parseEnv({ DATABASE_URL: "postgres://h/db" })).toThrow(/AUTH_SECRET: is required with DATABASE_URL/);
    expect(parseEnv({ DATABASE_URL: "postgresql://h/db", AUTH_SECRET: secret })).toMatchObject({ databaseUrl: "postgresql://h/db", requireAuthSecret: true });
    expect(() => parseEnv({ DATABASE_URL: "postgres://h/db", AUTH_SECRET: secret, DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseEnv({ DATABASE_URL: "postgres://h/db", AUTH_SECRET: secret, DATABASE_POOL_SIZE: "lots" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseEnv({ DATABASE_URL: "postgres://h/db", AUTH_SECRET: secret, DATABASE_STATEMENT_TIMEOUT_MS: "-1" })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
    expect(() => parseEnv({ DATABASE_URL: "postgres://h/db", AUTH_SECRET: secret, DATABASE_PREPARED_STATEMENTS: "no" })).toThrow(/DATABASE_PREPARED_STATEMENTS: must be on or off/);
  });

  it("gives the pool ten connections, a 30-second statement timeout and named statements unless told otherwise", () => {
    const saved = { ...process.env };
    try {
      delete process.env.DATABASE_URL;
      expect(postgresFromEnv()).toBeNull();
      process.env.DATABASE_URL = " postgres://h/db ";
      expect(postgresFromEnv()).toEqual({ url: "postgres://h/db", caFile: undefined, poolSize: 10, statementTimeoutMs: 30_000, namedStatements: true });
      Object.assign(process.env, { DATABASE_POOL_SIZE: "4", DATABASE_STATEMENT_TIMEOUT_MS: "0", DATABASE_CA_FILE: "/ca.pem", DATABASE_PREPARED_STATEMENTS: "off" });
      expect(postgresFromEnv()).toEqual({ url: "postgres://h/db", caFile: "/ca.pem", poolSize: 4, statementTimeoutMs: 0, namedStatements: false });
    } finally {
      for (const key of ["DATABASE_URL", "DATABASE_POOL_SIZE", "DATABASE_STATEMENT_TIMEOUT_MS", "DATABASE_CA_FILE", "DATABASE_PREPARED_STATEMENTS"]) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });
});
