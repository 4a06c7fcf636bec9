// 200 learners take all three quizzes at once, from 4 processes with a connection (or, on
// PostgreSQL, a pool) each, on a real database file or server: every request is also sent again by a
// second process (a duplicate retry), at the same moment. The counts must come out exact and no
// write may fail (SQLITE_BUSY on SQLite; a duplicate or a deadlock on PostgreSQL).
// The learners' script is in bench/lib/quiz-worker.ts. No timings are asserted.
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDatabase, PostgresDb, useDatabase, writeTransaction } from "@/db/client";
import { sqlRow, sqlRows } from "@/db/raw-sql";
import { freshDatabase, onPostgres } from "../helpers/db";
import { insertPerson, insertScheme } from "@/db/queries/people";
import { course } from "@/lib/content/course";
import type { ModuleSlug } from "@/lib/content/schemas";
import { env } from "@/lib/env";
import type { Phase, PhaseMessage, PhaseReport } from "@/bench/lib/quiz-worker";

const LEARNERS = 200;
const PROCESSES = 4;
const root = join(__dirname, "..", "..");

let dir: string;
let path: string;
let db: Db;
let learnerIds: number[] = [];
const workers: ChildProcess[] = [];
const reports: PhaseReport[] = [];
let stderr = "";

function nextReport(child: ChildProcess): Promise<PhaseReport> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: PhaseReport) => {
      cleanup();
      resolve(m);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`worker ${child.pid} exited (${code}) before reporting:\n${stderr.slice(-4000)}`));
    };
    const cleanup = () => {
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

async function everyone(message: PhaseMessage): Promise<PhaseReport[]> {
  const pending = workers.map(nextReport);
  for (const w of workers) w.send(message);
  return Promise.all(pending);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "concurrency-"));
  path = join(dir, "learners.db");
  if (onPostgres) {
    db = await freshDatabase();
  } else {
    db = openDatabase(path);
    useDatabase(db);
  }
  const database =
    db instanceof PostgresDb
      ? { DATABASE_URL: db.config.url, DATABASE_CA_FILE: db.config.caFile ?? "", DATABASE_POOL_SIZE: "4" }
      : { DATABASE_PATH: path };
  const scheme = await insertScheme("Concurrency scheme");
  learnerIds = await writeTransaction(async (tx) => {
    const ids: number[] = [];
    for (let i = 0; i < LEARNERS; i++) ids.push((await insertPerson({ name: `Learner ${i + 1}`, email: `learner${i + 1}@concurrency.example`, role: "carer", schemeId: scheme.id }, tx)).id);
    return ids;
  });

  // Learner i lives in process i % 4; its twin (the duplicate retries) in the process opposite.
  const plans = Array.from({ length: PROCESSES }, () => ({ home: [] as number[], twin: [] as number[] }));
  learnerIds.forEach((id, i) => {
    plans[i % PROCESSES]!.home.push(id);
    plans[(i + PROCESSES / 2) % PROCESSES]!.twin.push(id);
  });
  for (const plan of plans) {
    const child = fork(join(root, "bench", "lib", "quiz-worker.ts"), [], {
      cwd: root,
      execArgv: ["--conditions=react-server", "--import", "tsx", "--import", "./bench/lib/register-mdx.mjs"],
      env: { ...process.env, ...database, QUIZ_WORKER: JSON.stringify(plan) },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    workers.push(child);
  }
  const ready = await Promise.all(workers.map(nextReport));
  reports.push(...ready);

  for (const moduleSlug of course.modules as ModuleSlug[]) {
    for (const phase of ["start", "answer", "submit"] as Phase[]) {
      reports.push(...(await everyone({ phase, module: moduleSlug })));
    }
  }
  await everyone({ phase: "exit" });
}, 120_000);

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill();
  if (!onPostgres) await db?.close(); // PostgreSQL: test/helpers/db.ts drops it
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function count(sql: string, ...params: unknown[]): Promise<number> {
  return (await sqlRow<{ n: number }>(db, sql, ...params))!.n;
}

describe("200 learners answering and submitting at once, with duplicate retries", () => {
  it("runs with no errors at all, and never SQLITE_BUSY", () => {
    const errors = reports.flatMap((r) => r.errors);
    expect(errors.filter((e) => e.code === "SQLITE_BUSY" || /SQLITE_BUSY|database is locked/i.test(e.message))).toEqual([]);
    expect(errors).toEqual([]);
    expect(reports.flatMap((r) => Object.entries(r.refused))).toEqual([]);
    expect(stderr).not.toMatch(/SQLITE_BUSY|database is locked/i);
    // Every phase really ran every learner: each process did work in each phase.
    const worked = reports.filter((r) => r.phase !== "ready" && r.phase !== "exit");
    expect(worked).toHaveLength(PROCESSES * 3 * course.modules.length);
    expect(worked.every((r) => r.operations > 0)).toBe(true);
  });

  it("a start sent twice by two processes at once makes one attempt", async () => {
    const seen = new Map<string, Set<number>>();
    for (const r of reports.filter((x) => x.phase === "start")) {
      for (const [key, ids] of Object.entries(r.attempts)) {
        const personId = key.split(":")[0]!;
        for (const id of ids) {
          const moduleKey = `${personId}:${(await sqlRow<{ m: string }>(db, "select module_slug as m from quiz_attempts where id = ?", id))!.m}`;
          if (!seen.has(moduleKey)) seen.set(moduleKey, new Set());
          seen.get(moduleKey)!.add(id);
        }
      }
    }
    expect(seen.size).toBe(LEARNERS * course.modules.length);
    expect([...seen.values()].filter((ids) => ids.size !== 1)).toEqual([]);
  });

  it("keeps exactly the rows the learners' choices call for", async () => {
    const modules = course.modules.length;
    const perAttempt = env().scenariosPerAttempt + 1; // question 1 was changed once: both choices kept
    expect(await count("select count(*) as n from quiz_attempts")).toBe(LEARNERS * modules);
    expect(await count("select count(*) as n from quiz_attempts where submitted_at is not null and passed")).toBe(LEARNERS * modules);
    expect(await count("select count(*) as n from quiz_answers")).toBe(LEARNERS * modules * perAttempt);
    expect(await count("select count(*) as n from (select attempt_id from quiz_answers group by attempt_id having count(*) = ?) as complete", perAttempt)).toBe(LEARNERS * modules);
    expect(await count("select count(*) as n from module_completions")).toBe(LEARNERS * modules);
    expect(await count("select count(*) as n from certificates")).toBe(LEARNERS);
    expect(await count("select count(distinct person_id) as n from certificates where superseded_at is null and revoked_at is null")).toBe(LEARNERS);
    const audit = Object.fromEntries(
      (await sqlRows<{ action: string; n: number }>(db, "select action, count(*) as n from audit_log group by action")).map((r) => [r.action, r.n]),
    );
    expect(audit).toEqual({
      "started-quiz": LEARNERS * modules,
      "submitted-quiz": LEARNERS * modules,
      "completed-module": LEARNERS * modules,
      "issued-certificate": LEARNERS,
    });
  });

  it("both processes saw every learner pass, and one of them got the certificate", () => {
    const worked = reports.filter((r) => r.phase === "submit");
    expect(worked.reduce((n, r) => n + r.passed, 0)).toBe(LEARNERS * course.modules.length * 2);
    expect(worked.reduce((n, r) => n + r.certificates, 0)).toBe(LEARNERS);
  });

  it.skipIf(onPostgres)("leaves a sound database file", async () => {
    expect(await sqlRow(db, "pragma integrity_check")).toEqual({ integrity_check: "ok" });
    expect(await sqlRows(db, "pragma foreign_key_check")).toEqual([]);
  });
});
