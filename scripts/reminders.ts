// Sends the refresher reminders that are due today. `npm run daily` runs this every day, then the
// anonymisation; this command is for running it by hand. Safe to run any number of times a day:
// nothing is sent twice.
import { runReminders } from "@/lib/reminders/run";

runReminders()
  .then(({ reminders, digests }) => {
    console.log(`Sent ${reminders.length} reminder${reminders.length === 1 ? "" : "s"} and ${digests} trainer digest${digests === 1 ? "" : "s"}.`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
