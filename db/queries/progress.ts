import "server-only";
// Reading progress and knowledge-check answers: the page_reads and check_answers tables.
import { and, desc, eq } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, type Tx } from "../client";
import { first } from "../dialect";
import { checkAnswers, pageReads } from "../tables";

/** Marks a page as read: the first time sets both times, later times move only lastReadAt. */
export async function upsertPageRead(values: { personId: number; moduleSlug: string; pageSlug: string; at: Date }, tx?: Tx): Promise<void> {
  return await onWriter(tx, async (db) => {
    const { personId, moduleSlug, pageSlug, at } = values;
    await db.insert(pageReads)
      .values({ personId, moduleSlug, pageSlug, firstReadAt: at, lastReadAt: at })
      .onConflictDoUpdate({ target: [pageReads.personId, pageReads.moduleSlug, pageReads.pageSlug], set: { lastReadAt: at } });
  });
}

/** Every page a person has read, most recent first. */
export async function listPageReads(personId: number, db: DbOrTx = reader()) {
  return await db
    .select({ moduleSlug: pageReads.moduleSlug, pageSlug: pageReads.pageSlug, firstReadAt: pageReads.firstReadAt, lastReadAt: pageReads.lastReadAt })
    .from(pageReads)
    .where(eq(pageReads.personId, personId))
    .orderBy(desc(pageReads.lastReadAt));
}

export async function insertCheckAnswer(
  values: { personId: number; checkId: string; optionIndex: number; correct: boolean; answeredAt: Date },
  tx?: Tx,
): Promise<void> {
  return await onWriter(tx, async (db) => {
    await db.insert(checkAnswers).values(values);
  });
}

/** A person's most recent answer to one knowledge check, if any. */
export async function findLatestCheckAnswer(personId: number, checkId: string, db: DbOrTx = reader()) {
  return first(await db
    .select({ optionIndex: checkAnswers.optionIndex, correct: checkAnswers.correct, answeredAt: checkAnswers.answeredAt })
    .from(checkAnswers)
    .where(and(eq(checkAnswers.personId, personId), eq(checkAnswers.checkId, checkId)))
    .orderBy(desc(checkAnswers.answeredAt), desc(checkAnswers.id))
    .limit(1));
}
