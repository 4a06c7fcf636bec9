import "server-only";
// The one daily job: refresher reminders, then anonymising people who left more than the retention
// period ago (what the leavers page promises "runs every day"). Each step runs even when the one
// before it failed, and each step's outcome is reported, so one broken step cannot hide another.
import { runReminders } from "./reminders/run";
import { anonymiseDue } from "./trainer/anonymise";

export type DailyStepResult = { step: string; ok: true; summary: string } | { step: string; ok: false; error: unknown };

type DailyStep = { step: string; run: () => Promise<string> | string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const DAILY_STEPS: readonly DailyStep[] = [
  {
    step: "reminders",
    run: async () => {
      const { reminders, digests } = await runReminders();
      return `sent ${plural(reminders.length, "reminder", "reminders")} and ${plural(digests, "trainer digest", "trainer digests")}`;
    },
  },
  {
    step: "anonymisation",
    // Not awaited while anonymiseDue is synchronous (lint refuses awaiting a non-promise); when the
    // data layer turns async, the type checker flags this line until an await is added.
    run: () => {
      const { anonymised } = anonymiseDue({ actorId: null, schemeId: null });
      return `anonymised ${plural(anonymised.length, "person", "people")} who left more than the retention period ago`;
    },
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
