import "server-only";
// The one daily job: refresher reminders, then anonymising people who left more than the retention
// period ago (what the leavers page promises "runs every day"), then ending supported sessions
// nobody came back to (each request ends an idle one itself; this records the rest in the audit log). Each step runs even when the one
// before it failed, and each step's outcome is reported, so one broken step cannot hide another.
// Each step holds its job lock (lib/jobs/lock.ts), also when run on its own by its script, so two
// machines never run the same step at once.
import { pruneRequestCounts } from "@/db/queries/shared-state";
import { now } from "./clock";
import { JOBS, type Locked, refusedMessage, withJobLock } from "./jobs/lock";
import { type ReminderRun, runReminders } from "./reminders/run";
import { endIdleSupportedSessions } from "./support/session";
import { type AnonymiseRun, anonymiseDue } from "./trainer/anonymise";

const DAY_MS = 24 * 60 * 60_000;

/** The reminders due today, under the reminders lock; also prunes spent verification rate-limit counts. */
export async function remindersUnderLock(): Promise<Locked<ReminderRun>> {
  return await withJobLock(JOBS.reminders, async () => {
    const result = await runReminders();
    // Rate-limit counts of windows that ended more than a day ago are of no further use.
    await pruneRequestCounts(now().getTime() - DAY_MS);
    return result;
  });
}

/** Anonymises those due, under the anonymisation lock. */
export async function anonymiseUnderLock(options: Parameters<typeof anonymiseDue>[0]): Promise<Locked<AnonymiseRun>> {
  return await withJobLock(JOBS.anonymise, async () => await anonymiseDue(options));
}

export type DailyStepResult = { step: string; ok: true; summary: string } | { step: string; ok: false; error: unknown };

type DailyStep = { step: string; run: () => Promise<string> | string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const DAILY_STEPS: readonly DailyStep[] = [
  {
    step: "reminders",
    run: async () => {
      const run = await remindersUnderLock();
      if (!run.ran) return refusedMessage(JOBS.reminders, run);
      const { reminders, digests } = run.result;
      return `sent ${plural(reminders.length, "reminder", "reminders")} and ${plural(digests, "trainer digest", "trainer digests")}`;
    },
  },
  {
    step: "anonymisation",
    run: async () => {
      const run = await anonymiseUnderLock({ actorId: null, schemeId: null });
      if (!run.ran) return refusedMessage(JOBS.anonymise, run);
      const { anonymised } = run.result;
      return `anonymised ${plural(anonymised.length, "person", "people")} who left more than the retention period ago`;
    },
  },
  {
    // No job lock: ending a session is conditional (once, whoever runs first), so two runs are harmless.
    step: "supported sessions",
    run: async () => `ended ${plural(await endIdleSupportedSessions(), "supported session", "supported sessions")} left idle`,
  },
];

export async function runDailyJobs(steps: readonly DailyStep[] = DAILY_STEPS): Promise<DailyStepResult[]> {
  const results: DailyStepResult[] = [];
  for (const { step, run } of steps) {
    try {
      results.push({ step, ok: true, summary: await run() });
    } catch (error) {
      results.push({ step, ok: false, error });
    }
  }
  return results;
}
