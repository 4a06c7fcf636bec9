// The bench's data set: a scheme of 10,000 people with five yearly cycles of history, made by
// scripts/seed-large.ts (the trainer workspace's generator) into data/bench/, then a copy per run.
// Without that script it falls back to a small set made here, and says so in the report.
import { openRawConnection, rawConnection } from "@/db/raw";
import { createHash, randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hash } from "@node-rs/argon2";
import { openDatabase } from "@/db/client";
import { BENCH_DATA, ROOT, log } from "./server";

export const BENCH_PASSWORD = "bench learner password";

export type BenchData = {
  databasePath: string;
  kind: "large" | "small";
  description: string;
  people: number;
  trainer: { email: string; password: string };
  /** Learners with the longest histories (for My training), who can sign in with BENCH_PASSWORD. */
  learners: { id: number; email: string }[];
  /** Other learners, for quiz answers (so My training is measured on undisturbed people). */
  quizLearners: { id: number; email: string }[];
  /** Certificate codes of every status, for the verification page. */
  codes: string[];
  counts: Record<string, number>;
};

const SEED_LARGE = join(ROOT, "scripts", "seed-large.ts");

function removeDb(path: string) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}

/** Changes when the generator, the migrations or the day change: then the data set is made again. */
function largeKey(people: number): string {
  const h = createHash("sha256");
  h.update(readFileSync(SEED_LARGE));
  for (const f of readdirSync(join(ROOT, "db", "migrations")).sort()) if (f.endsWith(".sql")) h.update(readFileSync(join(ROOT, "db", "migrations", f)));
  h.update(`${people}:${new Date().toISOString().slice(0, 10)}`);
  return h.digest("hex").slice(0, 16);
}

function constant(name: string, fallback: string): string {
  const m = readFileSync(SEED_LARGE, "utf8").match(new RegExp(`${name}\\s*=\\s*"([^"]+)"`));
  return m?.[1] ?? fallback;
}

function makeLarge(people: number, reuse: boolean): { base: string; trainer: BenchData["trainer"] } {
  const base = join(BENCH_DATA, "large-base.db");
  const keyFile = join(BENCH_DATA, "large-base.key");
  const key = largeKey(people);
  const trainer = { email: constant("LARGE_TRAINER_EMAIL", "trainer@large.example"), password: constant("LARGE_TRAINER_PASSWORD", "large-scheme-trainer") };
  if (reuse && existsSync(base) && existsSync(keyFile) && readFileSync(keyFile, "utf8") === key) {
    log("reusing the generated data set (same generator, migrations and day)");
    return { base, trainer };
  }
  removeDb(base);
  log(`generating ${people.toLocaleString("en-GB")} people with five years of history (scripts/seed-large.ts)…`);
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", SEED_LARGE, "--people", String(people), "--years", "5", "--seed", "1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: base },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (run.status !== 0) throw new Error("scripts/seed-large.ts failed");
  // Fold the WAL in, so the base is one self-contained file to copy.
  const db = openRawConnection(base);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  writeFileSync(keyFile, key);
  return { base, trainer };
}

/** A small stand-in when scripts/seed-large.ts is not there: a scheme, a trainer, 200 learners. */
async function makeSmall(path: string): Promise<BenchData["trainer"]> {
  const db = openDatabase(path);
  const c = rawConnection(db);
  const trainer = { email: "trainer@bench.example", password: BENCH_PASSWORD };
  const passwordHash = await hash(trainer.password);
  c.transaction(() => {
    const scheme = Number(c.prepare("insert into schemes (name) values ('Bench scheme (small)')").run().lastInsertRowid);
    c.prepare("insert into people (name, email, role, scheme_id, password_hash) values ('Bench Trainer', ?, 'trainer', ?, ?)").run(trainer.email, scheme, passwordHash);
    for (let i = 1; i <= 200; i++) {
      const id = Number(c.prepare("insert into people (name, email, role, scheme_id) values (?, ?, 'carer', ?)").run(`Bench Learner ${i}`, `learner${i}@bench.example`, scheme).lastInsertRowid);
      c.prepare(
        "insert into certificates (code, person_id, scheme_id, holder_name, course_id, course_title, content_version, cycle, issued_on, expires_on, modules) values (?, ?, ?, ?, 'course', 'Course', '2026.1', 1, '2026-01-01', '2027-01-01', '[]')",
      ).run(randomBytes(14).toString("hex").toUpperCase().replace(/[ILOU]/g, "0").slice(0, 28), id, scheme, `Bench Learner ${i}`);
    }
  })();
  c.close();
  return trainer;
}

export async function prepareData(opts: { people: number; reuse: boolean }): Promise<BenchData> {
  const databasePath = join(BENCH_DATA, "bench.db");
  removeDb(databasePath);
  let kind: BenchData["kind"];
  let trainer: BenchData["trainer"];
  if (existsSync(SEED_LARGE)) {
    const large = makeLarge(opts.people, opts.reuse);
    copyFileSync(large.base, databasePath);
    kind = "large";
    trainer = large.trainer;
  } else {
    log("scripts/seed-large.ts is not there yet: using a small stand-in data set (the matrix figures will not mean much)");
    trainer = await makeSmall(databasePath);
    kind = "small";
  }

  // Learners who can sign in: those with the longest histories, then others for the quiz.
  const db = openDatabase(databasePath);
  const c = rawConnection(db);
  const learnerRows = c
    .prepare(
      `select p.id, p.email from people p
       where p.active = 1 and p.role in ('carer', 'staff')
       order by (select count(*) from certificates c where c.person_id = p.id) desc, p.id limit 60`,
    )
    .all() as { id: number; email: string }[];
  const passwordHash = await hash(BENCH_PASSWORD);
  const setHash = c.prepare("update people set password_hash = ? where id = ?");
  c.transaction(() => learnerRows.forEach((l) => setHash.run(passwordHash, l.id)))();
  // The scheme's own contacts (issue 15), so that its learners read the scheme's copies of the
  // lesson pages: the bench measures those beside the page everyone reads.
  c.prepare(
    `insert into scheme_details (scheme_id, public_name, advice_role, advice_phone, advice_email, breach_contact, breach_phone, breach_within, note_breach, revision, updated_at)
     select scheme_id, 'Bench Shared Lives', 'your Shared Lives officer', '01632 960 123', 'team@bench.example', 'the duty officer', '01632 960 456', 'straight away', 'Ring **first**.', 1, ?
     from people where email = ? on conflict (scheme_id) do nothing`,
  ).run(Date.now(), trainer.email);
  const codes = (c.prepare("select code from certificates order by id desc limit 3000").all() as { code: string }[]).map((r) => r.code);
  const counts: Record<string, number> = {};
  for (const t of ["people", "quiz_attempts", "quiz_answers", "module_completions", "certificates", "audit_log", "page_reads"]) {
    counts[t] = (c.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n;
  }
  const people = (c.prepare("select count(*) as n from people where scheme_id = (select scheme_id from people where email = ?)").get(trainer.email) as { n: number }).n;
  c.pragma("wal_checkpoint(TRUNCATE)");
  c.close();
  return {
    databasePath,
    kind,
    description:
      kind === "large"
        ? `scripts/seed-large.ts: one scheme of ${people.toLocaleString("en-GB")} people, five yearly cycles (${counts.quiz_attempts!.toLocaleString("en-GB")} quiz attempts, ${counts.quiz_answers!.toLocaleString("en-GB")} answers, ${counts.certificates!.toLocaleString("en-GB")} certificates, ${counts.audit_log!.toLocaleString("en-GB")} audit entries)`
        : `small stand-in (scripts/seed-large.ts missing): ${people} people`,
    people,
    trainer,
    learners: learnerRows.slice(0, 30),
    quizLearners: learnerRows.slice(30),
    codes,
    counts,
  };
}
