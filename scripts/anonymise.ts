// Anonymises everyone who was deactivated more than RETENTION_DAYS ago (six years by default; see
// lib/env.ts and docs/trainer-matrix.md). Run it daily, for example from cron, next to the
// reminders. Their rows stay (counts and completions still add up); what identifies them goes.
//
// Usage: npm run anonymise [-- --dry-run] [-- --scheme <id>]
import { parseArgs } from "node:util";
import { openConfiguredDatabase } from "@/lib/database";
import { isoDateInLondon } from "@/lib/clock";
import { env } from "@/lib/env";
import { anonymiseDue, retentionCutoff } from "@/lib/trainer/anonymise";

async function main() {
  const { values } = parseArgs({ options: { "dry-run": { type: "boolean" }, scheme: { type: "string" } } });
  const schemeId = values.scheme === undefined ? null : Number(values.scheme);
  if (schemeId !== null && (!Number.isSafeInteger(schemeId) || schemeId < 1)) {
    console.error("Usage: npm run anonymise -- [--dry-run] [--scheme <id>]");
    process.exit(2);
  }
  openConfiguredDatabase();
  const { retentionDays } = env();
  const cutoff = retentionCutoff();
  const run = await anonymiseDue({ actorId: null, schemeId, dryRun: Boolean(values["dry-run"]) });
  const verb = values["dry-run"] ? "Would anonymise" : "Anonymised";
  console.log(
    `${verb} ${run.anonymised.length} ${run.anonymised.length === 1 ? "person" : "people"} deactivated before ${isoDateInLondon(cutoff)} ` +
      `(retention ${retentionDays} days${schemeId ? `, scheme ${schemeId}` : ""}).`,
  );
  if (values["dry-run"] && run.anonymised.length) console.log(`  ids: ${run.anonymised.map((p) => p.id).join(", ")}`);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exit(1);
}
