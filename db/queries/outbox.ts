import "server-only";
import { and, desc, eq, inArray, like, or } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, type Tx } from "../client";
import { one } from "../dialect";
import { outbox } from "../tables";

export type OutboxInsert = typeof outbox.$inferInsert;

export async function insertOutboxMessage(values: OutboxInsert, tx?: Tx) {
  return await onWriter(tx, async (db) => {
    return one(await db.insert(outbox).values(values).returning({ id: outbox.id }));
  });
}

export async function markOutboxSent(id: number, at: Date, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.update(outbox).set({ sentAt: at, error: null }).where(eq(outbox.id, id));
  });
}

export async function markOutboxFailed(id: number, error: string, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.update(outbox).set({ error }).where(eq(outbox.id, id));
  });
}

/**
 * The demo outbox: mail written in demo mode to an address at the demo's own domain or to someone
 * invited in demo mode, of one scheme (or, for an admin, all of them), newest first.
 */
export async function listDemoOutbox(schemeId: number | null, demoDomain: string, limit: number, db: DbOrTx = reader()) {
  const invitedInDemo = db
    .select({ to: outbox.toAddress })
    .from(outbox)
    .where(and(eq(outbox.transport, "demo-outbox"), eq(outbox.kind, "invitation")));
  return await db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.transport, "demo-outbox"),
        schemeId === null ? undefined : eq(outbox.schemeId, schemeId),
        or(like(outbox.toAddress, `%@${demoDomain}`), inArray(outbox.toAddress, invitedInDemo)),
      ),
    )
    .orderBy(desc(outbox.id))
    .limit(limit);
}

export async function listOutboxTo(address: string, db: DbOrTx = reader()) {
  return await db.select().from(outbox).where(eq(outbox.toAddress, address.toLowerCase())).orderBy(desc(outbox.id));
}
