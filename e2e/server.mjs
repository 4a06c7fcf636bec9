// Starts the production build for the end-to-end suite: a fresh database (never the real one), the
// full demo (its accounts, people and history: e2e/demo.spec.ts walks through it; the other specs
// make their own people or schemes beside it), a test clock file, and `next start` on port 3100
// (E2E_PORT to change; the data folder and database follow it).
// The database: the SQLite file data/e2e…/e2e.db, or with E2E_ENGINE=postgres a fresh database
// slt_e2e_<port> on the server TEST_DATABASE_URL names (e2e/env.ts says the same).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT || 3100);
const dataDir = join(root, "data", port === 3100 ? "e2e" : `e2e-${port}`);
const engine = process.env.E2E_ENGINE || "sqlite";
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_PATH: join(dataDir, "e2e.db"),
  DEMO_MODE: "true",
  SITE_URL: `http://127.0.0.1:${port}`,
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  TEST_CLOCK_FILE: join(dataDir, "clock.txt"),
  ALLOW_TEST_CLOCK: "yes",
};
// Never a database from the caller's environment: only the one made here.
delete env.DATABASE_URL;
delete env.DATABASE_CA_FILE;

const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (engine === "postgres") {
  if (!process.env.TEST_DATABASE_URL) {
    console.error("E2E_ENGINE=postgres needs TEST_DATABASE_URL (scripts/test-all.sh starts a throwaway server).");
    process.exit(1);
  }
  run("npx", ["tsx", "e2e/postgres-database.ts"]);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/slt_e2e_${port}`;
  env.DATABASE_URL = url.toString();
  if (process.env.TEST_DATABASE_CA_FILE) env.DATABASE_CA_FILE = process.env.TEST_DATABASE_CA_FILE;
} else if (engine !== "sqlite") {
  console.error(`E2E_ENGINE must be sqlite or postgres (it is ${engine})`);
  process.exit(1);
}

// The seed opens the database through lib/database.ts, which applies the migrations first.
run("npx", ["tsx", "--conditions=react-server", "scripts/seed-demo.ts"]);

const server = spawn("npx", ["next", "start", "-p", String(port)], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
