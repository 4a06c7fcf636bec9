import "server-only";
// Where a person is in their training: which cycle they are in (1 = recruitment training, then one
// a year), which modules they have completed in it, and their refresher status.
import { type DbOrTx, reader } from "@/db/client";
import { latestLiveCertificate, listCertificatesOfPerson } from "@/db/queries/certificates";
import { completionsInCycle, listAttempts, retrainMarkedAt, type CompletionRow } from "@/db/queries/training";
import { isoDateInLondon, today as todayInLondon } from "../clock";
import { refresherState } from "../refresher";

export type TrainingState = {
  cycle: number;
  status: ReturnType<typeof refresherState>;
  liveCertificate: Awaited<ReturnType<typeof latestLiveCertificate>>;
  completions: CompletionRow[];
  /** True in a refresher cycle: modules show as "to do again" while the old certificate stands. */
  isRefresher: boolean;
};

export async function trainingState(personId: number, db: DbOrTx = reader(), today: string = todayInLondon()): Promise<TrainingState> {
  const live = await latestLiveCertificate(personId, db);
  if (live) {
    const marked = await retrainMarkedAt(live.contentVersion, db);
    const status = refresherState(today, { issuedOn: live.issuedOn, expiresOn: live.expiresOn }, {
      retrainMarkedOn: marked ? isoDateInLondon(marked) : null,
    });
    const cycle = status.status === "complete" ? live.cycle : live.cycle + 1;
    return { cycle, status, liveCertificate: live, completions: await completionsInCycle(personId, cycle, db), isRefresher: cycle > live.cycle };
  }
  const cycle = Math.max(0, ...(await listCertificatesOfPerson(personId, db)).map((c) => c.cycle)) + 1;
  const completions = await completionsInCycle(personId, cycle, db);
  const started = completions.length > 0 || (await listAttempts(personId, undefined, db)).some((a) => a.cycle === cycle);
  return { cycle, status: refresherState(today, null, { startedCycle: started }), liveCertificate: undefined, completions, isRefresher: cycle > 1 };
}
