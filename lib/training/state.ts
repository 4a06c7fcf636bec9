import "server-only";
// Where a person is in their training: which cycle they are in (1 = recruitment training, then one
// a year), which modules they have completed in it, and their refresher status.
import { type DbOrTx, reader } from "@/db/client";
import type { CertificateRow } from "@/db/queries/certificates";
import { latestLiveCertificate, listCertificatesOfPerson } from "@/db/queries/certificates";
import { completionsInCycle, listAttempts, retrainMarkedAt, type CompletionRow } from "@/db/queries/training";
import { isoDateInLondon, today as todayInLondon } from "../clock";
import { refresherState } from "../refresher";

/** What the rules read of a certificate. */
export type CertificateFacts = Pick<CertificateRow, "id" | "cycle" | "issuedOn" | "expiresOn" | "revokedAt" | "supersededAt">;

export type TrainingState<C extends CertificateFacts = CertificateRow> = {
  cycle: number;
  status: ReturnType<typeof refresherState>;
  liveCertificate: C | undefined;
  completions: CompletionRow[];
  /** True in a refresher cycle: modules show as "to do again" while the old certificate stands. */
  isRefresher: boolean;
};

/** The certificate that counts now, from a person's certificates: as latestLiveCertificate() picks it. */
export function liveCertificateOf<T extends CertificateFacts>(certificates: T[]): T | undefined {
  let live: T | undefined;
  for (const c of certificates) {
    if (c.revokedAt || c.supersededAt) continue;
    if (!live || c.expiresOn > live.expiresOn || (c.expiresOn === live.expiresOn && c.id > live.id)) live = c;
  }
  return live;
}

/**
 * The cycle a person is in. With a live certificate: its cycle while it is complete, the next once
 * the refresher window opens. Without: one after the highest cycle they ever had a certificate for.
 */
export function currentCycle(today: string, live: CertificateFacts | undefined, marked: Date | null, highestCycle: number) {
  if (!live) return { cycle: highestCycle + 1, liveStatus: null };
  const liveStatus = refresherState(today, { issuedOn: live.issuedOn, expiresOn: live.expiresOn }, { retrainMarkedOn: marked ? isoDateInLondon(marked) : null });
  return { cycle: liveStatus.status === "complete" ? live.cycle : live.cycle + 1, liveStatus };
}

/**
 * The whole state, once the cycle's completions are known. Whether the cycle has an attempt is
 * asked only when it matters (no live certificate and no completion), so it may be a query.
 */
export async function stateOf<C extends CertificateFacts>(
  today: string,
  position: ReturnType<typeof currentCycle>,
  live: C | undefined,
  completions: CompletionRow[],
  attemptedInCycle: () => boolean | Promise<boolean>,
): Promise<TrainingState<C>> {
  const { cycle, liveStatus } = position;
  if (live && liveStatus) return { cycle, status: liveStatus, liveCertificate: live, completions, isRefresher: cycle > live.cycle };
  const started = completions.length > 0 || (await attemptedInCycle());
  return { cycle, status: refresherState(today, null, { startedCycle: started }), liveCertificate: undefined, completions, isRefresher: cycle > 1 };
}

export async function trainingState(personId: number, db: DbOrTx = reader(), today: string = todayInLondon()): Promise<TrainingState> {
  const live = await latestLiveCertificate(personId, db);
  const position = live
    ? currentCycle(today, live, await retrainMarkedAt(live.contentVersion, db), live.cycle)
    : currentCycle(today, undefined, null, Math.max(0, ...(await listCertificatesOfPerson(personId, db)).map((c) => c.cycle)));
  const completions = await completionsInCycle(personId, position.cycle, db);
  return stateOf(today, position, live, completions, async () => (await listAttempts(personId, undefined, db)).some((a) => a.cycle === position.cycle));
}
