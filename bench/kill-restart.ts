// Durability under a crash: 200 learners take all three quizzes over HTTP against the production
// server; part-way through, the server is killed with SIGKILL (no chance to flush or close
// anything). Every answer, start and submission the server acknowledged (a 303 received) must be in
// the database afterwards, and PRAGMA integrity_check must say ok. Then the server is restarted on
// the same file and the learners carry on where they were, to the end: the counts must come out
// exact (one attempt per module, five answers each, three completions and one certificate each).
//
// Run: npm run bench:kill [-- --learners 200]   (also run at the end of npm run bench)
// Its own data in data/bench/kill/, its own port in 3200–3299.
//
// SQLite only: this is the embedded file's own durability test (WAL, synchronous=FULL, integrity
// check). `npm run bench -- --engine postgres` skips it; PostgreSQL's crash and restart under load
// are proven by the multi-instance test (issue 14, item 8).
import { openRawConnection, rawConnection } from "@/db/raw";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import { openDatabase } from "@/db/client";
import { findForm } from "../test/support/html-forms";
import { SESSION_COOKIE, getHtml, postForm } from "./lib/http";
import { MODULE_SLUGS } from "@/lib/content/schemas";
import { bestOptions } from "./lib/best-answers";
import { BENCH_DATA, BENCH_SECRET, type SiteServer, ensureBuild, log, snapshotBuild, startSite } from "./lib/server";

const PER_ATTEMPT = 5;

export type KillRestartResult = {
  learners: number;
  acknowledgedBeforeKill: number;
  acknowledged: number;
  inFlightAtKill: number;
  restartMs: number;
  missing: string[];
  integrity: string;
  integrityBeforeRestart: string;
  busy: number;
  serverErrors: string[];
  final: { certificates: number; completions: number; attempts: number; answers: number };
  expected: { certificates: number; completions: number; attempts: number; answers: number };
  ok: boolean;
};

type Ack = { kind: "start"; attemptId: number } | { kind: "answer"; attemptId: number; scenarioId: string; optionId: string } | { kind: "submit"; attemptId: number };


class Down extends Error {}

export async function killRestart(opts: { learners?: number; snapshot?: boolean } = {}): Promise<KillRestartResult> {
  const learners = opts.learners ?? 200;
  if (opts.snapshot) {
    ensureBuild();
    snapshotBuild();
  }
  const dir = join(BENCH_DATA, "kill");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const databasePath = join(dir, "kill.db");

  // Learners with live sessions; their cookies are minted as Auth.js would (a JWT naming the session).
  const db = openDatabase(databasePath);
  const c = rawConnection(db);
  const cookies: string[] = [];
  const people: { id: number; name: string; email: string; sid: string }[] = [];
  c.transaction(() => {
    const scheme = Number(c.prepare("insert into schemes (name) values ('Crash test scheme')").run().lastInsertRowid);
    for (let i = 1; i <= learners; i++) {
      const email = `crash${i}@bench.example`;
      const id = Number(c.prepare("insert into people (name, email, role, scheme_id) values (?, ?, 'carer', ?)").run(`Crash Learner ${i}`, email, scheme).lastInsertRowid);
      const sid = randomBytes(24).toString("base64url");
      c.prepare("insert into sessions (id, person_id, created_at, expires_at) values (?, ?, ?, ?)").run(sid, id, Date.now(), Date.now() + 12 * 3600_000);
      people.push({ id, name: `Crash Learner ${i}`, email, sid });
    }
  })();
  c.close();
  for (const p of people) {
    const token = await encode({ token: { sub: String(p.id), name: p.name, email: p.email, sid: p.sid }, secret: BENCH_SECRET, salt: SESSION_COOKIE, maxAge: 12 * 3600 });
    cookies.push(`${SESSION_COOKIE}=${token}`);
  }

  const best = bestOptions();
  let site: SiteServer = await startSite({ database: { engine: "sqlite", path: databasePath } });
  const base = site.base;
  let output = "";
  const acks: Ack[] = [];
  const serverErrors: string[] = [];
  let phase: "before" | "down" | "after" = "before";
  let inFlight = 0;
  let resumed: () => void = () => {};
  const whenBack = new Promise<void>((r) => (resumed = r));
  const expectedOps = learners * MODULE_SLUGS.length * (PER_ATTEMPT + 2);
  const killAt = Math.round(expectedOps * 0.35);
  let killed: Promise<void> | null = null;
  let acknowledgedBeforeKill = 0;
  let inFlightAtKill = 0;
  let killTime = 0;

  const ack = (a: Ack) => {
    acks.push(a);
    if (phase === "before" && acks.length >= killAt && !killed) {
      phase = "down";
      acknowledgedBeforeKill = acks.length;
      inFlightAtKill = inFlight;
      killTime = Date.now();
      log(`SIGKILL to the server (pid ${site.child.pid}) after ${acks.length} acknowledged writes, ${inFlight} requests in flight`);
      killed = new Promise((resolve) => site.child.once("exit", () => resolve()));
      site.child.kill("SIGKILL");
    }
  };

  /** One request; a network failure means the server is down: wait for it, then report Down. */
  async function http<T>(fn: () => Promise<T>): Promise<T> {
    if (phase === "down") {
      await whenBack;
      throw new Down();
    }
    inFlight++;
    try {
      return await fn();
    } catch (error) {
      if (error instanceof Down) throw error;
      if (/fetch failed|ECONNREFUSED|ECONNRESET|socket|other side closed/i.test(String((error as Error).message) + String((error as { cause?: Error }).cause?.message))) {
        await whenBack;
        throw new Down();
      }
      throw error;
    } finally {
      inFlight--;
    }
  }

  async function post(pagePath: string, label: string | RegExp, cookie: string, overrides: Record<string, string> = {}, twice = false): Promise<string> {
    const html = await http(() => getHtml(`${base}${pagePath}`, cookie));
    const form = findForm(html, label);
    const send = () =>
      http(async () => {
        const res = await postForm(base, pagePath, form, overrides, cookie);
        await res.arrayBuffer();
        if (res.status >= 500) serverErrors.push(`POST ${pagePath}: ${res.status}`);
        if (res.status !== 303) throw new Error(`POST ${pagePath} (${label}): HTTP ${res.status}`);
        return res.headers.get("location")!;
      });
    // A duplicate retry: the same request sent twice at once, as a double click or a retried request.
    const [location] = await Promise.all(twice ? [send(), send()] : [send()]);
    return new URL(location!, base).pathname;
  }

  async function learner(i: number): Promise<void> {
    const cookie = cookies[i]!;
    const retry = i % 4 === 0;
    for (const moduleSlug of MODULE_SLUGS) {
      for (;;) {
        try {
          const quizPage = `/modules/${moduleSlug}/quiz`;
          const start = await http(() => getHtml(`${base}${quizPage}`, cookie));
          if (/\d+ out of \d+,\s*passed</.test(start)) break; // submitted before the crash, unacknowledged
          let at = await post(quizPage, /Start the quiz|Continue the quiz|Start a new attempt/, cookie, {}, retry);
          const attemptId = Number(at.split("/")[4]);
          ack({ kind: "start", attemptId });
          while (!at.endsWith("/check")) {
            const html = await http(() => getHtml(`${base}${at}`, cookie));
            const form = findForm(html, "Save and continue");
            const scenarioId = form.fields.find((f) => f.name === "scenario")!.value;
            const optionId = best.get(scenarioId)!;
            at = await post(at, "Save and continue", cookie, { option: optionId }, retry);
            ack({ kind: "answer", attemptId, scenarioId, optionId });
          }
          const result = await post(at, "Submit my answers", cookie, {}, true);
          if (!result.endsWith("/result")) throw new Error(`submitting went to ${result}`);
          ack({ kind: "submit", attemptId });
          break;
        } catch (error) {
          if (!(error instanceof Down)) throw error;
          // The server came back: carry on with this module from the quiz page (it resumes).
        }
      }
    }
  }

  log(`${learners} learners start; the server is killed after ${killAt} acknowledged writes`);
  const flows = Array.from({ length: learners }, (_, i) => learner(i));
  const settled = Promise.allSettled(flows);

  // Wait for the kill (or for everyone to finish first, if the load was too small to reach it).
  while (!killed && phase === "before") {
    if (await Promise.race([settled.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 100))])) break;
  }
  let integrityBeforeRestart = "not checked";
  let restartMs = 0;
  if (killed) {
    // TypeScript cannot see the assignment inside the response callback, so it narrows `killed` to null.
    await (killed as Promise<void>);
    output += site.output();
    // Before restarting: is every acknowledged write in the file? (A fresh connection recovers the WAL.)
    const check = openRawConnection(databasePath);
    integrityBeforeRestart = String(check.pragma("integrity_check", { simple: true }));
    check.close();
    site = await startSite({ database: { engine: "sqlite", path: databasePath }, port: site.port });
    restartMs = Date.now() - killTime;
    log(`restarted in ${restartMs} ms; learners carry on`);
    phase = "after";
    resumed();
  }
  const outcomes = await settled;
  const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => String(o.reason?.message ?? o.reason));
  output += site.output();
  await site.stop();

  const check = openRawConnection(databasePath);
  const has = {
    attempt: check.prepare("select 1 from quiz_attempts where id = ?"),
    answer: check.prepare("select 1 from quiz_answers where attempt_id = ? and scenario_id = ? and option_id = ?"),
    submitted: check.prepare("select 1 from quiz_attempts where id = ? and submitted_at is not null"),
  };
  const missing = acks
    .filter((a) => !(a.kind === "start" ? has.attempt.get(a.attemptId) : a.kind === "answer" ? has.answer.get(a.attemptId, a.scenarioId, a.optionId) : has.submitted.get(a.attemptId)))
    .map((a) => JSON.stringify(a));
  const n = (sql: string) => (check.prepare(sql).get() as { n: number }).n;
  const final = {
    certificates: n("select count(*) as n from certificates"),
    completions: n("select count(*) as n from module_completions"),
    attempts: n("select count(*) as n from quiz_attempts"),
    answers: n("select count(*) as n from quiz_answers"),
  };
  const integrity = String(check.pragma("integrity_check", { simple: true }));
  check.close();
  const expected = { certificates: learners, completions: learners * MODULE_SLUGS.length, attempts: learners * MODULE_SLUGS.length, answers: learners * MODULE_SLUGS.length * PER_ATTEMPT };
  const busy = (output.match(/SQLITE_BUSY|database is locked/g) ?? []).length;
  serverErrors.push(...failures.map((f) => `learner: ${f}`));
  const result: KillRestartResult = {
    learners,
    acknowledgedBeforeKill,
    acknowledged: acks.length,
    inFlightAtKill,
    restartMs,
    missing,
    integrity,
    integrityBeforeRestart,
    busy,
    serverErrors,
    final,
    expected,
    ok: Boolean(killed) && missing.length === 0 && integrity === "ok" && integrityBeforeRestart === "ok" && busy === 0 && serverErrors.length === 0 && JSON.stringify(final) === JSON.stringify(expected),
  };
  log(
    `kill-restart: ${result.ok ? "PASS" : "FAIL"} — ${acks.length} acknowledged writes (${acknowledgedBeforeKill} before the kill), ${missing.length} missing, integrity ${integrity}, SQLITE_BUSY ${busy}, final ${JSON.stringify(final)}`,
  );
  if (serverErrors.length) log(`problems: ${serverErrors.slice(0, 10).join("; ")}`);
  return result;
}

if (process.argv[1]?.endsWith("kill-restart.ts")) {
  const { values } = parseArgs({ options: { learners: { type: "string", default: "200" } } });
  killRestart({ learners: Number(values.learners), snapshot: true })
    .then((r) => {
      process.stdout.write(`${JSON.stringify({ ...r, missing: r.missing.slice(0, 20) }, null, 2)}\n`);
      process.exitCode = r.ok ? 0 : 1;
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
