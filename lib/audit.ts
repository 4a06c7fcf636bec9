import "server-only";
import type { Tx } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { now } from "./clock";

/** Records who did what to whom, and when. Pass the transaction when the action is part of one. */
export async function audit(
  entry: {
    actorId: number | null;
    schemeId: number | null;
    subjectPersonId?: number | null;
    action: string;
    details?: Record<string, unknown>;
  },
  tx?: Tx,
): Promise<void> {
  await appendAudit({ ...entry, at: now() }, tx);
}
