import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { databasePath, env } from "../env";

/**
 * The key that seals session cookies. AUTH_SECRET when set; otherwise one generated on first start
 * and kept beside the database (data/ is never committed), so sessions survive a restart. With
 * REQUIRE_AUTH_SECRET (several instances, production) it is never generated: lib/env.ts refuses
 * to start without it.
 */
export function authSecret(): string {
  const { authSecret: fromEnv, requireAuthSecret } = env();
  if (fromEnv) return fromEnv;
  if (requireAuthSecret) throw new Error("AUTH_SECRET is required because REQUIRE_AUTH_SECRET is set");
  const dataDir = dirname(resolve(/*turbopackIgnore: true*/ databasePath()));
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}
