import "server-only";
// Anonymising people who left more than the retention period ago (RETENTION_DAYS, six years by
// default: lib/env.ts). Their rows stay, so every count, attempt, completion and certificate still
// adds up; their name becomes "Anonymised person <id>", their email "anonymised-<id>@invalid",
// their password and sessions are gone, and free text about them is removed. Each person is
// anonymised in its own transaction together with its audit entry.
import { writeTransaction } from "@/db/client";
import { anonymisePersonRows, leaverCounts, leaversDue } from "@/db/queries/data-rights";
import type { Viewer } from "../access";
import { audit } from "../audit";
import { isoDateInLondon, now } from "../clock";
import { env } from "../env";
import { requireScheme } from "./scope";

/** Deactivated before this moment, and so due for anonymisation. */
export function retentionCutoff(at: Date = now(), retentionDays: number = env().retentionDays): Date {
  return new Date(at.getTime() - retentionDays * 86_400_000);
}

export type AnonymiseRun = { anonymised: { id: number; schemeId: number | null }[]; cutoff: Date };

/**
 * Anonymises everyone due. `actorId` is the trainer or admin who asked (null: the command line);
 * `schemeId` limits it to one scheme (null: every scheme, for the command line only).
 */
export async function anonymiseDue(opts: { actorId: number | null; schemeId: number | null; at?: Date; retentionDays?: number; dryRun?: boolean }): Promise<AnonymiseRun> {
  const at = opts.at ?? now();
  const cutoff = retentionCutoff(at, opts.retentionDays);
  const anonymised: AnonymiseRun["anonymised"] = [];
  if (opts.dryRun) {
    for (const p of await leaversDue(cutoff, opts.schemeId, Number.MAX_SAFE_INTEGER)) anonymised.push({ id: p.id, schemeId: p.schemeId });
    return { anonymised, cutoff };
  }
  for (;;) {
    const batch = await leaversDue(cutoff, opts.schemeId, 200);
    if (batch.length === 0) break;
    for (const person of batch) {
      await writeTransaction(async (tx) => {
        await anonymisePersonRows(person, at, tx);
        await audit(
          {
            actorId: opts.actorId,
            schemeId: person.schemeId,
            subjectPersonId: person.id,
            action: "anonymised",
            details: { deactivatedOn: person.deactivatedAt ? isoDateInLondon(person.deactivatedAt) : null, retentionDays: opts.retentionDays ?? env().retentionDays },
          },
          tx,
        );
      });
      anonymised.push({ id: person.id, schemeId: person.schemeId });
    }
  }
  return { anonymised, cutoff };
}

/** For the leavers page: the numbers and the first people due. */
export async function leaversOverview(viewer: Viewer, schemeId: number) {
  await requireScheme(viewer, schemeId);
  const cutoff = retentionCutoff();
  return { cutoff, retentionDays: env().retentionDays, counts: await leaverCounts(schemeId, cutoff), due: await leaversDue(cutoff, schemeId, 50) };
}

/** A trainer (or admin) anonymises their scheme's leavers who are due. */
export async function anonymiseScheme(viewer: Viewer, schemeId: number): Promise<AnonymiseRun> {
  await requireScheme(viewer, schemeId);
  return await anonymiseDue({ actorId: viewer.personId, schemeId });
}
