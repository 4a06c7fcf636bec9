// Sends the refresher reminders that are due today. Safe to run any number of times a day:
// nothing is sent twice. Run it daily, e.g. from cron: 0 8 * * * cd /srv/training && npm run reminders
// Two runs never overlap, even from different machines: the second is refused (lib/jobs/lock.ts).
import { pruneRequestCounts } from "@/db/queries/shared-state";
import { now } from "@/lib/clock";
import { JOBS, refusedMessage, withJobLock } from "@/lib/jobs/lock";
import { runReminders } from "@/lib/reminders/run";

async function main() {
  const run = await withJobLock(JOBS.reminders, async () => {
    const result = await runReminders();
    // Rate-limit counts of windows that ended more than a day ago are of no further use.
    await pruneRequestCounts(now().getTime() - 24 * 60 * 60_000);
    return result;
  });
  if (!run.ran) {
    console.log(refusedMessage(JOBS.reminders, run));
    return;
  }
  const { reminders, digests } = run.result;
  console.log(`Sent ${reminders.length} reminder${reminders.length === 1 ? "" : "s"} and ${digests} trainer digest${digests === 1 ? "" : "s"}.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
