// Starts the production build for the end-to-end suite: a fresh database under data/e2e (never
// the real one), the full demo (its accounts, people and history: e2e/demo.spec.ts walks through it;
// the other specs make their own people or schemes beside it), a test clock file, and `next start` on port 3100
// (E2E_PORT to change; the database folder follows it).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT || 3100);
const dataDir = join(root, "data", port === 3100 ? "e2e" : `e2e-${port}`);
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

const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/seed-demo.ts"], { cwd: root, env, stdio: "inherit" });
if (seed.status !== 0) process.exit(seed.status ?? 1);

const server = spawn("npx", ["next", "start", "-p", String(port)], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
