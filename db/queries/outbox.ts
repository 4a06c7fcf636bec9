import { desc, eq } from "drizzle-orm";
import { type DbOrTx, type Tx, onWriter, reader } from "../client";
import { outbox } from "../schema";

export type OutboxInsert = typeof outbox.$inferInsert;

export async function insertOutboxMessage(values: OutboxInsert, tx?: Tx) {
  return onWriter(tx, (db) => {
    return db.insert(outbox).values(values).returning({ id: outbox.id }).get();
  });
}

export async function markOutboxSent(id: number, at: Date, tx?: Tx): Promise<void> {
  return onWriter(tx, (db) => {
    db.update(outbox).set({ sentAt: at, error: null }).where(eq(outbox.id, id)).run();
  });
}

export async function markOutboxFailed(id: number, error: string, tx?: Tx): Promise<void> {
  return onWriter(tx, (db) => {
    db.update(outbox).set({ error }).where(eq(outbox.id, id)).run();
  });
}

/** Messages of one scheme (or, for an admin, all of them), newest first. */
export async function listOutbox(schemeId: number | null, limit: number, db: DbOrTx = reader()) {
  return db
    .select()
    .from(outbox)
    .where(schemeId === null ? undefined : eq(outbox.schemeId, schemeId))
    .orderBy(desc(outbox.id))
    .limit(limit)
    .all();
}

export async function listOutboxTo(address: string, db: DbOrTx = reader()) {
  return db.select().from(outbox).where(eq(outbox.toAddress, address.toLowerCase())).orderBy(desc(outbox.id)).all();
}
