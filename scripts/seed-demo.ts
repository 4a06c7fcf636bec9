// Demo data, for demo mode only (DEMO_MODE; seedDemo() refuses otherwise): the demo accounts, a
// scheme of about 40 invented people with two years of history dated from today, and a second
// small scheme with its own trainer. Safe to run again: the accounts are made once, the history is
// written once per database (a later run keeps it, as a real scheme's history is kept), and the
// reminders job runs, which sends nothing twice.
import { closeConfiguredDatabase, openConfiguredDatabase } from "@/lib/database";
import { writeTransaction } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { highestIds, insertHistory } from "@/db/queries/history";
import { findPersonByEmail, findSchemeByName, insertPerson, insertScheme } from "@/db/queries/people";
import { hashPassword } from "@/lib/auth/hashing";
import { isoDateInLondon, now, today as todayInLondon } from "@/lib/clock";
import { addDays } from "@/lib/dates";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SCHEME, RIVERSIDE_SCHEME } from "@/lib/demo/accounts";
import { DEMO_GUIDE, demoCertificateCode } from "@/lib/demo/guide";
import { env, startAddress } from "@/lib/env";
import { invite } from "@/lib/invitations";
import { runReminders } from "@/lib/reminders/run";
import { schemeDetailsForm } from "@/lib/scheme-details/schema";
import { saveSchemeDetails, schemeDetailsForManager } from "@/lib/scheme-details/service";
import { buildScheme } from "./demo/build";
import { DEMO_CAST, RIVERSIDE_CAST } from "./demo/cast";
import { DEMO_SCHEME_DETAILS } from "./demo/scheme-details";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SCHEME, RIVERSIDE_SCHEME };

export class DemoModeOff extends Error {
  constructor() {
    super("Demo data is only written in demo mode (DEMO_MODE=true, which `npm run demo` sets). Nothing was written.");
  }
}

export type DemoSeed = { seconds: number; wroteHistory: boolean; historyFrom: string; today: string; remindersToday: number };

export async function seedDemo(): Promise<DemoSeed> {
  if (!env().demoMode) throw new DemoModeOff();
  const started = performance.now();
  await openConfiguredDatabase();
  const today = todayInLondon();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const trainers = await writeTransaction(async (tx) => {
    const schemes = new Map<string, { id: number }>();
    for (const name of [DEMO_SCHEME, RIVERSIDE_SCHEME]) schemes.set(name, (await findSchemeByName(name, tx)) ?? (await insertScheme(name, tx)));
    for (const account of DEMO_ACCOUNTS) {
      if (await findPersonByEmail(account.email, tx)) continue;
      const person = await insertPerson({ name: account.name, email: account.email, role: account.role, schemeId: account.scheme ? schemes.get(account.scheme)!.id : null, passwordHash }, tx);
      await appendAudit({ at: now(), actorId: null, schemeId: person.schemeId, subjectPersonId: person.id, action: "seeded-demo-account" }, tx);
    }
    const found = [];
    for (const name of [DEMO_SCHEME, RIVERSIDE_SCHEME]) {
      const trainer = DEMO_ACCOUNTS.find((a) => a.scheme === name && a.role === "trainer")!;
      found.push({ scheme: schemes.get(name)!, trainer: (await findPersonByEmail(trainer.email, tx))! });
    }
    return found;
  });
  const [demo, riverside] = trainers as [(typeof trainers)[number], (typeof trainers)[number]];

  // The history is written once per database; its first person shows whether it is there.
  const first = DEMO_CAST.people[0]!;
  const existing = await findPersonByEmail(first.email);
  if (!existing) {
    const ids = await highestIds();
    const main = buildScheme({ cast: DEMO_CAST, schemeId: demo.scheme.id, trainer: demo.trainer, today, ids, passwordHash, seed: 1 });
    const other = buildScheme({ cast: RIVERSIDE_CAST, schemeId: riverside.scheme.id, trainer: riverside.trainer, today, ids, passwordHash, seed: 2 });
    await writeTransaction(async (tx) => {
      await insertHistory(main.rows, tx);
      await insertHistory(other.rows, tx);
    });
    // An invitation waiting to be accepted, sent today by the real invitation code (its link is in the outbox).
    const viewer = { personId: demo.trainer.id, name: demo.trainer.name, email: demo.trainer.email, role: demo.trainer.role, schemeId: demo.scheme.id, sessionId: "demo-seed" };
    await invite(viewer, { email: "noah.bennett@demo.example", name: "Noah Bennett", role: "carer", schemeId: demo.scheme.id, intakeId: main.rows.intakes.at(-1)!.id ?? null });
  }
  // The demo scheme's contacts, saved once as its trainer would (checked and audited); a later run
  // keeps whatever a trainer has changed them to.
  const trainerViewer = { personId: demo.trainer.id, name: demo.trainer.name, email: demo.trainer.email, role: demo.trainer.role, schemeId: demo.scheme.id, sessionId: "demo-seed" };
  if (!(await schemeDetailsForManager(trainerViewer, demo.scheme.id)).details) {
    await saveSchemeDetails(trainerViewer, demo.scheme.id, schemeDetailsForm.parse(DEMO_SCHEME_DETAILS));
  }
  const historyFrom = existing ? addDays(isoDateInLondon(existing.createdAt), -first.joined) : today;
  // Today's reminders and the trainers' digest, by the real job (a run later the same day sends nothing).
  const run = await runReminders();
  return { seconds: (performance.now() - started) / 1000, wroteHistory: !existing, historyFrom, today, remindersToday: run.reminders.length };
}

export async function printDemoAccounts(url: string, seed?: DemoSeed): Promise<void> {
  const line = "=".repeat(76);
  const code = await demoCertificateCode();
  console.log(`\n${line}\n  DEMO MODE: example accounts for trying the site. Invented people, not real ones.\n${line}`);
  console.log(`  Site: ${url}\n  Password for every demo account: ${DEMO_PASSWORD}\n\n  What to try:`);
  for (const t of DEMO_GUIDE) console.log(`  ${t.email.padEnd(31)} ${t.what}`);
  if (code) console.log(`  ${"anyone, signed out".padEnd(31)} Check certificate ${code} at ${url}/verify`);
  console.log(`\n  Emails (invitations, sign-in links, reminders) are kept in the outbox: ${url}/trainer/outbox`);
  if (seed) {
    console.log(`  Demo data ${seed.wroteHistory ? "written" : "already there"} in ${seed.seconds.toFixed(2)} s; ${seed.remindersToday} reminders sent today.`);
    if (seed.historyFrom !== seed.today) {
      console.log(`  The demo history was dated from ${seed.historyFrom}; statuses have moved on since, as a real scheme's would.`);
      console.log("  For a demo dated today, stop the site, delete data/shared-lives.db and run npm run demo again.");
    }
  }
  console.log(`${line}\n`);
}

if (process.argv[1]?.endsWith("seed-demo.ts")) {
  seedDemo()
    .then((seed) => printDemoAccounts(startAddress(), seed))
    .then(closeConfiguredDatabase)
    .catch((error) => {
      console.error(error instanceof DemoModeOff ? error.message : error);
      process.exit(1);
    });
}
