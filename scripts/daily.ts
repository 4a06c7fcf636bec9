// The daily job: reminders, then anonymisation, then idle supported sessions (lib/daily-jobs.ts). Safe to run more than once a
// day: no reminder is sent twice and nobody is anonymised twice. Exits non-zero when any step
// failed, so cron (or whatever runs it) reports the failure. From cron:
//   0 8 * * * cd /srv/shared-lives-training && npm run daily
import "@/lib/database"; // configures where the database is, from the environment
import { runDailyJobs } from "@/lib/daily-jobs";

runDailyJobs()
  .then((results) => {
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
