// The bench's data set: a scheme of 10,000 people with five yearly cycles of history, made by
// scripts/seed-large.ts (the trainer workspace's generator), then a fresh copy per run: on SQLite a
// file in data/bench/ copied to bench.db; on PostgreSQL a database slt_bench_large copied to
// slt_bench_run (CREATE DATABASE … TEMPLATE). Without that script it falls back to a small set
// made here (SQLite only), and says so in the report.
import { type Db, openDatabase, openPostgres } from "@/db/client";
import { openRawConnection, rawConnection } from "@/db/raw";
import { sqlRow, sqlRows, sqlRun } from "@/db/raw-sql";
import { createHash, randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hash } from "@node-rs/argon2";
import { type PgServer, recreateDatabase } from "./postgres";
import { BENCH_DATA, BENCH_SECRET, ROOT, type SiteDatabase, databaseEnv, log } from "./server";

export const BENCH_PASSWORD = "bench learner password";

export type BenchData = {
  /** The database the site runs on: a file, or a PostgreSQL database. */
  database: SiteDatabase;
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
function largeKey(people: number, migrations: "migrations" | "migrations-pg"): string {
  const h = createHash("sha256");
  h.update(readFileSync(SEED_LARGE));
  h.update(readFileSync(join(ROOT, "db", "queries", "history.ts")));
  for (const f of readdirSync(join(ROOT, "db", migrations)).sort()) if (f.endsWith(".sql")) h.update(readFileSync(join(ROOT, "db", migrations, f)));
  h.update(`${people}:${new Date().toISOString().slice(0, 10)}`);
  return h.digest("hex").slice(0, 16);
}

function constant(name: string, fallback: string): string {
  const m = readFileSync(SEED_LARGE, "utf8").match(new RegExp(`${name}\\s*=\\s*"([^"]+)"`));
  return m?.[1] ?? fallback;
}

const largeTrainer = (): BenchData["trainer"] => ({ email: constant("LARGE_TRAINER_EMAIL", "trainer@large.example"), password: constant("LARGE_TRAINER_PASSWORD", "large-scheme-trainer") });

/** Runs scripts/seed-large.ts on `database`. */
function seedLarge(people: number, database: SiteDatabase, env: Record<string, string> = {}): void {
  log(`generating ${people.toLocaleString("en-GB")} people with five years of history (scripts/seed-large.ts)…`);
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", SEED_LARGE, "--people", String(people), "--years", "5", "--seed", "1"], {
    cwd: ROOT,
    env: { ...databaseEnv(database), ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (run.status !== 0) throw new Error("scripts/seed-large.ts failed");
}

function makeLarge(people: number, reuse: boolean): { base: string; trainer: BenchData["trainer"] } {
  const base = join(BENCH_DATA, "large-base.db");
  const keyFile = join(BENCH_DATA, "large-base.key");
  const key = largeKey(people, "migrations");
  const trainer = largeTrainer();
  if (reuse && existsSync(base) && existsSync(keyFile) && readFileSync(keyFile, "utf8") === key) {
    log("reusing the generated data set (same generator, migrations and day)");
    return { base, trainer };
  }
  removeDb(base);
  seedLarge(people, { engine: "sqlite", path: base });
  // Fold the WAL in, so the base is one self-contained file to copy.
  const db = openRawConnection(base);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  writeFileSync(keyFile, key);
  return { base, trainer };
}

/** The generated data set in database slt_bench_large (its key in the database's comment), made unless it can be reused. */
async function makeLargePostgres(server: PgServer, people: number, reuse: boolean): Promise<string> {
  const base = "slt_bench_large";
  const key = largeKey(people, "migrations-pg");
  const current = await server.admin(async (c) => (await c.query<{ key: string | null }>("select shobj_description(oid, 'pg_database') as key from pg_database where datname = $1", [base])).rows[0]?.key);
  if (reuse && current === key) {
    log("reusing the generated data set in slt_bench_large (same generator, migrations and day)");
    return base;
  }
  await recreateDatabase(server, base);
  seedLarge(people, { engine: "postgres", url: server.database(base), caFile: server.caFile }, { AUTH_SECRET: BENCH_SECRET });
  await server.admin(async (c) => await c.query(`comment on database ${base} is '${key}'`));
  return base;
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

/** Opens the run's database: the bench's own connection, for setting passwords and reading codes. */
async function openBenchDb(database: SiteDatabase): Promise<Db> {
  if (database.engine === "sqlite") return openDatabase(database.path);
  const db = openPostgres({ url: database.url, caFile: database.caFile, poolSize: 1 });
  await db.migrate();
  return db;
}

/**
 * The run's database, fresh: a copy of the generated data set, with sixty learners given a password.
 * On PostgreSQL, `server` is where it goes (bench/lib/postgres.ts).
 */
export async function prepareData(opts: { people: number; reuse: boolean; postgres?: PgServer }): Promise<BenchData> {
  let kind: BenchData["kind"];
  let trainer: BenchData["trainer"];
  let database: SiteDatabase;
  if (opts.postgres) {
    if (!existsSync(SEED_LARGE)) throw new Error("the PostgreSQL bench needs scripts/seed-large.ts");
    const base = await makeLargePostgres(opts.postgres, opts.people, opts.reuse);
    await recreateDatabase(opts.postgres, "slt_bench_run", base);
    database = { engine: "postgres", url: opts.postgres.database("slt_bench_run"), caFile: opts.postgres.caFile };
    kind = "large";
    trainer = largeTrainer();
  } else {
    const databasePath = join(BENCH_DATA, "bench.db");
    removeDb(databasePath);
    database = { engine: "sqlite", path: databasePath };
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
  }

  // Learners who can sign in: those with the longest histories, then others for the quiz.
  const db = await openBenchDb(database);
  let learnerRows: { id: number; email: string }[];
  let codes: string[];
  const counts: Record<string, number> = {};
  let people: number;
  try {
    learnerRows = await sqlRows<{ id: number; email: string }>(
      db,
      `select p.id, p.email from people p
       where p.active and p.role in ('carer', 'staff')
       order by (select count(*) from certificates c where c.person_id = p.id) desc, p.id limit 60`,
    );
    const passwordHash = await hash(BENCH_PASSWORD);
    await sqlRun(db, `update people set password_hash = ? where id in (${learnerRows.map(() => "?").join(", ")})`, passwordHash, ...learnerRows.map((l) => l.id));
    // The scheme's own contacts (issue 15), so that its learners read the scheme's copies of the
    // lesson pages: the bench measures those beside the page everyone reads.
    await sqlRun(
      db,
      `insert into scheme_details (scheme_id, public_name, advice_role, advice_phone, advice_email, breach_contact, breach_phone, breach_within, note_breach, revision, updated_at)
       select scheme_id, 'Bench Shared Lives', 'your Shared Lives officer', '01632 960 123', 'team@bench.example', 'the duty officer', '01632 960 456', 'straight away', 'Ring **first**.', 1, ?
       from people where email = ? on conflict (scheme_id) do nothing`,
      database.engine === "postgres" ? new Date() : Date.now(),
      trainer.email,
    );
    codes = (await sqlRows<{ code: string }>(db, "select code from certificates order by id desc limit 3000")).map((r) => r.code);
    for (const t of ["people", "quiz_attempts", "quiz_answers", "module_completions", "certificates", "audit_log", "page_reads"]) {
      counts[t] = (await sqlRow<{ n: number }>(db, `select count(*) as n from "${t}"`))!.n;
    }
    people = (await sqlRow<{ n: number }>(db, "select count(*) as n from people where scheme_id = (select scheme_id from people where email = ?)", trainer.email))!.n;
    if (database.engine === "sqlite") rawConnection(db).pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    await db.close();
  }
  return {
    database,
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
