import "server-only";
// Environment variables, validated once at start. A bad value stops the site with a message that
// names the variable, instead of a confusing failure later.
import { join } from "node:path";
import { z } from "zod";

const yesNo = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z
  .object({
    DATABASE_PATH: z.string().min(1).optional(),
    // PostgreSQL instead of the SQLite file: several app instances can share it.
    DATABASE_URL: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// (e.g. postgres://user:password@host:5432/training?sslmode=verify-full)")
      .optional()
      .or(z.literal("")),
    DATABASE_CA_FILE: z.string().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1, "must be at least 1").max(200).optional(),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
    // "off" behind a pooler in transaction mode that cannot keep named statements (PgBouncer before
    // 1.21, or max_prepared_statements = 0): see docs/scaling.md.
    DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off", ""], "must be on or off").optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 33)").optional(),
    // Without AUTH_SECRET, a secret is generated into data/ for the one-command start. That secret
    // belongs to one machine: with several app instances (or any production deployment) set this,
    // so that a missing AUTH_SECRET stops the site instead of each instance making its own.
    REQUIRE_AUTH_SECRET: yesNo,
    SITE_URL: z.url("must be a full address such as https://training.example.org").optional(),
    DEMO_MODE: yesNo,
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional()
      .or(z.literal("")),
    MAIL_FROM: z.string().min(3).optional(),
    RETENTION_DAYS: z.coerce.number().int().min(30, "must be at least 30 days").max(36500).optional(),
    QUIZ_SCENARIOS_PER_ATTEMPT: z.coerce.number().int().min(1).max(20).optional(),
    VERIFY_CHECKS_PER_MINUTE: z.coerce.number().int().min(1, "must be at least 1").max(100_000).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.REQUIRE_AUTH_SECRET && !e.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required because REQUIRE_AUTH_SECRET is set (try: openssl rand -base64 33)" });
    } else if (e.DATABASE_URL && !e.AUTH_SECRET) {
      // With PostgreSQL there are usually several instances: each would generate its own secret.
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required with DATABASE_URL (PostgreSQL), so that every app instance signs sessions alike (try: openssl rand -base64 33)" });
    }
  });

export type Env = {
  databasePath?: string;
  databaseUrl?: string;
  authSecret?: string;
  /** AUTH_SECRET must be given; never generated into data/. */
  requireAuthSecret: boolean;
  siteUrl: string;
  demoMode: boolean;
  smtpUrl?: string;
  mailFrom: string;
  retentionDays: number;
  scenariosPerAttempt: number;
  verifyChecksPerMinute: number;
};

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment variable${lines.length > 1 ? "s" : ""}:\n${lines.join("\n")}`);
  }
  const e = result.data;
  // Demo mode shows trainers everyone's sign-in links in the outbox: never alongside real mail.
  if (e.DEMO_MODE && e.SMTP_URL) {
    throw new EnvError("Invalid environment variables:\n  DEMO_MODE and SMTP_URL: demo mode cannot send real email. Unset DEMO_MODE for a real site, or SMTP_URL for a demo.");
  }
  return {
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL || undefined,
    authSecret: e.AUTH_SECRET,
    requireAuthSecret: e.REQUIRE_AUTH_SECRET || Boolean(e.DATABASE_URL),
    siteUrl: (e.SITE_URL ?? "http://localhost:3000").replace(/\/$/, ""),
    demoMode: e.DEMO_MODE,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM ?? "Shared Lives training <training@localhost>",
    // Six years: a common retention period for care records; a scheme sets its own.
    retentionDays: e.RETENTION_DAYS ?? 6 * 365,
    scenariosPerAttempt: e.QUIZ_SCENARIOS_PER_ATTEMPT ?? 5,
    // Enough for a person, low enough to stop scraping; an office behind one address may need more.
    verifyChecksPerMinute: e.VERIFY_CHECKS_PER_MINUTE ?? 30,
  };
}

let cached: Env | null = null;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases. */
export function resetEnvCache(): void {
  cached = null;
}

// Read on every call rather than cached by env(): tests and scripts change these at run time
// (useDatabase points DATABASE_PATH at a test database; seed:large picks its own file).

/** Where the SQLite file is when DATABASE_PATH is not set. db/client.ts keeps the same default (db/ may not import lib/). */
export const DEFAULT_DATABASE_PATH = join("data", "shared-lives.db");

export function databasePath(): string {
  return process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}

/**
 * The PostgreSQL database named by DATABASE_URL (postgres://…, with DATABASE_CA_FILE for TLS, and
 * DATABASE_POOL_SIZE / DATABASE_STATEMENT_TIMEOUT_MS / DATABASE_PREPARED_STATEMENTS), or null for the SQLite file. Read on every
 * call, like databasePath(); values are checked by env() at start.
 */
export function postgresFromEnv(): { url: string; caFile?: string; poolSize?: number; statementTimeoutMs?: number; namedStatements: boolean } | null {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return null;
  const whole = (name: string) => {
    const value = process.env[name]?.trim();
    return value ? Number(value) : undefined;
  };
  return {
    url,
    caFile: process.env.DATABASE_CA_FILE || undefined,
    // Ten connections per instance by default (node-postgres's own default): with N instances the
    // server needs N × this, below its max_connections.
    poolSize: whole("DATABASE_POOL_SIZE") ?? 10,
    // A runaway query is stopped after 30 s rather than holding a connection for ever.
    statementTimeoutMs: whole("DATABASE_STATEMENT_TIMEOUT_MS") ?? 30_000,
    // The hot statements are named on the server (db/dialect.ts) unless this says off.
    namedStatements: process.env.DATABASE_PREPARED_STATEMENTS?.trim() !== "off",
  };
}

/** For scripts that work on another database file: call before the database is first opened. */
export function useDatabasePathUnlessSet(path: string): string {
  process.env.DATABASE_PATH ||= path;
  return databasePath();
}

/** The site's address for messages printed at start: SITE_URL, or localhost on PORT (default 3000). */
export function startAddress(): string {
  return process.env.SITE_URL ? env().siteUrl : `http://localhost:${process.env.PORT || 3000}`;
}

/** True inside Vitest, the only place setTestNow() may move the clock. */
export function runningUnderVitest(): boolean {
  return Boolean(process.env.VITEST);
}

/**
 * The end-to-end suite's clock file: only when both TEST_CLOCK_FILE and ALLOW_TEST_CLOCK=yes are
 * set, so a single stray variable on a real server cannot move its clock.
 */
export function testClockFile(): string | null {
  const file = process.env.TEST_CLOCK_FILE;
  return file && process.env.ALLOW_TEST_CLOCK === "yes" ? file : null;
}
