import "server-only";
import { desc, eq } from "drizzle-orm";
import { type DbOrTx, getDb } from "../client";
import { outbox } from "../schema";

export type OutboxInsert = typeof outbox.$inferInsert;

export function insertOutboxMessage(values: OutboxInsert, db: DbOrTx = getDb()) {
  return db.insert(outbox).values(values).returning({ id: outbox.id }).get();
}

export function markOutboxSent(id: number, at: Date, db: DbOrTx = getDb()): void {
  db.update(outbox).set({ sentAt: at, error: null }).where(eq(outbox.id, id)).run();
}

export function markOutboxFailed(id: number, error: string, db: DbOrTx = getDb()): void {
  db.update(outbox).set({ error }).where(eq(outbox.id, id)).run();
}

/** Messages of one scheme (or, for an admin, all of them), newest first. */
export function listOutbox(schemeId: number | null, limit: number, db: DbOrTx = getDb()) {
  return db
    .select()
    .from(outbox)
    .where(schemeId === null ? undefined : eq(outbox.schemeId, schemeId))
    .orderBy(desc(outbox.id))
    .limit(limit)
    .all();
}

export function listOutboxTo(address: string, db: DbOrTx = getDb()) {
  return db.select().from(outbox).where(eq(outbox.toAddress, address.toLowerCase())).orderBy(desc(outbox.id)).all();
}
