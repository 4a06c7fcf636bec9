// Several app instances on one PostgreSQL, proven (issue 14, item 8): two `next start` instances of
// the production build on one fresh database, behind a load balancer played by this script.
//
//  1. Both start at once and apply the migrations at start (under the advisory lock): each
//     migration must be recorded once.
//  2. A person signs in on A; the cookie works on B (one AUTH_SECRET, one sessions table); signing
//     out on B ends the session on A too.
//  3. 200 learners take all three quizzes over HTTP with the site's own forms (start, answer, submit,
//     as a browser with JavaScript off does), every request sent to A or B in turn; a quarter of
//     them send every write to both at once (a balancer's retry racing the original).
//  4. A is killed with SIGKILL mid-load. Requests to A fail; the balancer retries every request not
//     acknowledged (no 303 to the expected page received) on B, and stops sending to A until its
//     /health answers again. B must keep serving: /health 200 and not one failed request. Later a
//     replacement A starts (as a supervisor would) and rejoins.
//  5. PostgreSQL itself is restarted under load: `pg_ctl stop -m fast`, 5 s down, `pg_ctl start`
//     (what `pg_ctl restart -m fast` does, held down long enough for health checks to see it). Both
//     instances must recover by themselves, not restarted: /health 503 during, 200 after, requests
//     acknowledged again.
//  6. In the database afterwards: every acknowledged write present, exact counts (one attempt per
//     learner and module, five answers each, three completions, one certificate), no duplicates.
//
// Run: npm run bench:instances [-- --learners 200 --ports 3360,3361 --pool-size 10 --pg-down-seconds 5]
// PostgreSQL: the server named by DATABASE_URL or TEST_DATABASE_URL (a fresh database is made on it
// and dropped after; it is not restarted, so step 5 does not run), else a throwaway server started
// with scripts/lib/postgres.sh. Exits 1 when any check fails. Results: data/bench/instances/result.json.
import { encode } from "next-auth/jwt";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Db, openPostgres, useDatabase, writeTransaction } from "@/db/client";
import { insertSession } from "@/db/queries/auth";
import { insertPerson, insertScheme } from "@/db/queries/people";
import { PG_MIGRATIONS_FOLDER } from "@/db/pg-migrate";
import { sqlRows } from "@/db/raw-sql";
import { hashPassword } from "@/lib/auth/hashing";
import { type HtmlForm, findForm } from "../test/support/html-forms";
import { SESSION_COOKIE, postForm, signIn } from "./lib/http";
import { type PgServer, benchPostgres, recreateDatabase } from "./lib/postgres";
import { MODULE_SLUGS } from "@/lib/content/schemas";
import { bestOptions } from "./lib/best-answers";
import { BENCH_DATA, BENCH_SECRET, type SiteServer, ensureBuild, freePort, log, snapshotBuild, startSite, waitForHttp } from "./lib/server";

const PER_ATTEMPT = 5;
const WRITES_PER_LEARNER = MODULE_SLUGS.length * (PER_ATTEMPT + 2);
/** A request still failing after this long is given up, and the run fails. */
const GIVE_UP_MS = 120_000;
const REQUEST_TIMEOUT_MS = 30_000;
const HEALTH_EVERY_MS = 100;
/** When the events happen, as shares of all the writes the learners will make. */
const KILL_AT = 0.25;
const REPLACE_AT = 0.4;
const PG_RESTART_AT = 0.6;
const PASSWORD = "instances bench password";
/**
 * How long PostgreSQL stays down in its restart. `pg_ctl restart -m fast` alone takes a third of
 * a second here, less than one health check of an instance under this load takes to answer, so
 * no check could see it; a failover of a managed service takes seconds to a minute.
 */
const PG_DOWN_SECONDS = 5;
/** The balancer takes an instance out after this many failed health checks in a row (as ALB, HAProxy and nginx do; 2 or 3 is usual). */
const UNHEALTHY_AFTER = 2;

type Name = "A" | "B";
type HealthSample = { at: number; status: number | "no answer"; ms: number };
type Failure = { instance: Name; sentAt: number; at: number; kind: "no connection" | "HTTP"; what: string };
type Ack = { kind: "start"; attemptId: number } | { kind: "answer"; attemptId: number; scenarioId: string; optionId: string } | { kind: "submit"; attemptId: number };
type Check = { name: string; ok: boolean | null; detail: string };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The work, or a rejection after `ms`: a request the fetch's own abort signal did not end (a run
 * here stalled with every learner waiting on a fetch that had no socket left) counts as unanswered.
 */
async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** One app instance as the balancer sees it. */
class Instance {
  site: SiteServer | null = null;
  /** The balancer sends it requests: its last /health said 200 and no request has failed to connect since. */
  up = false;
  requests = 0;
  inFlight = 0;
  health: HealthSample[] = [];
  /** When it answered a request (any 2xx/3xx), for "it answered throughout". */
  answers: number[] = [];
  pids: number[] = [];
  output = "";
  /** Counted as the log streams (the kept log is only its tail). */
  uncaught = 0;
  replacedConnections = 0;
  private partial = "";
  constructor(
    readonly name: Name,
    readonly port: number,
  ) {}
  get base() {
    return `http://127.0.0.1:${this.port}`;
  }
  get running() {
    const c = this.site?.child;
    return Boolean(c && c.exitCode === null && c.signalCode === null);
  }
  logs() {
    return this.output + (this.site?.output() ?? "");
  }
  /**
   * Next.js logs an uncaught exception (console.error of the error itself) instead of exiting, so a
   * connection error that no listener took shows as the bare error at the start of a line; one that
   * db/postgres-db.ts's listener took is logged behind its own words.
   */
  scan(chunk: Buffer) {
    const lines = (this.partial + chunk.toString()).split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) {
      if (/^(error: terminating connection|Error: Connection terminated unexpectedly|Error: read ECONNRESET|Error \[ERR_UNHANDLED_ERROR\])/.test(line)) this.uncaught++;
      if (line.includes("PostgreSQL: a connection failed and will be replaced")) this.replacedConnections++;
    }
  }
}

/** An instance answered, but not with success (a 500 while the database is down, say). */
class HttpProblem extends Error {
  constructor(
    readonly status: number,
    location?: string,
  ) {
    super(`HTTP ${status}${location ? ` to ${location}` : ""}`);
  }
}


function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
}

function longestGap(times: number[], from: number, to: number): number {
  const inside = times.filter((t) => t >= from && t <= to).sort((a, b) => a - b);
  let gap = 0;
  let last = from;
  for (const t of [...inside, to]) {
    gap = Math.max(gap, t - last);
    last = t;
  }
  return gap;
}

export type InstancesResult = {
  ok: boolean;
  checks: Check[];
  figures: Record<string, unknown>;
  /** The first failed requests, for looking into a run. */
  failures?: { instance: Name; kind: Failure["kind"]; what: string; secondsIntoLoad: number }[];
};

export async function instancesBench(opts: { learners?: number; ports?: [number, number]; poolSize?: number; pgDownSeconds?: number } = {}): Promise<InstancesResult> {
  const learners = opts.learners ?? 200;
  const poolSize = opts.poolSize ?? 10;
  const pgDownSeconds = opts.pgDownSeconds ?? PG_DOWN_SECONDS;
  const began = Date.now();
  const checks: Check[] = [];
  const check = (name: string, ok: boolean | null, detail: string) => {
    checks.push({ name, ok, detail });
    log(`${ok === null ? "NOT RUN" : ok ? "pass" : "FAIL"}: ${name} — ${detail}`);
  };
  const figures: Record<string, unknown> = { learners, poolSizePerInstance: poolSize, pgDownSeconds };
  let failureSamples: InstancesResult["failures"] = [];

  ensureBuild();
  snapshotBuild();
  const server: PgServer = benchPostgres();
  const database = `slt_instances_${process.pid}_${Date.now().toString(36)}`;
  await recreateDatabase(server, database);
  const url = server.database(database);
  // The bench's own port range (3200–3299) unless told.
  const [portA, portB] = opts.ports ?? [await freePort(), await freePort()];
  const A = new Instance("A", portA);
  const B = new Instance("B", portB);
  const instances = [A, B];
  let checkDb: Db | null = null;
  const siteEnv = {
    DATABASE_URL: url,
    ...(server.caFile ? { DATABASE_CA_FILE: server.caFile } : {}),
    DATABASE_POOL_SIZE: String(poolSize),
    AUTH_SECRET: BENCH_SECRET,
    REQUIRE_AUTH_SECRET: "true",
  };
  const dataDir = join(BENCH_DATA, "instances");
  mkdirSync(dataDir, { recursive: true });
  const start = async (instance: Instance) => {
    instance.site = await startSite({ database: { engine: "postgres", url, caFile: server.caFile }, port: instance.port, env: siteEnv });
    instance.pids.push(instance.site.child.pid!);
    for (const stream of [instance.site.child.stdout!, instance.site.child.stderr!]) stream.on("data", (chunk: Buffer) => instance.scan(chunk));
    await waitForHttp(`${instance.base}/health`, instance.site.child);
  };

  try {
    // 1. Two instances starting at once on one empty database: each applies the migrations at
    //    start, under the advisory lock, so each migration is applied once.
    const t = performance.now();
    await Promise.all(instances.map(start));
    figures.startBothMs = Math.round(performance.now() - t);
    // One connection: the bench's own, left out of the instances' connection count below.
    checkDb = openPostgres({ url, caFile: server.caFile, poolSize: 1 });
    const journal = JSON.parse(readFileSync(join(PG_MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    const applied = await sqlRows<{ n: number; hashes: number }>(checkDb, "select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations");
    const bothMigrated = instances.every((i) => /Database: PostgreSQL/.test(i.site!.output()));
    check(
      "both instances started together, each applying the migrations at start; each migration applied once",
      bothMigrated && applied[0]!.n === journal.entries.length && applied[0]!.hashes === journal.entries.length,
      `${journal.entries.length} migrations in db/migrations-pg, ${applied[0]!.n} recorded (${applied[0]!.hashes} distinct); both up in ${figures.startBothMs} ms`,
    );

    // The people: learners with live sessions (cookies minted as Auth.js does, as bench:kill does),
    // and one person with a password who signs in through the form.
    useDatabase(checkDb);
    const cookies: string[] = [];
    const email = "signs-in@instances.example";
    const passwordHash = await hashPassword(PASSWORD);
    const people = await writeTransaction(async (tx) => {
      const scheme = await insertScheme("Instances test scheme", tx);
      const made: { id: number; name: string; email: string; sid: string }[] = [];
      await insertPerson({ name: "Sam Signs-In", email, role: "carer", schemeId: scheme.id, passwordHash }, tx);
      for (let i = 1; i <= learners; i++) {
        const p = await insertPerson({ name: `Learner ${i}`, email: `learner${i}@instances.example`, role: "carer", schemeId: scheme.id }, tx);
        const sid = randomBytes(24).toString("base64url");
        await insertSession({ id: sid, personId: p.id, createdAt: new Date(), expiresAt: new Date(Date.now() + 12 * 3600_000) }, tx);
        made.push({ id: p.id, name: p.name, email: p.email, sid });
      }
      return made;
    });
    for (const p of people) {
      const token = await encode({ token: { sub: String(p.id), name: p.name, email: p.email, sid: p.sid }, secret: BENCH_SECRET, salt: SESSION_COOKIE, maxAge: 12 * 3600 });
      cookies.push(`${SESSION_COOKIE}=${token}`);
    }

    // 2. Signed in on A, the same cookie on B; signed out on B, the cookie no longer works on A.
    const cookie = await signIn(A.base, email, PASSWORD);
    const onB = await fetch(`${B.base}/my`, { headers: { cookie }, redirect: "manual" });
    const onBText = await onB.text();
    const myOnA = await fetch(`${A.base}/my`, { headers: { cookie }, redirect: "manual" });
    await myOnA.arrayBuffer();
    check(
      "a session started on A works on B",
      onB.status === 200 && onBText.includes("Sam Signs-In") && myOnA.status === 200,
      `signed in on A; GET /my with that cookie: B ${onB.status}${onBText.includes("Sam Signs-In") ? " (their name shown)" : ""}, A ${myOnA.status}`,
    );
    const signOut = await postForm(B.base, "/my", findForm(onBText, "Sign out"), {}, cookie);
    await signOut.arrayBuffer();
    const afterOnA = await fetch(`${A.base}/my`, { headers: { cookie }, redirect: "manual" });
    await afterOnA.arrayBuffer();
    const sentToSignIn = afterOnA.status >= 300 && afterOnA.status < 400 && (afterOnA.headers.get("location") ?? "").includes("/sign-in");
    check(
      "signing out on B ends the session on A (one sessions table)",
      signOut.status === 303 && sentToSignIn,
      `sign out on B: ${signOut.status}; then GET /my on A with the old cookie: ${afterOnA.status} to ${afterOnA.headers.get("location")}`,
    );

    // --- The balancer -----------------------------------------------------------------------
    let turn = 0;
    const pick = (): Instance => {
      const healthy = instances.filter((i) => i.up && i.running);
      const candidates = healthy.length ? healthy : instances.filter((i) => i.running);
      if (!candidates.length) throw new Error("no instance is running");
      return candidates[turn++ % candidates.length]!;
    };
    let polling = true;
    const pollHealth = async (instance: Instance) => {
      while (polling) {
        if (instance.site) {
          const t0 = performance.now();
          let status: HealthSample["status"];
          try {
            status = await withDeadline(
              fetch(`${instance.base}/health`, { signal: AbortSignal.timeout(3_000) }).then(async (res) => {
                await res.arrayBuffer();
                return res.status;
              }),
              4_000,
              "GET /health",
            );
          } catch {
            status = "no answer";
          }
          instance.health.push({ at: Date.now(), status, ms: Math.round(performance.now() - t0) });
          instance.up = status === 200 && instance.running;
        }
        await sleep(HEALTH_EVERY_MS);
      }
    };
    for (const i of instances) i.up = true;
    // How many connections the instances hold on the server (both pools), for the sizing in docs/scaling.md.
    const connections = { most: 0, mostActive: 0 };
    // And how much memory each instance's process holds (resident), for sizing.
    let mostMemoryMb = 0;
    const sampleMemory = () => {
      for (const i of instances) {
        const pid = i.running ? i.site!.child.pid : undefined;
        if (!pid) continue;
        try {
          const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
          mostMemoryMb = Math.max(mostMemoryMb, Math.round(kb / 1024));
        } catch {
          // not Linux, or the process just ended
        }
      }
    };
    const countConnections = async () => {
      while (polling) {
        try {
          const [row] = await sqlRows<{ n: number; active: number }>(
            checkDb!,
            "select count(*)::int as n, (count(*) filter (where state = 'active'))::int as active from pg_stat_activity where datname = current_database() and application_name = 'shared-lives' and pid <> pg_backend_pid()",
          );
          connections.most = Math.max(connections.most, row!.n);
          connections.mostActive = Math.max(connections.mostActive, row!.active);
        } catch {
          // PostgreSQL is restarting.
        }
        sampleMemory();
        await sleep(250);
      }
    };
    const pollers = [...instances.map(pollHealth), countConnections()];

    const failures: Failure[] = [];
    const latencies: number[] = [];
    let requests = 0;
    /**
     * Sends one request as a balancer would: to the next healthy instance; when it cannot connect,
     * marks that instance down and sends it to another at once; when it answers with anything but
     * what a success looks like (a 500 while the database is down), tries again shortly.
     */
    async function send<T>(what: string, attempt: (instance: Instance) => Promise<T>, prefer?: Instance): Promise<T> {
      const first = Date.now();
      let instance = prefer && prefer.up && prefer.running ? prefer : pick();
      for (let tries = 1; ; tries++) {
        const target = instance;
        const sentAt = Date.now();
        requests++;
        target.requests++;
        target.inFlight++;
        const t0 = performance.now();
        try {
          const value = await withDeadline(attempt(target), REQUEST_TIMEOUT_MS + 5_000, what);
          target.answers.push(Date.now());
          latencies.push(performance.now() - t0);
          return value;
        } catch (error) {
          const noConnection = !(error instanceof HttpProblem);
          failures.push({ instance: target.name, sentAt, at: Date.now(), kind: noConnection ? "no connection" : "HTTP", what: `${what}: ${String((error as Error).message)}` });
          if (noConnection) target.up = false;
          else {
            // As a person (or a client) would: try again after a moment, waiting longer each time.
            target.answers.push(Date.now());
            await sleep(Math.min(2_000, 250 * 2 ** Math.min(tries - 1, 3)));
          }
          if (Date.now() - first > GIVE_UP_MS) throw new Error(`${what}: gave up after ${tries} tries (${String((error as Error).message)})`);
          instance = pick();
        } finally {
          target.inFlight--;
        }
      }
    }

    const page = (path: string, cookie: string) =>
      send(`GET ${path}`, async (i) => {
        const res = await fetch(`${i.base}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        const text = await res.text();
        if (res.status !== 200) throw new HttpProblem(res.status);
        return text;
      });

    /** Posts a form; acknowledged only by a 303 to a page matching `expect`. */
    const post = (path: string, form: HtmlForm, overrides: Record<string, string>, cookie: string, expect: RegExp, prefer?: Instance) =>
      send(
        `POST ${path}`,
        async (i) => {
          const res = await postForm(i.base, path, form, overrides, cookie, AbortSignal.timeout(REQUEST_TIMEOUT_MS));
          await res.arrayBuffer();
          const location = new URL(res.headers.get("location") ?? "/", i.base).pathname;
          if (res.status !== 303 || !expect.test(location)) throw new HttpProblem(res.status, location);
          return location;
        },
        prefer,
      );

    /** A write, sent once, or to both instances at once (both must be acknowledged; they must agree). */
    const write = async (path: string, form: HtmlForm, overrides: Record<string, string>, cookie: string, expect: RegExp, both: boolean) => {
      if (!both) return await post(path, form, overrides, cookie, expect);
      const [a, b] = await Promise.all([post(path, form, overrides, cookie, expect, A), post(path, form, overrides, cookie, expect, B)]);
      if (a !== b) throw new Error(`the same write sent to A and B went to different places: ${a} and ${b}`);
      return a;
    };

    // --- The load, and what happens to it ------------------------------------------------------
    const best = bestOptions();
    const acks: { ack: Ack; at: number }[] = [];
    const totalWrites = learners * WRITES_PER_LEARNER;
    const ack = (a: Ack) => acks.push({ ack: a, at: Date.now() });

    async function learner(i: number): Promise<void> {
      const cookie = cookies[i]!;
      const both = i % 4 === 0;
      for (const moduleSlug of MODULE_SLUGS) {
        const quizPage = `/modules/${moduleSlug}/quiz`;
        const startHtml = await page(quizPage, cookie);
        const startForm = findForm(startHtml, /Start the quiz|Continue the quiz|Start a new attempt/);
        let at = await write(quizPage, startForm, {}, cookie, new RegExp(`^${quizPage}/\\d+/(\\d+|check)$`), both);
        const attemptId = Number(at.split("/")[4]);
        ack({ kind: "start", attemptId });
        while (!at.endsWith("/check")) {
          const form = findForm(await page(at, cookie), "Save and continue");
          const scenarioId = form.fields.find((f) => f.name === "scenario")!.value;
          const optionId = best.get(scenarioId)!;
          at = await write(at, form, { option: optionId }, cookie, new RegExp(`^${quizPage}/${attemptId}/(\\d+|check)$`), both);
          ack({ kind: "answer", attemptId, scenarioId, optionId });
        }
        const submitForm = findForm(await page(at, cookie), "Submit my answers");
        await write(at, submitForm, {}, cookie, new RegExp(`^${quizPage}/${attemptId}/result$`), both);
        ack({ kind: "submit", attemptId });
      }
    }

    const events: Record<string, number> = {};
    let loadDone = false;
    const untilAcks = async (share: number, also: () => boolean = () => true) => {
      while (!loadDone && !(acks.length >= share * totalWrites && also())) await sleep(20);
      return !loadDone;
    };
    const present = async (upTo: number) => {
      const wanted = acks.slice(0, upTo).map((a) => a.ack);
      const attempts = new Map((await sqlRows<{ id: number; submitted: boolean }>(checkDb!, "select id, submitted_at is not null as submitted from quiz_attempts")).map((r) => [r.id, r.submitted]));
      const answers = new Set((await sqlRows<{ k: string }>(checkDb!, "select attempt_id || ':' || scenario_id || ':' || option_id as k from quiz_answers")).map((r) => r.k));
      return wanted.filter((a) =>
        a.kind === "start" ? !attempts.has(a.attemptId) : a.kind === "answer" ? !answers.has(`${a.attemptId}:${a.scenarioId}:${a.optionId}`) : !attempts.get(a.attemptId),
      );
    };
    let inFlightAtKill = 0;
    let ackedAtKill = 0;
    let missingAfterRestart: Ack[] | null = null;
    let ackedAtRestart = 0;
    let pgRestartError: string | null = null;

    const scenario = async () => {
      // SIGKILL to A mid-load.
      if (!(await untilAcks(KILL_AT))) return;
      inFlightAtKill = A.inFlight;
      ackedAtKill = acks.length;
      events.kill = Date.now();
      log(`SIGKILL to instance A (pid ${A.site!.child.pid}) after ${acks.length} acknowledged writes, ${inFlightAtKill} of its requests in flight`);
      const exited = new Promise((r) => A.site!.child.once("exit", r));
      A.site!.child.kill("SIGKILL");
      await exited;
      A.output += A.site!.output();
      // A replacement A, as a supervisor would start one; it rejoins when its /health says 200.
      if (!(await untilAcks(REPLACE_AT))) return;
      events.replaceStart = Date.now();
      log("starting a replacement instance A");
      A.site = null;
      await start(A);
      events.replaceUp = Date.now();
      log(`replacement A up in ${events.replaceUp - events.replaceStart} ms`);
      // PostgreSQL restarted under load.
      if (!server.throwaway) return;
      if (!(await untilAcks(PG_RESTART_AT, () => A.up))) return;
      ackedAtRestart = acks.length;
      events.pgRestart = Date.now();
      log(`restarting PostgreSQL (pg_ctl stop -m fast, ${pgDownSeconds} s down, pg_ctl start) after ${acks.length} acknowledged writes`);
      try {
        await server.restart(pgDownSeconds);
      } catch (error) {
        pgRestartError = String((error as Error).message);
        return;
      }
      events.pgBack = Date.now();
      log(`PostgreSQL accepting connections again after ${events.pgBack - events.pgRestart} ms`);
      // The bench's own connection may have been one the restart dropped: try again once or twice.
      for (let tries = 1; ; tries++) {
        try {
          missingAfterRestart = await present(ackedAtRestart);
          break;
        } catch (error) {
          if (tries >= 5) throw error;
          await sleep(200);
        }
      }
      // Recovered: both instances' /health answers 200 again.
      while (!instances.every((i) => i.health.some((h) => h.at > events.pgBack! && h.status === 200))) await sleep(20);
      events.recovered = Date.now();
    };

    log(`${learners} learners start (${totalWrites} writes); A is killed after ${Math.round(KILL_AT * totalWrites)} acknowledged writes`);
    events.loadStart = Date.now();
    // Progress every 15 s, so a slow run shows where it is.
    const progress = setInterval(() => {
      log(`  ${Math.round((Date.now() - events.loadStart!) / 1000)} s: ${acks.length}/${totalWrites} writes acknowledged, ${requests} requests, ${failures.length} failed; in flight A ${A.inFlight}, B ${B.inFlight}`);
    }, 15_000);
    const flows = Promise.allSettled(Array.from({ length: learners }, (_, i) => learner(i)));
    const scenarioDone = scenario();
    const outcomes = await flows;
    clearInterval(progress);
    loadDone = true;
    events.loadEnd = Date.now();
    await scenarioDone;
    polling = false;
    await Promise.all(pollers);
    const gaveUp = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => String(o.reason?.message ?? o.reason));

    // --- What happened -------------------------------------------------------------------------
    const overlaps = (f: Failure, from?: number, to?: number) => from !== undefined && f.at >= from && f.sentAt <= (to ?? Infinity);
    const duringKill = failures.filter((f) => overlaps(f, events.kill, events.replaceUp));
    const duringRestart = failures.filter((f) => overlaps(f, events.pgRestart, events.recovered));
    const elsewhere = failures.filter((f) => !duringKill.includes(f) && !duringRestart.includes(f));
    const loadSeconds = (events.loadEnd - events.loadStart) / 1000;
    Object.assign(figures, {
      loadSeconds: Math.round(loadSeconds * 10) / 10,
      requests,
      requestsPerSecond: Math.round(requests / loadSeconds),
      latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
      requestsByInstance: { A: A.requests, B: B.requests },
      acknowledgedWrites: acks.length,
      writesExpected: totalWrites,
      failedRequests: { total: failures.length, duringKill: duringKill.length, duringPgRestart: duringRestart.length, otherwise: elsewhere.length },
      serverConnections: { most: connections.most, mostActiveAtOnce: connections.mostActive, poolLimit: poolSize * instances.length },
      mostMemoryPerInstanceMb: mostMemoryMb,
    });

    failureSamples = failures.slice(0, 60).map((f) => ({ instance: f.instance, kind: f.kind, what: f.what, secondsIntoLoad: Math.round((f.at - events.loadStart!) / 100) / 10 }));

    // 4. The kill.
    if (events.kill) {
      const bHealth = B.health.filter((h) => h.at >= events.kill! && h.at <= (events.replaceUp ?? events.loadEnd!));
      const bNot200 = bHealth.filter((h) => h.status !== 200);
      let run = 0;
      let bMostFailedInARow = 0;
      for (const h of bHealth) {
        run = h.status === 200 ? 0 : run + 1;
        bMostFailedInARow = Math.max(bMostFailedInARow, run);
      }
      const bFailed = duringKill.filter((f) => f.instance === "B");
      const gap = longestGap(B.answers, events.kill, events.replaceUp ?? events.loadEnd);
      Object.assign(figures, {
        kill: {
          acknowledgedBefore: ackedAtKill,
          inFlightAtA: inFlightAtKill,
          failedAtA: duringKill.filter((f) => f.instance === "A").length,
          aDownSeconds: Math.round(((events.replaceUp ?? events.loadEnd) - events.kill) / 100) / 10,
          replacementStartMs: events.replaceUp && events.replaceStart ? events.replaceUp - events.replaceStart : null,
          bHealthChecks: bHealth.length,
          bHealthNot200: bNot200.length,
          bHealthMostFailedInARow: bMostFailedInARow,
          bHealthSlowestMs: Math.max(0, ...bHealth.map((h) => h.ms)),
          bLongestGapBetweenAnswersMs: gap,
        },
      });
      check(
        "A killed with SIGKILL mid-load; the requests it dropped were retried on B",
        ackedAtKill > 0 && ackedAtKill < totalWrites,
        `after ${ackedAtKill} of ${totalWrites} writes; ${inFlightAtKill} of A's requests in flight, ${duringKill.filter((f) => f.instance === "A").length} requests to A failed and were sent to B`,
      );
      // Kept serving: every request B was sent succeeded, and its health checks never failed often
      // enough in a row for a balancer to take it out. (A single slow check can happen when the
      // machine is saturated: /health then says 503 after its 2 s, as it should.)
      check(
        "B kept serving while A was down",
        bMostFailedInARow < UNHEALTHY_AFTER && bFailed.length === 0 && B.pids.length === 1 && B.running,
        `${bFailed.length} of B's requests failed; longest wait between two of its answers ${gap} ms; ${bHealth.length} /health checks of B, ${bHealth.length - bNot200.length} said 200${bNot200.length ? ` (${bNot200.map((h) => `${h.status} after ${h.ms} ms`).join(", ")}; at most ${bMostFailedInARow} in a row, a balancer takes it out after ${UNHEALTHY_AFTER})` : ""}, slowest ${Math.max(0, ...bHealth.map((h) => h.ms))} ms`,
      );
    } else {
      check("A killed with SIGKILL mid-load", false, "the load ended before the kill: use more learners");
    }

    // 5. PostgreSQL restarted under load.
    if (!server.throwaway) {
      check("PostgreSQL restarted under load; the instances recover by themselves", null, "the server was given (DATABASE_URL/TEST_DATABASE_URL), so this script does not restart it");
    } else if (pgRestartError || !events.pgBack) {
      check("PostgreSQL restarted under load", false, pgRestartError ?? "the load ended before the restart: use more learners");
    } else {
      const per = instances.map((i) => {
        const during = i.health.filter((h) => h.at >= events.pgRestart!);
        const saw503 = during.some((h) => h.status === 503 && h.at <= (events.recovered ?? Infinity));
        const back = during.find((h) => h.at > events.pgBack! && h.status === 200);
        return { name: i.name, saw503, recoveryMs: back ? back.at - events.pgBack! : null, samePid: i.pids.length === (i.name === "A" ? 2 : 1) && i.running };
      });
      const firstAck = acks.find((a) => a.at > events.pgBack!);
      Object.assign(figures, {
        pgRestart: {
          acknowledgedBefore: ackedAtRestart,
          stopPauseStartMs: events.pgBack - events.pgRestart!,
          recoveryAfterPgBackMs: Object.fromEntries(per.map((p) => [p.name, p.recoveryMs])),
          outageSeenByBalancerMs: events.recovered ? events.recovered - events.pgRestart! : null,
          firstAcknowledgedWriteAfterPgBackMs: firstAck ? firstAck.at - events.pgBack : null,
          failedRequests: duringRestart.length,
        },
      });
      check(
        `PostgreSQL restarted under load (pg_ctl stop -m fast, ${pgDownSeconds} s down, pg_ctl start)`,
        true,
        `after ${ackedAtRestart} acknowledged writes; accepting connections again ${events.pgBack - events.pgRestart!} ms after the stop began; ${duringRestart.length} requests failed meanwhile and were retried`,
      );
      check(
        "each instance said 503 on /health while PostgreSQL was down, and 200 after, without a restart",
        per.every((p) => p.saw503 && p.recoveryMs !== null && p.samePid),
        per.map((p) => `${p.name}: 503 seen ${p.saw503 ? "yes" : "NO"}, 200 again ${p.recoveryMs ?? "never"} ms after PostgreSQL was back, ${p.samePid ? "same process" : "PROCESS CHANGED OR GONE"}`).join("; "),
      );
      check(
        "requests acknowledged again after the restart",
        Boolean(firstAck),
        firstAck ? `first acknowledged write ${firstAck.at - events.pgBack} ms after PostgreSQL was back; ${acks.filter((a) => a.at > events.pgBack!).length} after it in all` : "none",
      );
      check(
        "every write acknowledged before the restart was there after it",
        missingAfterRestart !== null && (missingAfterRestart as Ack[]).length === 0,
        `${ackedAtRestart} acknowledged, ${missingAfterRestart === null ? "not checked" : (missingAfterRestart as Ack[]).length} missing`,
      );
    }

    // 6. The database afterwards.
    const missing = await present(acks.length);
    check("every acknowledged write is in the database", missing.length === 0, `${acks.length} acknowledged, ${missing.length} missing${missing.length ? `: ${missing.slice(0, 5).map((m) => JSON.stringify(m)).join(", ")}` : ""}`);
    const n = async (text: string) => (await sqlRows<{ n: number }>(checkDb!, text))[0]!.n;
    const final = {
      attempts: await n("select count(*)::int as n from quiz_attempts"),
      answers: await n("select count(*)::int as n from quiz_answers"),
      completions: await n("select count(*)::int as n from module_completions"),
      certificates: await n("select count(*)::int as n from certificates"),
      openAttempts: await n("select count(*)::int as n from quiz_attempts where submitted_at is null"),
    };
    const expected = { attempts: learners * MODULE_SLUGS.length, answers: learners * MODULE_SLUGS.length * PER_ATTEMPT, completions: learners * MODULE_SLUGS.length, certificates: learners, openAttempts: 0 };
    figures.counts = final;
    check("exact counts", JSON.stringify(final) === JSON.stringify(expected), `${JSON.stringify(final)} (expected ${JSON.stringify(expected)})`);
    const duplicates = {
      attemptsPerLearnerAndModule: await n("select count(*)::int as n from (select 1 from quiz_attempts group by person_id, module_slug, cycle having count(*) > 1) d"),
      certificatesPerLearner: await n("select count(*)::int as n from (select 1 from certificates group by person_id, cycle having count(*) > 1) d"),
      completionsPerLearnerAndModule: await n("select count(*)::int as n from (select 1 from module_completions group by person_id, module_slug, cycle having count(*) > 1) d"),
    };
    check("no duplicate attempts, completions or certificates", Object.values(duplicates).every((v) => v === 0), JSON.stringify(duplicates));
    check(
      "no request failed outside the kill and the restart, and no learner gave up",
      elsewhere.length === 0 && gaveUp.length === 0,
      `${elsewhere.length} failed otherwise${elsewhere.length ? ` (${elsewhere.slice(0, 3).map((f) => `${f.instance} ${f.what}`).join("; ")})` : ""}; ${gaveUp.length} learners gave up${gaveUp.length ? `: ${gaveUp[0]}` : ""}`,
    );
    const unhandled = A.uncaught + B.uncaught;
    const replaced = A.replacedConnections + B.replacedConnections;
    figures.serverLog = { uncaughtConnectionErrors: unhandled, connectionsReplaced: replaced };
    check("no uncaught connection error in the instances' logs", unhandled === 0, `${unhandled} uncaught; ${replaced} failed connections logged and replaced by the pools`);
  } finally {
    writeFileSync(join(dataDir, "logs.txt"), instances.map((i) => `===== instance ${i.name}\n${i.logs()}`).join("\n"));
    await Promise.all(instances.map(async (i) => await i.site?.stop()));
    await checkDb?.close();
    await server.admin((c) => c.query(`drop database if exists "${database}" with (force)`)).catch((error: unknown) => log(`could not drop ${database}: ${String(error)}`));
    server.stop();
  }
  figures.totalSeconds = Math.round((Date.now() - began) / 1000);
  const ok = checks.every((c) => c.ok !== false);
  const result: InstancesResult = { ok, checks, figures, failures: failureSamples };
  writeFileSync(join(BENCH_DATA, "instances", "result.json"), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (process.argv[1]?.endsWith("instances.ts")) {
  const { values } = parseArgs({
    options: { learners: { type: "string", default: "200" }, ports: { type: "string" }, "pool-size": { type: "string" }, "pg-down-seconds": { type: "string" } },
  });
  const ports = values.ports?.split(",").map(Number) as [number, number] | undefined;
  const number = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  instancesBench({ learners: Number(values.learners), ports, poolSize: number(values["pool-size"]), pgDownSeconds: number(values["pg-down-seconds"]) })
    .then((r) => {
      process.stdout.write(`\n${JSON.stringify(r.figures, null, 2)}\n\n`);
      for (const c of r.checks) process.stdout.write(`${c.ok === null ? "NOT RUN" : c.ok ? "pass   " : "FAIL   "}  ${c.name}: ${c.detail}\n`);
      process.stdout.write(`\nbench:instances: ${r.ok ? "PASS" : "FAIL"} (${r.figures.totalSeconds} s)\n`);
      process.exitCode = r.ok ? 0 : 1;
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
