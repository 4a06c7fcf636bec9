// Quiz attempts, answers and module completions.
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type DbOrTx, type Tx, onWriter, reader } from "../client";
import { moduleCompletions, quizAnswers, quizAttempts, retrainVersions } from "../schema";

export type AttemptRow = typeof quizAttempts.$inferSelect;
export type CompletionRow = typeof moduleCompletions.$inferSelect;

export async function insertAttempt(values: typeof quizAttempts.$inferInsert, tx?: Tx): Promise<AttemptRow> {
  return onWriter(tx, (db) => {
    return db.insert(quizAttempts).values(values).returning().get();
  });
}

export async function findAttempt(id: number, db: DbOrTx = reader()): Promise<AttemptRow | undefined> {
  return db.select().from(quizAttempts).where(eq(quizAttempts.id, id)).get();
}

export async function findOpenAttempt(personId: number, moduleSlug: string, cycle: number, db: DbOrTx = reader()): Promise<AttemptRow | undefined> {
  return db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.personId, personId), eq(quizAttempts.moduleSlug, moduleSlug), eq(quizAttempts.cycle, cycle), isNull(quizAttempts.submittedAt)))
    .orderBy(desc(quizAttempts.id))
    .get();
}

export async function listAttempts(personId: number, moduleSlug?: string, db: DbOrTx = reader()): Promise<AttemptRow[]> {
  return db
    .select()
    .from(quizAttempts)
    .where(moduleSlug ? and(eq(quizAttempts.personId, personId), eq(quizAttempts.moduleSlug, moduleSlug)) : eq(quizAttempts.personId, personId))
    .orderBy(desc(quizAttempts.id))
    .all();
}

export async function markAttemptSubmitted(id: number, values: { submittedAt: Date; score: number; passed: boolean }, tx?: Tx): Promise<boolean> {
  return onWriter(tx, (db) => {
    return db.update(quizAttempts).set(values).where(and(eq(quizAttempts.id, id), isNull(quizAttempts.submittedAt))).run().changes === 1;
  });
}

export async function insertAnswer(values: typeof quizAnswers.$inferInsert, tx?: Tx): Promise<void> {
  return onWriter(tx, (db) => {
    db.insert(quizAnswers).values(values).run();
  });
}

/** Every choice made in an attempt, oldest first. */
export async function answersOfAttempt(attemptId: number, db: DbOrTx = reader()) {
  return db.select().from(quizAnswers).where(eq(quizAnswers.attemptId, attemptId)).orderBy(asc(quizAnswers.id)).all();
}

export async function answersOfAttempts(attemptIds: number[], db: DbOrTx = reader()) {
  if (attemptIds.length === 0) return [];
  return db.select().from(quizAnswers).where(inArray(quizAnswers.attemptId, attemptIds)).orderBy(asc(quizAnswers.id)).all();
}

export async function insertCompletion(values: typeof moduleCompletions.$inferInsert, tx?: Tx): Promise<CompletionRow> {
  return onWriter(tx, (db) => {
    return db.insert(moduleCompletions).values(values).returning().get();
  });
}

export async function completionsInCycle(personId: number, cycle: number, db: DbOrTx = reader()): Promise<CompletionRow[]> {
  return db
    .select()
    .from(moduleCompletions)
    .where(and(eq(moduleCompletions.personId, personId), eq(moduleCompletions.cycle, cycle)))
    .all();
}

export async function completionsOfPerson(personId: number, db: DbOrTx = reader()): Promise<CompletionRow[]> {
  return db.select().from(moduleCompletions).where(eq(moduleCompletions.personId, personId)).orderBy(desc(moduleCompletions.id)).all();
}

/** Scenario ids a person saw in a cycle, for every module. */
export async function scenariosSeenInCycle(personId: number, moduleSlug: string, cycle: number, db: DbOrTx = reader()): Promise<string[]> {
  return db
    .select({ ids: quizAttempts.scenarioIds })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.personId, personId), eq(quizAttempts.moduleSlug, moduleSlug), eq(quizAttempts.cycle, cycle)))
    .all()
    .flatMap((r) => r.ids);
}

export async function countAttemptRows(db: DbOrTx = reader()) {
  return {
    attempts: db.select({ n: sql<number>`count(*)` }).from(quizAttempts).get()?.n ?? 0,
    answers: db.select({ n: sql<number>`count(*)` }).from(quizAnswers).get()?.n ?? 0,
  };
}

export async function retrainMarkedAt(contentVersion: string, db: DbOrTx = reader()): Promise<Date | null> {
  return db.select({ at: retrainVersions.markedAt }).from(retrainVersions).where(eq(retrainVersions.contentVersion, contentVersion)).get()?.at ?? null;
}

export async function listRetrainVersions(db: DbOrTx = reader()) {
  return db.select().from(retrainVersions).orderBy(desc(retrainVersions.markedAt)).all();
}

export async function insertRetrainVersion(values: typeof retrainVersions.$inferInsert, tx?: Tx): Promise<boolean> {
  return onWriter(tx, (db) => {
    return db.insert(retrainVersions).values(values).onConflictDoNothing().run().changes === 1;
  });
}

/** Content versions that certificates were earned against, with how many live certificates each. */
export async function certificateVersions(db: DbOrTx = reader()) {
  return db.all<{ contentVersion: string; holders: number }>(
    sql`select content_version as contentVersion, count(*) as holders from certificates where revoked_at is null and superseded_at is null group by content_version order by content_version desc`,
  );
}
