// State that every app process shares, kept in the database instead of process memory: request
// counts for rate limits, and locks for jobs that must never run twice at once. Each decision is
// one atomic statement (insert … on conflict do update … returning), so it holds with several
// processes and, later, several app instances on one database.
import { and, eq, lt, sql } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, singleWrite, type Tx } from "../client";
import { dialect as d, first, one } from "../dialect";
import { prepared } from "../prepared";
import { jobLocks, rateLimits } from "../tables";

function prepareCount(db: DbOrTx) {
  return db
    .insert(rateLimits)
    .values({ key: sql.placeholder("key"), windowStart: sql.placeholder("windowStart"), count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when excluded.window_start > ${rateLimits.windowStart} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: d.greatest(sql`excluded.window_start`, sql`${rateLimits.windowStart}`),
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart })
    .prepare();
}

/**
 * Counts one request against `key` in the fixed window containing `atMs` (windows start at
 * multiples of `windowMs`), and returns the count so far in that window, this one included. A
 * request in a later window starts the count again; one from an earlier window (a clock that
 * stepped back) is counted in the window already stored.
 */
export async function countRequest(key: string, atMs: number, windowMs: number): Promise<{ count: number; windowStart: number }> {
  const windowStart = atMs - (atMs % windowMs);
  return await singleWrite(async (conn) => {
    // A count lost in a power cut does no harm; waiting for the disk on every page view would.
    const row = one(await d.withoutWaitingForDisk(conn, async (c) => await prepared(c, "count_request", prepareCount).execute({ key, windowStart })));
    return { count: d.toNumber(row.count), windowStart: d.toNumber(row.windowStart) };
  });
}

/** Forgets counts of windows that started before `beforeMs` (the daily job calls it). */
export async function pruneRequestCounts(beforeMs: number, tx?: Tx): Promise<number> {
  return await onWriter(tx, async (db) => d.changes(await db.delete(rateLimits).where(lt(rateLimits.windowStart, beforeMs))));
}

/**
 * Takes the lock `name` for `holder` until `untilMs`, if nobody holds it or the last holder's time
 * ran out (a holder that crashed). True when taken. One statement: two processes asking at once
 * cannot both get it.
 */
export async function acquireJobLock(name: string, holder: string, atMs: number, untilMs: number, tx?: Tx): Promise<boolean> {
  const row = await onWriter(tx, async (db) => first(await db
    .insert(jobLocks)
    .values({ name, holder, lockedAt: atMs, lockedUntil: untilMs })
    .onConflictDoUpdate({
      target: jobLocks.name,
      set: { holder: sql`excluded.holder`, lockedAt: sql`excluded.locked_at`, lockedUntil: sql`excluded.locked_until` },
      setWhere: sql`${jobLocks.lockedUntil} <= ${atMs}`,
    })
    .returning({ holder: jobLocks.holder })
    ));
  return row?.holder === holder;
}

/** Gives the lock back, if `holder` still has it. */
export async function releaseJobLock(name: string, holder: string, tx?: Tx): Promise<boolean> {
  return await onWriter(tx, async (db) => d.changes(await db.delete(jobLocks).where(and(eq(jobLocks.name, name), eq(jobLocks.holder, holder)))) === 1);
}

export async function findJobLock(name: string, db: DbOrTx = reader()) {
  return first(await db.select().from(jobLocks).where(eq(jobLocks.name, name)).limit(1));
}
