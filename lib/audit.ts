import "server-only";
import { type DbOrTx, getDb } from "@/db/client";
import { appendAudit } from "@/db/queries/audit";
import { now } from "./clock";

/** Records who did what to whom, and when. Pass the transaction when the action is part of one. */
export function audit(
  entry: {
    actorId: number | null;
    schemeId: number | null;
    subjectPersonId?: number | null;
    action: string;
    details?: Record<string, unknown>;
  },
  db: DbOrTx = getDb(),
): void {
  appendAudit({ ...entry, at: now() }, db);
}
