// Anonymises everyone who was deactivated more than RETENTION_DAYS ago (six years by default; see
// lib/env.ts and docs/trainer-matrix.md). `npm run daily` runs this every day after the reminders;
// this command is for running it by hand. Their rows stay (counts and completions still add up); what identifies them goes.
//
// Usage: npm run anonymise [-- --dry-run] [-- --scheme <id>]
import { closeConfiguredDatabase, openConfiguredDatabase } from "@/lib/database";
import { parseArgs } from "node:util";
import { isoDateInLondon } from "@/lib/clock";
import { env } from "@/lib/env";
import { anonymiseUnderLock } from "@/lib/daily-jobs";
import { JOBS, refusedMessage } from "@/lib/jobs/lock";
import { retentionCutoff } from "@/lib/trainer/anonymise";

async function main() {
  const { values } = parseArgs({ options: { "dry-run": { type: "boolean" }, scheme: { type: "string" } } });
  const schemeId = values.scheme === undefined ? null : Number(values.scheme);
  if (schemeId !== null && (!Number.isSafeInteger(schemeId) || schemeId < 1)) {
    console.error("Usage: npm run anonymise -- [--dry-run] [--scheme <id>]");
    process.exit(2);
  }
  await openConfiguredDatabase();
  const { retentionDays } = env();
  const cutoff = retentionCutoff();
  // Two runs never overlap, even from different machines: the second is refused (lib/jobs/lock.ts).
  const locked = await anonymiseUnderLock({ actorId: null, schemeId, dryRun: Boolean(values["dry-run"]) });
  if (!locked.ran) {
    console.log(refusedMessage(JOBS.anonymise, locked));
    return;
  }
  const run = locked.result;
  const verb = values["dry-run"] ? "Would anonymise" : "Anonymised";
  console.log(
    `${verb} ${run.anonymised.length} ${run.anonymised.length === 1 ? "person" : "people"} deactivated before ${isoDateInLondon(cutoff)} ` +
      `(retention ${retentionDays} days${schemeId ? `, scheme ${schemeId}` : ""}).`,
  );
  if (values["dry-run"] && run.anonymised.length) console.log(`  ids: ${run.anonymised.map((p) => p.id).join(", ")}`);
}

main()
  .then(closeConfiguredDatabase)
  .catch((error) => {
  console.error(error);
  process.exit(1);
});
