// Sends the refresher reminders that are due today. `npm run daily` runs this every day, then the
// anonymisation; this command is for running it by hand. Safe to run any number of times a day:
// nothing is sent twice, and two runs never overlap, even from different machines (lib/jobs/lock.ts).
import { closeConfiguredDatabase, openConfiguredDatabase } from "@/lib/database";
import { remindersUnderLock } from "@/lib/daily-jobs";
import { JOBS, refusedMessage } from "@/lib/jobs/lock";

async function main() {
  await openConfiguredDatabase();
  const run = await remindersUnderLock();
  if (!run.ran) {
    console.log(refusedMessage(JOBS.reminders, run));
    return;
  }
  const { reminders, digests } = run.result;
  console.log(`Sent ${reminders.length} reminder${reminders.length === 1 ? "" : "s"} and ${digests} trainer digest${digests === 1 ? "" : "s"}.`);
}

main()
  .then(closeConfiguredDatabase)
  .catch((error) => {
  console.error(error);
  process.exit(1);
});
