// The daily job: reminders, then anonymisation, then idle supported sessions (lib/daily-jobs.ts). Safe to run more than once a
// day: no reminder is sent twice and nobody is anonymised twice. Exits non-zero when any step
// failed, so cron (or whatever runs it) reports the failure. From cron:
//   0 8 * * * cd /srv/shared-lives-training && npm run daily
import { closeConfiguredDatabase } from "@/lib/database";
import { runDailyJobs } from "@/lib/daily-jobs";

// Each step opens the database itself, so that a database that cannot be opened is reported as
// each step's failure. (The site applies migrations at start; this job does not.)
runDailyJobs()
  .then(async (results) => {
    await closeConfiguredDatabase();
    for (const result of results) {
      if (result.ok) console.log(`${result.step}: ${result.summary}.`);
      else console.error(`${result.step}: FAILED`, result.error);
    }
    if (results.some((result) => !result.ok)) process.exit(1);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
