// Times the training matrix and its CSV export on the large seeded scheme (scripts/seed-large.ts):
// the library functions in this process, and (with --http) the real pages of a production server.
//
// Usage:
//   npm run seed:large                       # once: data/large.db, 10,000 people, five years
//   npx tsx --conditions=react-server bench/trainer-matrix.ts [--http] [--runs 40]
// On PostgreSQL: set DATABASE_URL (and AUTH_SECRET) for both commands; the server started by
// --http gets the same environment, so it runs on the same database.
//
// --http copies the current production build (.next, without its cache) to data/trainer-bench/site,
// so nobody's rebuild can pull it from under the run, starts `next start` on 127.0.0.1:3350 with the
// large database, signs in as the scheme's trainer by minting a session, and times GET requests
// (time to the last byte, one at a time). Results go to bench/results/trainer-matrix.json.
import { sqlRow } from "@/db/raw-sql";
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: { http: { type: "boolean" }, runs: { type: "string" }, port: { type: "string" } } });
process.env.DATABASE_PATH ||= join("data", "large.db");
const RUNS = Number(args.runs ?? 40);
const ROOT = join(__dirname, "..");
const SECRET = "trainer-bench-secret-trainer-bench-secret-0123";
process.env.AUTH_SECRET ||= SECRET;

import { closeConfiguredDatabase, openConfiguredDatabase } from "@/lib/database";
import { findPersonByEmail, findSchemeByName } from "@/db/queries/people";
import type { Viewer } from "@/lib/access";
import { startSession } from "@/lib/auth/sessions";
import { matrixCsv } from "@/lib/trainer/export";
import { matrixPage, parseMatrixFilters } from "@/lib/trainer/matrix";

const LARGE_SCHEME = "Large test scheme (generated)";
const TRAINER = "trainer@large.example";

type Stats = { runs: number; p50: number; p95: number; max: number; min: number };

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { runs: times.length, min: round(sorted[0]!), p50: round(at(50)), p95: round(at(95)), max: round(sorted.at(-1)!) };
}

async function time(runs: number, warmup: number, fn: () => unknown | Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return stats(times);
}

const SCENARIOS: [string, Record<string, string>][] = [
  ["first page, by name", {}],
  ["status = overdue", { status: "overdue" }],
  ["by status, page 100", { sort: "status", page: "100" }],
  ["by expiry, last page", { sort: "expiry", page: "190" }],
  ["one intake", { intake: "5" }],
  ["name search", { q: "aisha" }],
  ["everyone incl. leavers", { account: "all" }],
];

function line(label: string, s: Stats): string {
  return `  ${label.padEnd(28)} p50 ${String(s.p50).padStart(6)} ms   p95 ${String(s.p95).padStart(6)} ms   max ${String(s.max).padStart(6)} ms   (${s.runs} runs)`;
}

async function inProcess(viewer: Viewer, schemeId: number) {
  const out: Record<string, Stats> = {};
  console.log(`In-process (lib/trainer/matrix.ts), ${RUNS} runs each after 3 warm-up runs:`);
  for (const [label, query] of SCENARIOS) {
    const s = await time(RUNS, 3, async () => await matrixPage(viewer, schemeId, parseMatrixFilters(query)));
    out[`matrix: ${label}`] = s;
    console.log(line(label, s));
  }
  const exportRuns = Math.max(5, Math.round(RUNS / 4));
  const s = await time(exportRuns, 1, async () => await matrixCsv(viewer, schemeId, parseMatrixFilters({})));
  out["export: every current person"] = s;
  console.log(line("CSV export, everyone", s));
  return out;
}

/** Copies the build so a rebuild by someone else cannot break the running server. */
function snapshot(): string {
  const site = join(ROOT, "data", "trainer-bench", "site");
  if (!existsSync(join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npx next build` first.");
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  cpSync(join(ROOT, ".next"), join(site, ".next"), { recursive: true, verbatimSymlinks: true, filter: (src) => relative(join(ROOT, ".next"), src).split("/")[0] !== "cache" });
  for (const file of ["next.config.mjs", "package.json"]) cpSync(join(ROOT, file), join(site, file));
  if (existsSync(join(ROOT, "public"))) cpSync(join(ROOT, "public"), join(site, "public"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(site, "node_modules"));
  return site;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function overHttp(personId: number) {
  const { encode } = await import("next-auth/jwt");
  const port = Number(args.port ?? 3350);
  const base = `http://127.0.0.1:${port}`;
  const site = snapshot();
  const child = spawn(process.execPath, [join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", site, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: process.env.AUTH_SECRET, SITE_URL: base, DEMO_MODE: "", TEST_CLOCK_FILE: "", ALLOW_TEST_CLOCK: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const out: Record<string, Stats> = {};
  try {
    await waitFor(`${base}/sign-in`, child);
    const sid = await startSession(personId);
    const jwt = await encode({ token: { sid, sub: String(personId) }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token", maxAge: 3600 });
    const cookie = `authjs.session-token=${jwt}`;
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return body.byteLength;
    };
    console.log(`\nOver HTTP (next start, ${base}), time to the last byte, one request at a time, ${RUNS} runs each after 3 warm-up runs:`);
    for (const [label, query] of SCENARIOS) {
      const path = `/trainer/matrix?${new URLSearchParams(query).toString()}`;
      const bytes = await get(path);
      const s = await time(RUNS, 3, () => get(path));
      out[`GET matrix: ${label}`] = s;
      console.log(`${line(label, s)}  ${Math.round(bytes / 1024)} KB`);
    }
    const bytes = await get("/trainer/matrix/export");
    const s = await time(Math.max(5, Math.round(RUNS / 4)), 1, () => get("/trainer/matrix/export"));
    out["GET export: every current person"] = s;
    console.log(`${line("CSV export, everyone", s)}  ${Math.round(bytes / 1024)} KB`);
  } catch (error) {
    console.error(output.slice(-3000));
    throw error;
  } finally {
    child.kill("SIGTERM");
  }
  return out;
}

async function main() {
  const db = await openConfiguredDatabase();
  const scheme = await findSchemeByName(LARGE_SCHEME);
  const trainer = await findPersonByEmail(TRAINER);
  if (!scheme || !trainer) throw new Error(`No large scheme in ${db.location}: run \`npm run seed:large\` first.`);
  const viewer: Viewer = { personId: trainer.id, name: trainer.name, email: trainer.email, role: "trainer", schemeId: scheme.id, sessionId: "bench" };
  const people = (await sqlRow<{ n: number }>(db, "select count(*) as n from people where scheme_id = ?", scheme.id))!.n;
  console.log(`${LARGE_SCHEME}: ${people} people in ${db.location}; load average ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}\n`);
  const results: Record<string, unknown> = { at: new Date().toISOString(), people, inProcess: await inProcess(viewer, scheme.id) };
  if (args.http) results.http = await overHttp(trainer.id);
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  const file = join(ROOT, "bench", "results", "trainer-matrix.json");
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as unknown[]) : [];
  writeFileSync(file, JSON.stringify([...(Array.isArray(previous) ? previous : []), results], null, 2));
  console.log(`\nSaved to ${relative(ROOT, file)}`);
}

main()
  .then(closeConfiguredDatabase)
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
