import "server-only";
// Quiz attempts, answers and module completions.
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, type Tx } from "../client";
import { dialect as d, first, one } from "../dialect";
import { moduleCompletions, quizAnswers, quizAttempts, retrainVersions } from "../tables";

export type AttemptRow = typeof quizAttempts.$inferSelect;
export type CompletionRow = typeof moduleCompletions.$inferSelect;

export async function insertAttempt(values: typeof quizAttempts.$inferInsert, tx?: Tx): Promise<AttemptRow> {
  return await onWriter(tx, async (db) => {
    return one(await db.insert(quizAttempts).values(values).returning());
  });
}

/**
 * Inserts an attempt unless the person already has an open one at this module in this cycle (the
 * quiz_attempts_one_open index): undefined then, and the caller resumes that one. Synchronous
 * because today's write transactions are; it becomes async with the rest of the query layer.
 */
export async function insertAttemptUnlessOpen(values: typeof quizAttempts.$inferInsert, tx?: Tx): Promise<AttemptRow | undefined> {
  return await onWriter(tx, async (db) => {
    return first(await db
      .insert(quizAttempts)
      .values(values)
      // No conflict target: drizzle's sqlite-core puts a partial index's WHERE after DO NOTHING,
      // where SQLite refuses it. The table's only other unique key is one no insert repeats.
      .onConflictDoNothing()
      .returning());
  });
}

export async function findAttempt(id: number, db: DbOrTx = reader()): Promise<AttemptRow | undefined> {
  return first(await db.select().from(quizAttempts).where(eq(quizAttempts.id, id)).limit(1));
}

/**
 * The attempt, with the option last chosen for one of its scenarios (null before the first
 * choice): what answering a question needs, in one statement that reads one answer, not all.
 */
export async function findAttemptWithChoice(id: number, scenarioId: string, db: DbOrTx = reader()): Promise<(AttemptRow & { currentOption: string | null }) | undefined> {
  const row = first(await db
    .select({
      attempt: quizAttempts,
      // Table names written out: drizzle leaves columns unqualified in a one-table select, and an
      // unqualified "id" inside the subquery would be the answer's.
      currentOption: sql<string | null>`(select qa.option_id from quiz_answers qa
        where qa.attempt_id = quiz_attempts.id and qa.scenario_id = ${scenarioId}
        order by qa.id desc limit 1)`,
    })
    .from(quizAttempts)
    .where(eq(quizAttempts.id, id))
    .limit(1));
  return row ? { ...row.attempt, currentOption: row.currentOption ?? null } : undefined;
}

export async function findOpenAttempt(personId: number, moduleSlug: string, cycle: number, db: DbOrTx = reader()): Promise<AttemptRow | undefined> {
  return first(await db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.personId, personId), eq(quizAttempts.moduleSlug, moduleSlug), eq(quizAttempts.cycle, cycle), isNull(quizAttempts.submittedAt)))
    .orderBy(desc(quizAttempts.id))
    .limit(1));
}

export async function listAttempts(personId: number, moduleSlug?: string, db: DbOrTx = reader()): Promise<AttemptRow[]> {
  return await db
    .select()
    .from(quizAttempts)
    .where(moduleSlug ? and(eq(quizAttempts.personId, personId), eq(quizAttempts.moduleSlug, moduleSlug)) : eq(quizAttempts.personId, personId))
    .orderBy(desc(quizAttempts.id));
}

export async function markAttemptSubmitted(id: number, values: { submittedAt: Date; score: number; passed: boolean }, tx?: Tx): Promise<boolean> {
  return await onWriter(tx, async (db) => {
    return d.changes(await db.update(quizAttempts).set(values).where(and(eq(quizAttempts.id, id), isNull(quizAttempts.submittedAt)))) === 1;
  });
}

/** Records that an attempt was (also) worked on in an officer's supported session; the first officer stays. */
export async function markAttemptSupported(id: number, officerId: number, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.update(quizAttempts).set({ supportedByPersonId: officerId }).where(and(eq(quizAttempts.id, id), isNull(quizAttempts.supportedByPersonId)));
  });
}

/**
 * Inserts an attempt that is already scored (a paper workbook's answers, typed in), unless that
 * workbook already has one (quiz_attempts_one_per_workbook): undefined then.
 */
export async function insertScoredAttemptOnce(values: typeof quizAttempts.$inferInsert, tx?: Tx): Promise<AttemptRow | undefined> {
  return await onWriter(tx, async (db) => {
    // Any conflict: it is submitted, so the one-open index cannot apply; the workbook's index can.
    return first(await db.insert(quizAttempts).values(values).onConflictDoNothing().returning());
  });
}

export async function insertAnswer(values: typeof quizAnswers.$inferInsert, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.insert(quizAnswers).values(values);
  });
}

/** Every choice made in an attempt, oldest first. */
export async function answersOfAttempt(attemptId: number, db: DbOrTx = reader()) {
  return await db.select().from(quizAnswers).where(eq(quizAnswers.attemptId, attemptId)).orderBy(asc(quizAnswers.id));
}

export async function insertCompletion(values: typeof moduleCompletions.$inferInsert, tx?: Tx): Promise<CompletionRow> {
  return await onWriter(tx, async (db) => {
    return one(await db.insert(moduleCompletions).values(values).returning());
  });
}

/** Inserts a completion unless the module is already complete in that cycle (module_completions_once): undefined then. */
export async function insertCompletionOnce(values: typeof moduleCompletions.$inferInsert, tx?: Tx): Promise<CompletionRow | undefined> {
  return await onWriter(tx, async (db) => {
    return first(await db
      .insert(moduleCompletions)
      .values(values)
      // Any conflict: module_completions_once is the only unique key an insert can repeat.
      .onConflictDoNothing()
      .returning());
  });
}

export async function completionsInCycle(personId: number, cycle: number, db: DbOrTx = reader()): Promise<CompletionRow[]> {
  return await db
    .select()
    .from(moduleCompletions)
    .where(and(eq(moduleCompletions.personId, personId), eq(moduleCompletions.cycle, cycle)));
}

/** Scenario ids a person saw in a cycle, for every module. */
export async function scenariosSeenInCycle(personId: number, moduleSlug: string, cycle: number, db: DbOrTx = reader()): Promise<string[]> {
  return (await db
    .select({ ids: quizAttempts.scenarioIds })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.personId, personId), eq(quizAttempts.moduleSlug, moduleSlug), eq(quizAttempts.cycle, cycle))))
    .flatMap((r) => r.ids);
}

export async function retrainMarkedAt(contentVersion: string, db: DbOrTx = reader()): Promise<Date | null> {
  return first(await db.select({ at: retrainVersions.markedAt }).from(retrainVersions).where(eq(retrainVersions.contentVersion, contentVersion)).limit(1))?.at ?? null;
}

export async function listRetrainVersions(db: DbOrTx = reader()) {
  return await db.select().from(retrainVersions).orderBy(desc(retrainVersions.markedAt));
}

export async function insertRetrainVersion(values: typeof retrainVersions.$inferInsert, tx?: Tx): Promise<boolean> {
  return await onWriter(tx, async (db) => {
    return d.changes(await db.insert(retrainVersions).values(values).onConflictDoNothing()) === 1;
  });
}

/** Content versions that certificates were earned against, with how many live certificates each. */
export async function certificateVersions(db: DbOrTx = reader()) {
  const rows = await d.rows<{ contentVersion: string; holders: unknown }>(
    db,
    sql`select content_version as "contentVersion", ${d.count()} as holders from certificates where revoked_at is null and superseded_at is null group by content_version order by content_version desc`,
  );
  return rows.map((r) => ({ contentVersion: r.contentVersion, holders: d.toNumber(r.holders) }));
}
