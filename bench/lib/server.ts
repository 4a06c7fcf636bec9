// Building (when needed), snapshotting and starting the production site for the bench scripts.
//
// The bench never serves from .next directly: other people rebuild it while they work, and a
// rebuild under a running server breaks it. It copies the build (without its cache) to
// data/bench/site/.next and runs `next start data/bench/site`, with this checkout as the working
// directory (content/, db/migrations and lib/auth/common-passwords.txt are read from there).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, relative } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const BENCH_DATA = join(ROOT, "data", "bench");
export const SITE_DIR = join(BENCH_DATA, "site");
export const BENCH_SECRET = "bench-secret-bench-secret-bench-secret-0123456789";
/** The bench's own ports. 3100 belongs to the end-to-end suite and is never used here. */
export const PORT_RANGE = [3200, 3299] as const;

const NEXT_BIN = join(ROOT, "node_modules", "next", "dist", "bin", "next");
const SOURCES = ["app", "lib", "db", "content", "public", "proxy.ts", "instrumentation.ts", "mdx-components.tsx", "next.config.mjs", "package-lock.json"];
/** Routes the bench needs in the build (the floor pages are the bench's own). */
export const REQUIRED_ROUTES = ["/bench-floor", "/bench-floor-static", "/modules/[module]/[page]", "/my", "/verify/[code]"];

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildRoutes(dir: string): string[] {
  const file = join(dir, "app-path-routes-manifest.json");
  return existsSync(file) ? Object.values(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : [];
}

/** Why the current build cannot be used, or null when it can. */
export function staleBuildReason(): string | null {
  const id = join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(id)) return "there is no build";
  const builtAt = statSync(id).mtimeMs;
  const changed = SOURCES.find((s) => newestMtime(join(ROOT, s)) > builtAt);
  if (changed) return `${changed} changed since the last build`;
  const routes = buildRoutes(join(ROOT, ".next"));
  const missing = REQUIRED_ROUTES.filter((r) => !routes.includes(r));
  return missing.length ? `the build has no ${missing.join(", ")}` : null;
}

/** `next build` when the build is missing or older than the sources; retried, since others edit too. */
export function ensureBuild(force = false): void {
  const reason = force ? "a build was asked for" : staleBuildReason();
  if (!reason) {
    log("the production build is current");
    return;
  }
  for (let attempt = 1; attempt <= 3; attempt++) {
    log(`building (${reason}); attempt ${attempt}`);
    const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (result.status === 0) return;
    if (attempt < 3) {
      log("the build failed (perhaps a file someone is still writing); trying again in 60 s");
      spawnSync("sleep", ["60"]);
    }
  }
  throw new Error("next build failed three times; see the output above");
}

/** Copies the build to data/bench/site, so a rebuild by someone else cannot pull it from under us. */
export function snapshotBuild(): string {
  rmSync(SITE_DIR, { recursive: true, force: true });
  mkdirSync(SITE_DIR, { recursive: true });
  cpSync(join(ROOT, ".next"), join(SITE_DIR, ".next"), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => relative(join(ROOT, ".next"), src).split("/")[0] !== "cache",
  });
  for (const file of ["next.config.mjs", "package.json"]) cpSync(join(ROOT, file), join(SITE_DIR, file));
  if (existsSync(join(ROOT, "public"))) cpSync(join(ROOT, "public"), join(SITE_DIR, "public"), { recursive: true });
  // Turbopack links server-external packages as .next/node_modules/<name>-<hash> -> ../../node_modules/<name>.
  symlinkSync(join(ROOT, "node_modules"), join(SITE_DIR, "node_modules"));
  const missing = REQUIRED_ROUTES.filter((r) => !buildRoutes(join(SITE_DIR, ".next")).includes(r));
  if (missing.length) throw new Error(`the build copied has no ${missing.join(", ")}: was it rebuilt while copying? Run again.`);
  writeFileSync(join(BENCH_DATA, "build-id.txt"), readFileSync(join(SITE_DIR, ".next", "BUILD_ID"), "utf8"));
  return readFileSync(join(SITE_DIR, ".next", "BUILD_ID"), "utf8").trim();
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

const taken = new Set<number>();

/** A free loopback port in 3200–3299 that this process has not handed out yet. */
export async function freePort(): Promise<number> {
  for (let port = PORT_RANGE[0]; port <= PORT_RANGE[1]; port++) {
    if (taken.has(port)) continue;
    if (await portIsFree(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${PORT_RANGE.join("–")}`);
}

/** Servers this process started: stopped if it exits early (an error, Ctrl-C), never left running. */
const running = new Set<ChildProcess>();
let cleanupInstalled = false;
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on("exit", () => {
    for (const child of running) child.kill("SIGTERM");
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
}

/** The database a site runs on: the SQLite file, or a PostgreSQL database. */
export type SiteDatabase = { engine: "sqlite"; path: string } | { engine: "postgres"; url: string; caFile?: string };

/**
 * The environment that points a process at `database`, and away from any other one the shell
 * names: `process.env` with these keys set, or removed where undefined.
 */
export function databaseEnv(database: SiteDatabase, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...base };
  const set =
    database.engine === "sqlite"
      ? { DATABASE_PATH: database.path, DATABASE_URL: undefined, DATABASE_CA_FILE: undefined }
      : { DATABASE_URL: database.url, DATABASE_CA_FILE: database.caFile, DATABASE_PATH: undefined };
  for (const [key, value] of Object.entries(set)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export type SiteServer = { base: string; port: number; child: ChildProcess; output: () => string; stop: () => Promise<void> };

export async function waitForHttp(url: string, child?: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was ready`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * `next start` for the snapshot, on loopback, with its own database. The child is `node .../next`
 * itself (no npm or shell in between), so its pid is the server's: SIGKILL really kills the server.
 */
export async function startSite(opts: { database: SiteDatabase; port?: number; env?: Record<string, string> }): Promise<SiteServer> {
  const port = opts.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, [NEXT_BIN, "start", SITE_DIR, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...databaseEnv(opts.database),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: BENCH_SECRET,
      SITE_URL: base,
      DEMO_MODE: "",
      TEST_CLOCK_FILE: "",
      ALLOW_TEST_CLOCK: "",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  installCleanup();
  running.add(child);
  child.once("exit", () => running.delete(child));
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill("SIGKILL"), 5000).unref();
    });
  try {
    await waitForHttp(`${base}/bench-floor-static`, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.slice(-3000)}`);
  }
  return { base, port, child, output: () => output, stop };
}
