// `npm run bench`: builds the site if needed, generates the data set, starts the production site and
// a plain node:http server on loopback (ports 3200–3299), drives each page with autocannon, weighs
// each page, and writes the results to docs/benchmarks.md (between its bench:results markers) and
// bench/results/. Then the SIGKILL test (bench/kill-restart.ts) unless --skip-kill.
//
// Options: --engine sqlite (the default) or postgres --seconds 10 (per measurement) --connections 8
// --people 10000 --reuse-data (today's data set, if made already) --build (even if current)
// --skip-kill --no-docs (only bench/results/)
// --only lesson,lesson-scheme,my,answer,verify,matrix,export,layout,session,static-course,lesson-scheme-panel,lesson-no-cookie
//
// --engine postgres: the same data set, scenarios and floor, with the site on PostgreSQL: on the
// server TEST_DATABASE_URL or DATABASE_URL names, else on a throwaway one started for the run
// (bench/lib/postgres.ts). The SIGKILL test is SQLite's own and is skipped. Its table goes between
// the bench:results:postgres markers of docs/benchmarks.md.
import { cpus, loadavg, totalmem } from "node:os";
import { createServer } from "node:http";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type PageWeight, extraJs, pageWeight } from "./lib/bytes";
import { BENCH_PASSWORD, type BenchData, prepareData } from "./lib/data";
import { actionFields, findForm, formValues } from "../test/support/html-forms";
import { getHtml, multipart, postForm, signIn } from "./lib/http";
import { type LoadRequest, type LoadResult, type SequentialResult, load, merge, sequential } from "./lib/load";
import { type PgServer, benchPostgres } from "./lib/postgres";
import { ROOT, BENCH_DATA, ensureBuild, freePort, log, snapshotBuild, startSite } from "./lib/server";
import { type KillRestartResult, killRestart } from "./kill-restart";

const { values: args } = parseArgs({
  options: {
    engine: { type: "string", default: "sqlite" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "8" },
    people: { type: "string", default: "10000" },
    "reuse-data": { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    "skip-kill": { type: "boolean", default: false },
    "no-docs": { type: "boolean", default: false },
    only: { type: "string" },
  },
});
if (args.engine !== "sqlite" && args.engine !== "postgres") throw new Error(`--engine ${args.engine}: sqlite or postgres`);
const ENGINE = args.engine;
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const WARMUP_SECONDS = Math.min(3, Math.max(1, Math.round(SECONDS / 4)));
/** Turns per measurement: floor, page, floor, page… */
const SLICES = 5;

/**
 * The targets: the first issues' on the SQLite file; issue 14's on PostgreSQL, where every page
 * also pays a round trip to another process per query.
 */
const TARGETS = {
  sqlite: { signedInShare: 0.7, lessonShare: 0.8, matrixP95: 100, exportP95: 1000 },
  postgres: { signedInShare: 0.5, lessonShare: 0.8, matrixP95: 150, exportP95: 1500 },
}[ENGINE];

type Target = {
  key: string;
  label: string;
  /** What its throughput is compared with: the framework's floor (dynamic or static). */
  floor: "floor-dynamic" | "floor-static" | null;
  request: (n: number) => LoadRequest;
  /** Status codes that mean the page did its job (anything else is reported). */
  expect: number[];
  /** GET this (with this cookie) to weigh the page; absent for POSTs and downloads. */
  weigh?: { path: string; cookie?: string };
  signedIn: boolean;
  /** Fewer connections for slow pages, so a measurement does not end with a queue still running. */
  connections?: number;
  /** A row that explains where time goes, not a page the issue sets a target for. */
  diagnostic?: boolean;
};

type FloorKey = "floor-static" | "floor-dynamic";
type Refs = { ceiling: LoadResult } & Record<FloorKey, LoadResult>;
type Row = { target: Target; result: LoadResult; floorRps: number | null; ceilingRps: number; weight?: PageWeight; extra?: { bytes: number; scripts: string[] } };

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "–");
const kb = (bytes: number | undefined) => (bytes === undefined ? "–" : `${(bytes / 1024).toFixed(1)} KB`);
// Rounded down, so that a ratio shown as 70 % really is at least 70 %.
const pct = (r: number | null) => (r === null || !Number.isFinite(r) ? "–" : `${Math.floor(r * 100)} %`);

/** Route paths in the build, to find the trainer workspace's matrix and export wherever they live. */
function builtRoutes(): Record<string, string> {
  return JSON.parse(readFileSync(join(BENCH_DATA, "site", ".next", "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
}

function findMatrix(): { page: string | null; exportPath: string | null } {
  const routes = Object.entries(builtRoutes());
  const page =
    process.env.BENCH_MATRIX_PATH ??
    routes.find(([k, v]) => k.endsWith("/page") && v.startsWith("/trainer") && /matrix/.test(v) && !v.includes("["))?.[1] ??
    null;
  const exportPath =
    process.env.BENCH_EXPORT_PATH ??
    routes.find(([k, v]) => k.endsWith("/route") && v.startsWith("/trainer") && /export|csv|matrix/.test(v) && !v.includes("["))?.[1] ??
    null;
  return { page, exportPath };
}

async function answerSetup(base: string, data: BenchData): Promise<{ request: (n: number) => LoadRequest; weigh: { path: string; cookie: string } }> {
  // Each quiz learner starts a golden-rules quiz; the load then changes their answer to question 1
  // back and forth, so every request is a real write (a new row), as when people answer.
  const bodies: { cookie: string; path: string; bodies: { body: Buffer; contentType: string }[] }[] = [];
  for (const learner of data.quizLearners.slice(0, 20)) {
    const cookie = await signIn(base, learner.email, BENCH_PASSWORD);
    const start = findForm(await getHtml(`${base}/modules/golden-rules/quiz`, cookie), /Start|Continue/);
    const res = await postForm(base, "/modules/golden-rules/quiz", start, {}, cookie);
    await res.arrayBuffer();
    const location = res.headers.get("location");
    if (res.status !== 303 || !location) throw new Error(`starting a quiz: HTTP ${res.status}`);
    const questionPath = new URL(location, base).pathname.replace(/\/(\d+|check)$/, "/1");
    const form = findForm(await getHtml(`${base}${questionPath}`, cookie), "Save and continue");
    const options = form.fields.filter((f) => f.name === "option").map((f) => f.value);
    const fixed = [...actionFields(form), ...formValues(form).filter(([k]) => k !== "option")];
    bodies.push({ cookie, path: questionPath, bodies: options.slice(0, 2).map((o) => multipart([...fixed, ["option", o]])) });
  }
  return {
    request: (n) => {
      const l = bodies[n % bodies.length]!;
      const b = l.bodies[Math.floor(n / bodies.length) % 2]!;
      return { method: "POST", path: l.path, headers: { cookie: l.cookie, "content-type": b.contentType, origin: base }, body: b.body };
    },
    weigh: { path: bodies[0]!.path, cookie: bodies[0]!.cookie },
  };
}

function ceilingServer(bytes: Buffer, contentType: string): Promise<{ base: string; close: () => void }> {
  return freePort().then(
    (port) =>
      new Promise((resolve) => {
        const server = createServer((_req, res) => {
          res.writeHead(200, { "content-type": contentType, "content-length": bytes.length });
          res.end(bytes);
        });
        server.keepAliveTimeout = 65_000;
        server.listen(port, "127.0.0.1", () => resolve({ base: `http://127.0.0.1:${port}`, close: () => server.close() }));
      }),
  );
}

function markdown(opts: {
  rows: Row[];
  refs: Refs;
  bare: { static: PageWeight; dynamic: PageWeight };
  floorRuns: Record<FloorKey, LoadResult[]>;
  seq: Record<string, SequentialResult | undefined>;
  data: BenchData;
  matrix: { page: string | null; exportPath: string | null };
  buildId: string;
  started: Date;
  load: [number, number];
  kill: KillRestartResult | null;
  postgres: PgServer | null;
}): string {
  const { rows, refs, seq, data } = opts;
  const cpu = cpus();
  const lines: string[] = [];
  lines.push(`Run ${opts.started.toISOString().slice(0, 16).replace("T", " ")} UTC · **${opts.postgres ? `PostgreSQL (${opts.postgres.origin})` : "SQLite"}** · build \`${opts.buildId}\` · ${cpu.length} cores (${cpu[0]?.model.trim()}) · ${(totalmem() / 2 ** 30).toFixed(1)} GB · Node ${process.version} · load average ${opts.load[0].toFixed(1)} at the start, ${opts.load[1].toFixed(1)} at the end`);
  lines.push("");
  lines.push(`${CONNECTIONS} connections, ${SECONDS} s per measurement after ${WARMUP_SECONDS} s of warm-up, autocannon on the same machine. Data set: ${data.description}.`);
  lines.push("");
  lines.push("| Page | req/s | p50 | p99 | vs framework floor | vs node:http | JS (gzip) | own JS over bare page | total sent (gzip) | responses |");
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  const refRow = (label: string, r: LoadResult | undefined, w?: PageWeight) =>
    r && lines.push(`| ${label} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} ms | ${fmt(r.p99, 1)} ms | | | ${kb(w?.js)} | | ${kb(w?.total)} | ${Object.entries(r.statuses).map(([k, v]) => `${k}×${v}`).join(" ")} |`);
  refRow("**Reference:** plain `node:http`, lesson page bytes (the machine's ceiling)", refs.ceiling);
  refRow("**Reference:** bare static Next.js page, `/bench-floor-static` (static floor)", refs["floor-static"], opts.bare.static);
  refRow("**Reference:** bare dynamic Next.js page, `/bench-floor` (dynamic floor)", refs["floor-dynamic"], opts.bare.dynamic);
  for (const row of rows.filter((x) => !x.target.diagnostic)) {
    const r = row.result;
    const unexpected = Object.keys(r.statuses).some((s) => !row.target.expect.includes(Number(s))) || r.errors > 0;
    lines.push(
      `| ${row.target.label} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} ms | ${fmt(r.p99, 1)} ms | ${pct(row.floorRps ? r.rps / row.floorRps : null)} | ${pct(r.rps / row.ceilingRps)} | ${kb(row.weight?.js)} | ${row.extra ? kb(row.extra.bytes) : "–"} | ${kb(row.weight?.total)} | ${Object.entries(r.statuses).map(([k, v]) => `${k}×${v}`).join(" ")}${r.errors ? ` errors×${r.errors}` : ""}${unexpected ? " ⚠" : ""} |`,
    );
  }
  lines.push("");
  const floors = Object.entries(opts.floorRuns).map(([k, runs]) => `${k}: ${runs.map((r) => fmt(r.rps)).join(", ")} req/s`);
  lines.push(
    `Each page was measured in ${SLICES} turns with its floor (floor, page, floor, page…), and "vs framework floor" compares it with the floor measured alongside it, so that other work on the machine slows both alike. The floor rows above pool every floor turn; the floor alongside each page in turn: ${floors.join("; ")}. "vs node:http" is throughput as a share of the plain server's. JS excludes the ${kb(opts.bare.static.noModule)} \`noModule\` polyfill that only browsers without ES modules download.`,
  );
  lines.push("");
  const diagnostics = rows.filter((x) => x.target.diagnostic);
  if (diagnostics.length) {
    lines.push("Where the time goes (diagnostic rows, same run):");
    lines.push("");
    lines.push("| Request | req/s | p50 | p99 | vs its floor | responses |");
    lines.push("| --- | ---: | ---: | ---: | ---: | --- |");
    for (const row of diagnostics) {
      const r = row.result;
      lines.push(`| ${row.target.label.replace(/^Diagnostic: /, "")} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} ms | ${fmt(r.p99, 1)} ms | ${pct(row.floorRps ? r.rps / row.floorRps : null)} (${row.target.floor === "floor-static" ? "static" : "dynamic"}) | ${Object.entries(r.statuses).map(([k, v]) => `${k}×${v}`).join(" ")} |`);
    }
    lines.push("");
  }

  // Targets.
  const byKey = Object.fromEntries(rows.map((r) => [r.target.key, r]));
  const status = (ok: boolean | null) => (ok === null ? "not measured" : ok ? "**met**" : "**not met**");
  lines.push("| Target | Measured | Status |");
  lines.push("| --- | --- | --- |");
  const share = (n: number) => `${Math.round(n * 100)} %`;
  // The matrix and its export are held to latency targets (below), not to the floor's throughput.
  for (const row of rows.filter((r) => !r.target.diagnostic && r.target.signedIn && r.target.floor === "floor-dynamic" && !["matrix", "export"].includes(r.target.key))) {
    const ratio = row.floorRps ? row.result.rps / row.floorRps : null;
    lines.push(`| ${row.target.label}: ≥ ${share(TARGETS.signedInShare)} of the dynamic floor's throughput | ${pct(ratio)} | ${status(ratio === null ? null : ratio >= TARGETS.signedInShare)} |`);
  }
  for (const [key, what] of [
    ["lesson", "Lesson page (static)"],
    ["lesson-scheme", "Lesson page, a scheme's copy (static, cached per scheme)"],
  ] as const) {
    const lesson = byKey[key];
    if (!lesson) continue;
    const ratio = lesson.floorRps ? lesson.result.rps / lesson.floorRps : null;
    lines.push(`| ${what}: ≥ ${share(TARGETS.lessonShare)} of the static floor's throughput | ${pct(ratio)} | ${status(ratio === null ? null : ratio >= TARGETS.lessonShare)} |`);
  }
  for (const [key, label, limit] of [
    ["matrix", "Training matrix page", TARGETS.matrixP95],
    ["export", "Matrix CSV export", TARGETS.exportP95],
  ] as const) {
    const s = seq[key];
    lines.push(
      `| ${label}, ${data.people.toLocaleString("en-GB")} people: p95 < ${limit} ms (one trainer at a time) | ${s ? `p95 ${fmt(s.p95, 0)} ms (p50 ${fmt(s.p50, 0)} ms; a bare dynamic page meanwhile: p95 ${fmt(s.floor.p95, 1)} ms)` : byKey[key] ? "–" : "no such page in this build yet"} | ${status(s ? s.p95 < limit : null)} |`,
    );
  }
  const heaviest = rows.filter((r) => r.extra).sort((a, b) => b.extra!.bytes - a.extra!.bytes)[0];
  if (heaviest) {
    const worst = rows.filter((r) => r.extra && r.extra.bytes > 20 * 1024).map((r) => r.target.label);
    lines.push(
      `| No page ships more than 20 KB (gzip) of the project's own client JS over the bare page | largest: ${heaviest.target.label}, ${kb(heaviest.extra!.bytes)} | ${status(worst.length === 0)}${worst.length ? ` (${worst.join(", ")})` : ""} |`,
    );
  }
  lines.push("");
  if (rows.some((r) => r.extra?.scripts.length)) {
    lines.push("Scripts each page loads beyond its bare page:");
    lines.push("");
    for (const r of rows.filter((x) => x.extra && !x.target.diagnostic)) lines.push(`- ${r.target.label}: ${r.extra!.scripts.length ? r.extra!.scripts.map((s) => `\`${s.split("/").pop()}\``).join(", ") : "none"}`);
    lines.push("");
  }
  if (!opts.matrix.page || !opts.matrix.exportPath) {
    lines.push(`The trainer workspace's ${!opts.matrix.page ? "matrix page" : ""}${!opts.matrix.page && !opts.matrix.exportPath ? " and " : ""}${!opts.matrix.exportPath ? "CSV export" : ""} was not in this build; rerun when it is (or set BENCH_MATRIX_PATH / BENCH_EXPORT_PATH).`);
    lines.push("");
  }
  if (opts.kill) {
    const k = opts.kill;
    lines.push(
      `**SIGKILL under load** (bench/kill-restart.ts): ${k.learners} learners over HTTP; the server was killed after ${fmt(k.acknowledgedBeforeKill)} acknowledged writes (${fmt(k.inFlightAtKill)} requests in flight), restarted in ${fmt(k.restartMs)} ms; acknowledged writes missing after restart: **${k.missing.length}**; \`PRAGMA integrity_check\`: **${k.integrity}**; SQLITE_BUSY in the server log: **${k.busy}**; after the learners finished: ${fmt(k.final.certificates)} certificates, ${fmt(k.final.completions)} completions, ${fmt(k.final.attempts)} attempts, ${fmt(k.final.answers)} answers (expected ${fmt(k.expected.certificates)}, ${fmt(k.expected.completions)}, ${fmt(k.expected.attempts)}, ${fmt(k.expected.answers)}): **${k.ok ? "pass" : "FAIL"}**.`,
    );
    lines.push("");
  }
  return lines.join("\n");
}

function writeDocs(table: string): void {
  const file = join(ROOT, "docs", "benchmarks.md");
  const marker = ENGINE === "sqlite" ? "bench:results" : "bench:results:postgres";
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const block = `${start}\n${table}\n${end}`;
  if (!existsSync(file)) {
    mkdirSync(join(ROOT, "docs"), { recursive: true });
    writeFileSync(file, `# Benchmarks\n\nWritten by \`npm run bench\`.\n\n${block}\n`);
    return;
  }
  const text = readFileSync(file, "utf8");
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  writeFileSync(file, i >= 0 && j > i ? `${text.slice(0, i)}${block}${text.slice(j + end.length)}` : `${text.trimEnd()}\n\n## Latest ${ENGINE === "sqlite" ? "" : "PostgreSQL "}run\n\n${block}\n`);
}

async function main() {
  const started = new Date();
  const loadStart = loadavg()[0]!;
  log(`${cpus().length} cores, Node ${process.version}, load average ${loadStart.toFixed(1)}`);
  if (loadStart > cpus().length) log("the machine is busy with other work: the figures will be lower and noisier than on a quiet machine");
  ensureBuild(args.build);
  const buildId = snapshotBuild();
  const postgres = ENGINE === "postgres" ? benchPostgres() : null;
  try {
    await measure({ started, loadStart, buildId, postgres });
  } finally {
    postgres?.stop();
  }
}

async function measure({ started, loadStart, buildId, postgres }: { started: Date; loadStart: number; buildId: string; postgres: PgServer | null }) {
  const data = await prepareData({ people: Number(args.people), reuse: args["reuse-data"], postgres: postgres ?? undefined });
  log(`data set ready (${ENGINE}): ${data.description}`);

  const site = await startSite({ database: data.database });
  const stops: (() => unknown)[] = [site.stop];
  try {
    const base = site.base;
    log(`site on ${base}; signing in`);
    const trainerCookie = await signIn(base, data.trainer.email, data.trainer.password);
    const learnerCookies: string[] = [];
    for (const l of data.learners.slice(0, 10)) learnerCookies.push(await signIn(base, l.email, BENCH_PASSWORD));
    const lessonPath = "/modules/golden-rules/consent";
    const lessonRes = await fetch(`${base}${lessonPath}`, { headers: { cookie: learnerCookies[0]! } });
    const lessonBytes = Buffer.from(await lessonRes.arrayBuffer());
    if (lessonRes.status !== 200) throw new Error(`lesson page: HTTP ${lessonRes.status}`);
    const ceiling = await ceilingServer(lessonBytes, lessonRes.headers.get("content-type") ?? "text/html; charset=utf-8");
    stops.push(ceiling.close);
    const matrix = findMatrix();
    const answer = await answerSetup(base, data);

    // The same page as the scheme's copy (issue 15): its address from the module overview, as a learner gets it.
    const overview = await getHtml(`${base}/modules/golden-rules`, learnerCookies[0]!);
    const schemeCopyOf = (slug: string) => new RegExp(`href="(/modules/golden-rules/${slug}/scheme/[^"#]+)"`).exec(overview)?.[1] ?? null;
    const schemeLessonPath = schemeCopyOf("consent");
    const schemePanelPath = schemeCopyOf("seek-advice");
    const cookieOf = (n: number) => learnerCookies[n % learnerCookies.length]!;
    const people = data.people.toLocaleString("en-GB");
    const targets: Target[] = [
      { key: "lesson", label: `Lesson page (static), \`${lessonPath}\``, floor: "floor-static", signedIn: false, expect: [200], request: (n) => ({ path: lessonPath, headers: { cookie: cookieOf(n) } }), weigh: { path: lessonPath, cookie: learnerCookies[0] } },
      ...(schemeLessonPath
        ? [
            {
              key: "lesson-scheme",
              label: "Lesson page, the scheme's copy (static, cached per scheme), `/modules/golden-rules/consent/scheme/…`",
              floor: "floor-static",
              signedIn: false,
              expect: [200],
              request: (n: number) => ({ path: schemeLessonPath, headers: { cookie: cookieOf(n) } }),
              weigh: { path: schemeLessonPath, cookie: learnerCookies[0] },
            } satisfies Target,
          ]
        : []),
      { key: "my", label: "My training, `/my` (5 cycles of history)", floor: "floor-dynamic", signedIn: true, expect: [200], request: (n) => ({ path: "/my", headers: { cookie: cookieOf(n) } }), weigh: { path: "/my", cookie: learnerCookies[0] } },
      { key: "answer", label: "Quiz answer (server action POST, a new row each; weight: the question page)", floor: "floor-dynamic", signedIn: true, expect: [303], request: answer.request, weigh: answer.weigh },
      {
        key: "verify",
        label: "Verification page, `/verify/[code]` (public)",
        floor: "floor-dynamic",
        signedIn: false,
        expect: [200],
        // Many inspectors: each request from its own address, so the per-address limit does not apply.
        request: (n) => ({ path: `/verify/${data.codes[n % data.codes.length]}`, headers: { "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } }),
        weigh: { path: `/verify/${data.codes[0]}` },
      },
    ];
    if (matrix.page) targets.push({ key: "matrix", label: `Training matrix, \`${matrix.page}\` (${people} people)`, floor: "floor-dynamic", signedIn: true, expect: [200], connections: 4, request: () => ({ path: matrix.page!, headers: { cookie: trainerCookie } }), weigh: { path: matrix.page, cookie: trainerCookie } });
    else targets.push({ key: "trainer", label: `Trainer's scheme page, \`/trainer\` (${people} people; no matrix page yet)`, floor: "floor-dynamic", signedIn: true, expect: [200], connections: 2, request: () => ({ path: "/trainer", headers: { cookie: trainerCookie } }), weigh: { path: "/trainer", cookie: trainerCookie } });
    if (matrix.exportPath) targets.push({ key: "export", label: `Matrix CSV export, \`${matrix.exportPath}\` (${people} people)`, floor: "floor-dynamic", signedIn: true, expect: [200], connections: 2, request: () => ({ path: matrix.exportPath!, headers: { cookie: trainerCookie } }) });
    // Where the time goes: the site layout alone, then with a session check, then a static course
    // page that the proxy does not see (the lesson page above goes through it).
    targets.push(
      { key: "layout", label: "Diagnostic: `/signed-out`, site layout, no session cookie", floor: "floor-dynamic", signedIn: false, diagnostic: true, expect: [200], request: () => ({ path: "/signed-out" }) },
      { key: "session", label: "Diagnostic: `/signed-out` with a session cookie (+ session check)", floor: "floor-dynamic", signedIn: false, diagnostic: true, expect: [200], request: (n) => ({ path: "/signed-out", headers: { cookie: cookieOf(n) } }) },
      { key: "static-course", label: "Diagnostic: `/should-i-share/q1`, static course page the proxy does not see", floor: "floor-static", signedIn: false, diagnostic: true, expect: [200], request: () => ({ path: "/should-i-share/q1" }) },
      ...(schemePanelPath
        ? [
            {
              key: "lesson-scheme-panel",
              label: "Diagnostic: the scheme's copy of a page with a \"Your scheme\" box, `/modules/golden-rules/seek-advice/scheme/…`",
              floor: "floor-static",
              signedIn: false,
              diagnostic: true,
              expect: [200],
              request: (n: number) => ({ path: schemePanelPath, headers: { cookie: cookieOf(n) } }),
            } satisfies Target,
          ]
        : []),
      { key: "lesson-no-cookie", label: "Diagnostic: lesson page without a cookie (the proxy's redirect alone)", floor: "floor-static", signedIn: false, diagnostic: true, expect: [303, 307], request: () => ({ path: lessonPath }) },
    );
    const only = args.only ? new Set(args.only.split(",")) : null;
    const chosen = targets.filter((t) => !only || only.has(t.key));

    // After a slow page the server may still be working through requests autocannon gave up on:
    // wait (up to 15 s) until a bare page answers about as fast as it did at the start.
    const probe = async () => {
      const t = Date.now();
      await fetch(`${base}/bench-floor-static`).then((r) => r.arrayBuffer());
      return Date.now() - t;
    };
    const baseline: number[] = [];
    for (let i = 0; i < 20; i++) baseline.push(await probe());
    baseline.sort((a, b) => a - b);
    const quick = Math.max(25, 3 * baseline[10]!);
    const settle = async () => {
      const until = Date.now() + 15_000;
      for (let fast = 0; fast < 3 && Date.now() < until; ) {
        fast = (await probe()) <= quick ? fast + 1 : 0;
        if (fast < 3) await new Promise((r) => setTimeout(r, 100));
      }
    };

    const floorPath = (key: FloorKey) => (key === "floor-static" ? "/bench-floor-static" : "/bench-floor");
    const floorRequest = (key: FloorKey) => () => ({ path: floorPath(key) });
    const slice = SECONDS / SLICES;
    /**
     * A page and its floor, measured in turns (floor, page, floor, page…), so that other work on the
     * machine slows both alike and their ratio holds even when the absolute figures wander.
     */
    const measurePair = async (label: string, request: (n: number) => LoadRequest, floor: FloorKey, connections = CONNECTIONS) => {
      log(`${label}: warming up`);
      await load({ url: base, request, connections, seconds: WARMUP_SECONDS });
      await settle();
      await load({ url: base, request: floorRequest(floor), connections: CONNECTIONS, seconds: 1 });
      const pageRuns: LoadResult[] = [];
      const floorRuns: LoadResult[] = [];
      for (let i = 0; i < SLICES; i++) {
        await settle();
        floorRuns.push(await load({ url: base, request: floorRequest(floor), connections, seconds: slice }));
        await settle();
        pageRuns.push(await load({ url: base, request, connections, seconds: slice }));
      }
      await settle();
      const page = merge(pageRuns);
      const paired = merge(floorRuns);
      log(`${label}: ${fmt(page.rps)} req/s (its floor alongside: ${fmt(paired.rps)}), p50 ${fmt(page.p50, 1)} ms, p99 ${fmt(page.p99, 1)} ms, ${JSON.stringify(page.statuses)}`);
      return { page, floor: paired };
    };

    log("node:http ceiling: measuring");
    await load({ url: ceiling.base, request: () => ({ path: "/" }), connections: CONNECTIONS, seconds: WARMUP_SECONDS });
    const ceilingResult = await load({ url: ceiling.base, request: () => ({ path: "/" }), connections: CONNECTIONS, seconds: SECONDS });
    log(`node:http ceiling: ${fmt(ceilingResult.rps)} req/s`);
    const floorRuns: Record<FloorKey, LoadResult[]> = { "floor-static": [], "floor-dynamic": [] };
    const rowsRaw: { target: Target; result: LoadResult; floor: LoadResult | null }[] = [];
    for (const t of chosen) {
      const floor = t.floor ?? "floor-dynamic";
      const { page, floor: paired } = await measurePair(t.key, t.request, floor, t.connections);
      floorRuns[floor].push(paired);
      rowsRaw.push({ target: t, result: page, floor: t.floor ? paired : null });
    }
    // The floors' own rows: every slice measured alongside the pages, taken together.
    for (const key of ["floor-static", "floor-dynamic"] as const) if (floorRuns[key].length === 0) floorRuns[key].push((await measurePair(key, floorRequest(key), key)).page);
    const refs: Refs = { ceiling: ceilingResult, "floor-static": merge(floorRuns["floor-static"]), "floor-dynamic": merge(floorRuns["floor-dynamic"]) };

    // One trainer at a time: the latency a person sees for the big pages.
    const seq: Record<string, Awaited<ReturnType<typeof sequential>> | undefined> = {};
    for (const key of ["matrix", "export"]) {
      const t = chosen.find((x) => x.key === key);
      if (!t) continue;
      log(`${key}: 40 requests one after another`);
      seq[key] = await sequential(base, t.request, 40, "/bench-floor");
      log(`${key}: p50 ${fmt(seq[key]!.p50)} ms, p95 ${fmt(seq[key]!.p95)} ms (a bare dynamic page meanwhile: p95 ${fmt(seq[key]!.floor.p95, 1)} ms)`);
    }

    log("weighing pages");
    const bareStatic = await pageWeight(`${base}/bench-floor-static`);
    const bareDynamic = await pageWeight(`${base}/bench-floor`);
    const rows: Row[] = [];
    for (const { target, result, floor } of rowsRaw) {
      const weight = target.weigh ? await pageWeight(`${base}${target.weigh.path}`, target.weigh.cookie) : undefined;
      const bare = target.floor === "floor-static" ? bareStatic : bareDynamic;
      rows.push({
        target,
        result,
        floorRps: floor ? floor.rps : null,
        ceilingRps: refs.ceiling.rps,
        weight,
        extra: weight ? await extraJs(base, weight, bare) : undefined,
      });
    }
    await site.stop();

    let kill: KillRestartResult | null = null;
    // SQLite's own durability test (the file, WAL, integrity_check): not a PostgreSQL one.
    if (!args["skip-kill"] && ENGINE === "sqlite") kill = await killRestart({ learners: 200 });

    const loadEnd = loadavg()[0]!;
    const table = markdown({ rows, refs, bare: { static: bareStatic, dynamic: bareDynamic }, floorRuns, seq, data, matrix, buildId, started, load: [loadStart, loadEnd], kill, postgres });
    mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
    const stamp = `${started.toISOString().slice(0, 16).replace(/[:T]/g, "-")}-${ENGINE}`;
    const noTimes = (_key: string, value: unknown) => (_key === "times" ? undefined : value);
    writeFileSync(
      join(ROOT, "bench", "results", `${stamp}.json`),
      JSON.stringify({ started, engine: ENGINE, buildId, cores: cpus().length, node: process.version, data: { ...data, codes: undefined }, refs, floorRuns, rows: rows.map((r) => ({ ...r, target: { key: r.target.key, label: r.target.label } })), seq, kill }, noTimes, 2),
    );
    writeFileSync(join(ROOT, "bench", "results", ENGINE === "sqlite" ? "latest.md" : "latest-postgres.md"), `${table}\n`);
    if (!args["no-docs"]) writeDocs(table);
    process.stdout.write(`\n${table}\n`);
    log(`written to ${args["no-docs"] ? "" : "docs/benchmarks.md and "}bench/results/`);
    if (kill && !kill.ok) process.exitCode = 1;
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
