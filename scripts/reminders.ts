// Sends the refresher reminders that are due today. Safe to run any number of times a day:
// nothing is sent twice. Run it daily, e.g. from cron: 0 8 * * * cd /srv/training && npm run reminders
import "@/lib/database";
import { runReminders } from "@/lib/reminders/run";

runReminders()
  .then(({ reminders, digests }) => {
    console.log(`Sent ${reminders.length} reminder${reminders.length === 1 ? "" : "s"} and ${digests} trainer digest${digests === 1 ? "" : "s"}.`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
