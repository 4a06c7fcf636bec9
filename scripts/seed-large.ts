// A large scheme for measuring the trainer pages: 10,000 people with five years of history
// (intakes, invitations, page reads, knowledge checks, quiz attempts with every choice, completions
// including some assisted ones, certificates that supersede each other, reminders and the audit
// trail), ending today in a realistic mix of statuses: mostly valid, some due soon, overdue,
// expired, in progress, not started, and some people who have left.
//
// Usage: npm run seed:large [-- --people 10000 --years 5 --seed 1]
// Writes to DATABASE_PATH, or data/large.db when it is not set (never the everyday database by
// accident). Refuses to run twice on the same database. Deterministic for a given --seed and day.
// Sign in as trainer@large.example with the password "large-scheme-trainer" (printed at the end).
import { closeConfiguredDatabase, openConfiguredDatabase } from "@/lib/database";
import { sqlRun } from "@/db/raw-sql";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeTransaction } from "@/db/client";
import { highestIds, insertHistory } from "@/db/queries/history";
import { findSchemeByName, insertScheme } from "@/db/queries/people";
import { hashPassword } from "@/lib/auth/hashing";
import { today as todayInLondon } from "@/lib/clock";
import { course } from "@/lib/content/course";
import { addDays } from "@/lib/dates";
import { History, type LiveCertificate, type ModuleDone, msOf } from "./lib/history";
import { randomSource } from "./lib/random";
import { useDatabasePathUnlessSet } from "@/lib/env";

const { values: args } = parseArgs({
  options: { people: { type: "string" }, years: { type: "string" }, seed: { type: "string" } },
});
// Read by getDb() when it first opens the database, below.
useDatabasePathUnlessSet(join("data", "large.db"));

export const LARGE_SCHEME = "Large test scheme (generated)";
export const LARGE_TRAINER_EMAIL = "trainer@large.example";
export const LARGE_TRAINER_PASSWORD = "large-scheme-trainer";

const PEOPLE = Number(args.people ?? 10_000);
const YEARS = Number(args.years ?? 5);
const SEED = Number(args.seed ?? 1);

const randomness = randomSource(SEED);
const { random, int, chance, pick, sample } = randomness;

const FIRST = ["Aisha", "Ben", "Chloe", "Dev", "Ellie", "Femi", "Grace", "Harry", "Imran", "Jade", "Kofi", "Lily", "Mo", "Nina", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tom", "Uma", "Vic", "Wes", "Yusuf", "Zara", "Alan", "Beth", "Carl", "Dina", "Eve"];
const LAST = ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nowak", "Okafor", "Patel", "Quinn", "Roberts", "Smith", "Taylor", "Walker", "Wilson", "Wright", "Young"];
const OFFICERS = ["Jo Bloggs (Shared Lives officer)", "Pat Singh (Shared Lives officer)", "Chris Lee (Shared Lives officer)"];

async function main() {
  const db = await openConfiguredDatabase();
  if (await findSchemeByName(LARGE_SCHEME)) {
    console.error(`"${LARGE_SCHEME}" already exists in ${db.location}. Delete that file, or use another database (DATABASE_PATH or DATABASE_URL), to seed again.`);
    process.exit(1);
  }
  const started = Date.now();
  const today = todayInLondon();
  const firstDay = addDays(today, -Math.round(YEARS * 365.25));
  const modules = course.modules;
  const passwordHash = await hashPassword(LARGE_TRAINER_PASSWORD);

  const scheme = await insertScheme(LARGE_SCHEME);
  const ids = await highestIds();
  const h = new History(scheme.id, ids, randomness);
  const rows = h.rows;
  const { scenarioIds, pages } = h;
  const trainerIds: number[] = [];
  for (const [i, email] of [LARGE_TRAINER_EMAIL, "trainer2@large.example"].entries()) {
    trainerIds.push(h.person({ name: i === 0 ? "Lara Large (trainer)" : "Toby Trainer", email, role: "trainer", joined: firstDay, intakeId: null, invitedBy: null, passwordHash }));
  }

  // An intake every quarter; before the first ones, people joined without an intake.
  const intakes: { id: number; startDate: string }[] = [];
  for (let d = firstDay; d <= addDays(today, 30); d = addDays(d, 91)) {
    const [y, m] = d.split("-");
    intakes.push({ id: h.intake(`Intake ${y}-${m} (${intakes.length + 1})`, d, trainerIds[0]!), startDate: d });
  }

  const version = (iso: string) => `${iso.slice(0, 4)}.1`;
  const statusCount = new Map<string, number>();

  for (let n = 0; n < PEOPLE; n++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const role = chance(0.74) ? "carer" : chance(0.92) ? "staff" : "trainer";
    // Most people were there from the start (five yearly cycles each); the rest joined since.
    const span = Math.floor((msOf(today) - msOf(firstDay)) / 86_400_000);
    const joined = addDays(firstDay, chance(0.7) ? int(0, 120) : int(0, span - 1));
    const intake = [...intakes].reverse().find((i) => i.startDate <= addDays(joined, 20));
    const leaves = chance(0.06) ? addDays(joined, int(60, 1500)) : null;
    const leftOn = leaves && leaves < today ? leaves : null;
    const stopOn = leftOn ?? today;
    const intakeId = intake && chance(0.85) ? intake.id : null;
    const email = `${first}.${last}.${ids.people + 1}@large.example`.toLowerCase();
    const id = h.person({ name: `${first} ${last}`, email, role, joined, intakeId, invitedBy: trainerIds[0]!, leftOn });

    let day = addDays(joined, int(0, 20));
    let cycle = 1;
    let previous: LiveCertificate | null = null;
    let outcome = "not-started";
    while (day <= stopOn) {
      // Reading (first cycle) and a few knowledge checks.
      if (cycle === 1) {
        for (const m of modules) for (const p of pages.get(m)!) if (chance(0.9)) rows.pageReads.push({ personId: id, moduleSlug: m, pageSlug: p, firstReadAt: new Date(msOf(day, 600)), lastReadAt: new Date(msOf(day, 620)) });
        for (let k = 0; k < 3; k++) rows.checkAnswers.push({ personId: id, checkId: `gr-check-${k}`, optionIndex: int(0, 2), correct: chance(0.8), answeredAt: new Date(msOf(day, 630)) });
      }
      const stalls = chance(cycle === 1 ? 0.04 : 0.015);
      const doneModules: ModuleDone[] = [];
      let moduleDay = day;
      for (const [mi, m] of modules.entries()) {
        if (moduleDay > stopOn) break;
        if (stalls && mi >= int(0, 2)) {
          // Started the quiz, never finished.
          h.stalledAttempt(id, m, cycle, version(moduleDay), moduleDay);
          break;
        }
        if (chance(0.03)) {
          doneModules.push(h.assistedCompletion(id, m, cycle, version(moduleDay), moduleDay, pick(OFFICERS), trainerIds[0]!));
        } else {
          const tries = chance(0.15) ? 2 : 1;
          let attemptId = 0;
          let score = 0;
          for (let t = 1; t <= tries; t++) {
            const drawn = sample(scenarioIds.get(m)!, 5);
            const pass = t === tries;
            score = pass ? (chance(0.6) ? 5 : 4) : int(1, 3);
            attemptId = h.attempt({ personId: id, moduleSlug: m, cycle, version: version(moduleDay), start: msOf(moduleDay, 700 + t * 30), score, passed: pass, scenarioIds: drawn });
          }
          doneModules.push(h.completion(id, m, cycle, version(moduleDay), moduleDay, attemptId, score));
        }
        moduleDay = addDays(moduleDay, int(0, 6));
      }
      if (doneModules.length < modules.length) {
        outcome = doneModules.length || stalls ? "in-progress" : "not-started";
        break;
      }
      const completedOn = doneModules.at(-1)!.completedOn;
      const certificate = h.certificate(id, `${first} ${last}`, cycle, version(completedOn), doneModules, previous);
      previous = certificate;
      outcome = "certified";
      // When do they do the next refresher? Most inside the window; some late; a few never.
      const r = random();
      const next = r < 0.88 ? addDays(certificate.expiresOn, -int(0, 59)) : r < 0.985 ? addDays(certificate.expiresOn, int(1, 150)) : null;
      const until = next && next <= stopOn ? next : stopOn;
      h.reminders(id, certificate, until, next);
      if (!next) break;
      day = next;
      cycle++;
    }
    statusCount.set(leftOn ? "left" : outcome, (statusCount.get(leftOn ? "left" : outcome) ?? 0) + 1);
  }

  await writeTransaction(async (tx) => await insertHistory(rows, tx));
  // Fresh statistics for the query planner after a bulk load.
  await sqlRun(db, db.engine === "sqlite" ? "pragma optimize" : "analyze");

  console.log(`Seeded "${LARGE_SCHEME}" (scheme ${scheme.id}) in ${db.location} in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  for (const [table, list] of Object.entries(rows)) console.log(`  ${table.padEnd(13)} ${list.length}`);
  console.log(`  outcomes: ${[...statusCount].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`Sign in as ${LARGE_TRAINER_EMAIL} with the password "${LARGE_TRAINER_PASSWORD}".`);
}

main()
  .then(closeConfiguredDatabase)
  .catch((error) => {
  console.error(error);
  process.exit(1);
});
