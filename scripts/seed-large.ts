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
import { openConfiguredDatabase } from "@/lib/database";
import { rawConnection } from "@/db/raw";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { InferInsertModel } from "drizzle-orm";
import { type Tx, writeTransaction } from "@/db/client";
import { findSchemeByName } from "@/db/queries/people";
import * as schema from "@/db/schema";
import { hashPassword } from "@/lib/auth/hashing";
import { newCertificateCode } from "@/lib/certificates/code";
import { today as todayInLondon } from "@/lib/clock";
import { course } from "@/lib/content/course";
import { scenarioBank } from "@/lib/content/scenarios";
import { addDays } from "@/lib/dates";
import { nextCertificateDates } from "@/lib/refresher";

const { values: args } = parseArgs({
  options: { people: { type: "string" }, years: { type: "string" }, seed: { type: "string" } },
});
// Read by openConfiguredDatabase() when it first opens the database, below.
process.env.DATABASE_PATH ||= join("data", "large.db");

export const LARGE_SCHEME = "Large test scheme (generated)";
export const LARGE_TRAINER_EMAIL = "trainer@large.example";
export const LARGE_TRAINER_PASSWORD = "large-scheme-trainer";

const PEOPLE = Number(args.people ?? 10_000);
const YEARS = Number(args.years ?? 5);
const SEED = Number(args.seed ?? 1);

// A small deterministic random number generator (mulberry32).
let state = SEED >>> 0 || 1;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const chance = (p: number) => random() < p;
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
function sample<T>(items: readonly T[], n: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

const FIRST = ["Aisha", "Ben", "Chloe", "Dev", "Ellie", "Femi", "Grace", "Harry", "Imran", "Jade", "Kofi", "Lily", "Mo", "Nina", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tom", "Uma", "Vic", "Wes", "Yusuf", "Zara", "Alan", "Beth", "Carl", "Dina", "Eve"];
const LAST = ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nowak", "Okafor", "Patel", "Quinn", "Roberts", "Smith", "Taylor", "Walker", "Wilson", "Wright", "Young"];
const OFFICERS = ["Jo Bloggs (Shared Lives officer)", "Pat Singh (Shared Lives officer)", "Chris Lee (Shared Lives officer)"];

const msOf = (iso: string, minutes = 600) => Date.parse(`${iso}T00:00:00Z`) + minutes * 60_000;

async function main() {
  const db = openConfiguredDatabase();
  if (await findSchemeByName(LARGE_SCHEME)) {
    console.error(`"${LARGE_SCHEME}" already exists in ${process.env.DATABASE_PATH}. Delete that file (or set DATABASE_PATH) to seed again.`);
    process.exit(1);
  }
  const started = Date.now();
  const today = todayInLondon();
  const firstDay = addDays(today, -Math.round(YEARS * 365.25));
  const bank = scenarioBank();
  const modules = course.modules;
  const scenarioIds = new Map(modules.map((m) => [m, [...bank.get(m)!.keys()]]));
  const pages = new Map(
    modules.map((m) => [
      m,
      readdirSync(join(process.cwd(), "content", "modules", m))
        .filter((f) => f.endsWith(".mdx") && f !== "index.mdx")
        .map((f) => f.replace(/\.mdx$/, "")),
    ]),
  );
  const passwordHash = await hashPassword(LARGE_TRAINER_PASSWORD);

  const maxId = (table: string) => (rawConnection(db).prepare(`select coalesce(max(id), 0) as n from ${table}`).get() as { n: number }).n;
  let personId = maxId("people");
  let attemptId = maxId("quiz_attempts");
  let certId = maxId("certificates");

  const rows = {
    people: [] as InferInsertModel<typeof schema.people>[],
    intakes: [] as InferInsertModel<typeof schema.intakes>[],
    invitations: [] as InferInsertModel<typeof schema.invitations>[],
    pageReads: [] as InferInsertModel<typeof schema.pageReads>[],
    checkAnswers: [] as InferInsertModel<typeof schema.checkAnswers>[],
    attempts: [] as InferInsertModel<typeof schema.quizAttempts>[],
    answers: [] as InferInsertModel<typeof schema.quizAnswers>[],
    completions: [] as InferInsertModel<typeof schema.moduleCompletions>[],
    certificates: [] as InferInsertModel<typeof schema.certificates>[],
    reminders: [] as InferInsertModel<typeof schema.remindersSent>[],
    audit: [] as InferInsertModel<typeof schema.auditLog>[],
  };

  const scheme = await writeTransaction((tx) => tx.insert(schema.schemes).values({ name: LARGE_SCHEME }).returning().get());
  const trainerIds: number[] = [];
  for (const [i, email] of [LARGE_TRAINER_EMAIL, "trainer2@large.example"].entries()) {
    const id = ++personId;
    trainerIds.push(id);
    rows.people.push({ id, name: i === 0 ? "Lara Large (trainer)" : "Toby Trainer", email, role: "trainer", schemeId: scheme.id, active: true, passwordHash, createdAt: new Date(msOf(firstDay)) });
  }

  // An intake every quarter; before the first ones, people joined without an intake.
  let intakeId = maxId("intakes");
  const intakes: { id: number; startDate: string }[] = [];
  for (let d = firstDay; d <= addDays(today, 30); d = addDays(d, 91)) {
    const id = ++intakeId;
    const [y, m] = d.split("-");
    intakes.push({ id, startDate: d });
    rows.intakes.push({ id, schemeId: scheme.id, name: `Intake ${y}-${m} (${intakes.length})`, startDate: d, createdBy: trainerIds[0]!, createdAt: new Date(msOf(addDays(d, -30))) });
  }

  const audit = (at: number, actorId: number | null, subject: number, action: string, details: Record<string, unknown> = {}) =>
    rows.audit.push({ at: new Date(at), actorId, schemeId: scheme.id, subjectPersonId: subject, action, details });

  const version = (iso: string) => `${iso.slice(0, 4)}.1`;
  const statusCount = new Map<string, number>();

  for (let n = 0; n < PEOPLE; n++) {
    const id = ++personId;
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
    const email = `${first}.${last}.${id}@large.example`.toLowerCase();
    rows.people.push({
      id,
      name: `${first} ${last}`,
      email,
      role,
      schemeId: scheme.id,
      intakeId: intake && chance(0.85) ? intake.id : null,
      active: !leftOn,
      createdAt: new Date(msOf(joined, 540)),
      deactivatedAt: leftOn ? new Date(msOf(leftOn, 700)) : null,
    });
    rows.invitations.push({
      tokenHash: randomBytes(32).toString("hex"),
      email,
      name: `${first} ${last}`,
      role,
      schemeId: scheme.id,
      intakeId: intake?.id ?? null,
      invitedBy: trainerIds[0]!,
      createdAt: new Date(msOf(addDays(joined, -3))),
      expiresAt: new Date(msOf(addDays(joined, 11))),
      usedAt: new Date(msOf(joined, 540)),
      personId: id,
    });
    audit(msOf(joined, 540), id, id, "accepted-invitation");
    if (leftOn) audit(msOf(leftOn, 700), trainerIds[0]!, id, "deactivated");

    let day = addDays(joined, int(0, 20));
    let cycle = 1;
    let previous: { id: number; expiresOn: string; row: InferInsertModel<typeof schema.certificates> } | null = null;
    let outcome = "not-started";
    while (day <= stopOn) {
      // Reading (first cycle) and a few knowledge checks.
      if (cycle === 1) {
        for (const m of modules) for (const p of pages.get(m)!) if (chance(0.9)) rows.pageReads.push({ personId: id, moduleSlug: m, pageSlug: p, firstReadAt: new Date(msOf(day, 600)), lastReadAt: new Date(msOf(day, 620)) });
        for (let k = 0; k < 3; k++) rows.checkAnswers.push({ personId: id, checkId: `gr-check-${k}`, optionIndex: int(0, 2), correct: chance(0.8), answeredAt: new Date(msOf(day, 630)) });
      }
      const stalls = chance(cycle === 1 ? 0.04 : 0.015);
      const doneModules: { slug: string; completedOn: string; score: number | null; total: number | null; assisted: boolean }[] = [];
      let moduleDay = day;
      for (const [mi, m] of modules.entries()) {
        if (moduleDay > stopOn) break;
        if (stalls && mi >= int(0, 2)) {
          // Started the quiz, never finished.
          const aid = ++attemptId;
          const ids = sample(scenarioIds.get(m)!, 5);
          rows.attempts.push({ id: aid, personId: id, moduleSlug: m, cycle, contentVersion: version(moduleDay), scenarioIds: ids, startedAt: new Date(msOf(moduleDay, 700)), total: 5 });
          rows.answers.push({ attemptId: aid, scenarioId: ids[0]!, optionId: "a", best: false, answeredAt: new Date(msOf(moduleDay, 702)) });
          audit(msOf(moduleDay, 700), id, id, "started-quiz", { attemptId: aid, module: m, cycle });
          break;
        }
        if (chance(0.03)) {
          rows.completions.push({ personId: id, moduleSlug: m, cycle, completedOn: moduleDay, recordedAt: new Date(msOf(moduleDay, 800)), contentVersion: version(moduleDay), assisted: true, assistedBy: pick(OFFICERS), evidence: "Completed the paper workbook with their officer.", recordedBy: trainerIds[0]! });
          audit(msOf(moduleDay, 800), trainerIds[0]!, id, "recorded-assisted-completion", { module: m, cycle, completedOn: moduleDay });
          doneModules.push({ slug: m, completedOn: moduleDay, score: null, total: null, assisted: true });
        } else {
          const tries = chance(0.15) ? 2 : 1;
          for (let t = 1; t <= tries; t++) {
            const aid = ++attemptId;
            const ids = sample(scenarioIds.get(m)!, 5);
            const pass = t === tries;
            const score = pass ? (chance(0.6) ? 5 : 4) : int(1, 3);
            const start = msOf(moduleDay, 700 + t * 30);
            ids.forEach((sid, i) => {
              const options = bank.get(m)!.get(sid)!.options;
              const best = options.find((o) => o.best)!.id;
              const wrong = options.filter((o) => !o.best);
              const right = i < score;
              if (chance(0.1)) rows.answers.push({ attemptId: aid, scenarioId: sid, optionId: pick(wrong).id, best: false, answeredAt: new Date(start + i * 60_000 + 10_000) });
              rows.answers.push({ attemptId: aid, scenarioId: sid, optionId: right ? best : pick(wrong).id, best: right, answeredAt: new Date(start + i * 60_000 + 30_000) });
            });
            rows.attempts.push({ id: aid, personId: id, moduleSlug: m, cycle, contentVersion: version(moduleDay), scenarioIds: ids, startedAt: new Date(start), submittedAt: new Date(start + 8 * 60_000), score, total: 5, passed: pass });
            audit(start, id, id, "started-quiz", { attemptId: aid, module: m, cycle });
            audit(start + 8 * 60_000, id, id, "submitted-quiz", { attemptId: aid, module: m, score, total: 5, passed: pass });
          }
          rows.completions.push({ personId: id, moduleSlug: m, cycle, completedOn: moduleDay, recordedAt: new Date(msOf(moduleDay, 800)), score: 5, total: 5, attemptId, contentVersion: version(moduleDay) });
          audit(msOf(moduleDay, 800), id, id, "completed-module", { module: m, cycle, completedOn: moduleDay });
          doneModules.push({ slug: m, completedOn: moduleDay, score: 5, total: 5, assisted: false });
        }
        moduleDay = addDays(moduleDay, int(0, 6));
      }
      if (doneModules.length < modules.length) {
        outcome = doneModules.length || stalls ? "in-progress" : "not-started";
        break;
      }
      const completedOn = doneModules.at(-1)!.completedOn;
      const dates = nextCertificateDates(completedOn, previous);
      const cid = ++certId;
      const certificate: InferInsertModel<typeof schema.certificates> = {
        id: cid,
        code: newCertificateCode(),
        personId: id,
        schemeId: scheme.id,
        holderName: `${first} ${last}`,
        courseId: course.id,
        courseTitle: course.title,
        contentVersion: version(completedOn),
        cycle,
        issuedOn: dates.issuedOn,
        expiresOn: dates.expiresOn,
        modules: doneModules.map((d) => ({ ...d, title: d.slug })),
        createdAt: new Date(msOf(completedOn, 810)),
      };
      rows.certificates.push(certificate);
      if (previous) {
        previous.row.supersededAt = new Date(msOf(completedOn, 810));
        previous.row.supersededById = cid;
      }
      audit(msOf(completedOn, 810), id, id, "issued-certificate", { certificateId: cid, cycle, expiresOn: dates.expiresOn });
      previous = { id: cid, expiresOn: dates.expiresOn, row: certificate };
      outcome = "certified";
      // When do they do the next refresher? Most inside the window; some late; a few never.
      const r = random();
      const next = r < 0.88 ? addDays(dates.expiresOn, -int(0, 59)) : r < 0.985 ? addDays(dates.expiresOn, int(1, 150)) : null;
      const until = next && next <= stopOn ? next : stopOn;
      for (const [stage, offset] of [["30-days", -30], ["7-days", -7], ["due", 0], ["overdue", 1]] as const) {
        const on = addDays(dates.expiresOn, offset);
        if (on <= until && (!next || on < next)) rows.reminders.push({ personId: id, certificateId: cid, stage, sentAt: new Date(msOf(on, 420)) });
      }
      if (!next) break;
      day = next;
      cycle++;
    }
    statusCount.set(leftOn ? "left" : outcome, (statusCount.get(leftOn ? "left" : outcome) ?? 0) + 1);
  }

  const insert = <T extends Record<string, unknown>>(table: Parameters<Tx["insert"]>[0], list: T[], tx: Tx) => {
    if (list.length === 0) return;
    // Every column of the table is bound for every row: 1,000 rows of up to 18 columns stay under SQLite's 32,766 variables.
    const chunk = 1000;
    for (let i = 0; i < list.length; i += chunk) tx.insert(table).values(list.slice(i, i + chunk) as never).run();
  };
  await writeTransaction((tx) => {
    insert(schema.people, rows.people.slice(0, 2), tx);
    insert(schema.intakes, rows.intakes, tx);
    insert(schema.people, rows.people.slice(2), tx);
    insert(schema.invitations, rows.invitations, tx);
    insert(schema.pageReads, rows.pageReads, tx);
    insert(schema.checkAnswers, rows.checkAnswers, tx);
    insert(schema.quizAttempts, rows.attempts, tx);
    insert(schema.quizAnswers, rows.answers, tx);
    insert(schema.moduleCompletions, rows.completions, tx);
    insert(schema.certificates, rows.certificates, tx);
    insert(schema.remindersSent, rows.reminders, tx);
    rows.audit.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
    insert(schema.auditLog, rows.audit, tx);
  });
  rawConnection(db).pragma("optimize");

  console.log(`Seeded "${LARGE_SCHEME}" (scheme ${scheme.id}) in ${process.env.DATABASE_PATH} in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  for (const [table, list] of Object.entries(rows)) console.log(`  ${table.padEnd(13)} ${list.length}`);
  console.log(`  outcomes: ${[...statusCount].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`Sign in as ${LARGE_TRAINER_EMAIL} with the password "${LARGE_TRAINER_PASSWORD}".`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
