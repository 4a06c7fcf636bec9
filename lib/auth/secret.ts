import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { databasePath, env } from "../env";

/**
 * The key that seals session cookies. AUTH_SECRET when set; otherwise one generated on first start
 * and kept beside the database (data/ is never committed), so sessions survive a restart.
 */
export function authSecret(): string {
  const fromEnv = env().authSecret;
  if (fromEnv) return fromEnv;
  const dataDir = dirname(resolve(/*turbopackIgnore: true*/ databasePath()));
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}
