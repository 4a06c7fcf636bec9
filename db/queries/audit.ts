import "server-only";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, type Tx } from "../client";
import { auditLog } from "../tables";

export type AuditEntry = {
  at: Date;
  actorId: number | null;
  schemeId: number | null;
  subjectPersonId?: number | null;
  action: string;
  details?: Record<string, unknown>;
};

export async function appendAudit(entry: AuditEntry, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.insert(auditLog)
      .values({ ...entry, details: entry.details ?? null });
  });
}

export async function listAudit(
  filter: { schemeId?: number; subjectPersonId?: number; action?: string; beforeId?: number; limit: number },
  db: DbOrTx = reader(),
) {
  const where: SQL[] = [];
  if (filter.schemeId !== undefined) where.push(eq(auditLog.schemeId, filter.schemeId));
  if (filter.subjectPersonId !== undefined) where.push(eq(auditLog.subjectPersonId, filter.subjectPersonId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.beforeId) where.push(lt(auditLog.id, filter.beforeId));
  return await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
