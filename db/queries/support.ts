import "server-only";
// Supported sessions (an officer's session acting as a carer, for the course) and paper workbooks
// (printed scenarios whose answers an officer types in). The rules are in lib/support/ and lib/paper/.
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, singleWrite, type Tx } from "../client";
import { dialect as d, escapeLike, first } from "../dialect";
import { aliasTable, paperWorkbooks, people, quizAttempts, supportedSessions, type SupportedSessionEndReason } from "../tables";

export type SupportedSessionRow = typeof supportedSessions.$inferSelect;
export type PaperWorkbookRow = typeof paperWorkbooks.$inferSelect;

/**
 * Opens a supported session on an officer's session, unless one is open on it already (the
 * supported_sessions_one_open index): undefined then.
 */
export async function insertSupportedSessionUnlessOpen(values: typeof supportedSessions.$inferInsert, tx?: Tx): Promise<SupportedSessionRow | undefined> {
  return await onWriter(tx, async (db) => {
    // No conflict target: the partial unique index is the only key an insert can repeat (as
    // insertAttemptUnlessOpen, db/queries/training.ts).
    return first(await db.insert(supportedSessions).values(values).onConflictDoNothing().returning());
  });
}

export async function findOpenSupportedSession(sessionId: string, db: DbOrTx = reader()): Promise<SupportedSessionRow | undefined> {
  return first(await db
    .select()
    .from(supportedSessions)
    .where(and(eq(supportedSessions.sessionId, sessionId), isNull(supportedSessions.endedAt)))
    .limit(1));
}

export async function findSupportedSession(id: number, db: DbOrTx = reader()): Promise<SupportedSessionRow | undefined> {
  return first(await db.select().from(supportedSessions).where(eq(supportedSessions.id, id)).limit(1));
}

/** Ends a supported session; false when it had already ended (so it is ended, and audited, once). */
export async function markSupportedSessionEnded(id: number, at: Date, reason: SupportedSessionEndReason, tx?: Tx): Promise<boolean> {
  return await onWriter(tx, async (db) => {
    return d.changes(await db
      .update(supportedSessions)
      .set({ endedAt: at, endReason: reason })
      .where(and(eq(supportedSessions.id, id), isNull(supportedSessions.endedAt)))) === 1;
  });
}

/**
 * Moves an open session's last-active time on. Losing it in a power cut costs at most a minute of
 * idle time, so it does not wait for the disk (as a rate-limit count does not).
 */
export async function touchSupportedSession(id: number, at: Date): Promise<void> {
  await singleWrite(async (conn) => {
    await d.withoutWaitingForDisk(conn, async (c) => {
      await c
        .update(supportedSessions)
        .set({ lastActiveAt: at })
        .where(and(eq(supportedSessions.id, id), isNull(supportedSessions.endedAt), lt(supportedSessions.lastActiveAt, at)));
    });
  });
}

/** Open sessions idle since before `cutoff` (for the daily job, which ends those nobody came back to). */
export async function openSupportedSessionsIdleSince(cutoff: Date, limit: number, db: DbOrTx = reader()): Promise<SupportedSessionRow[]> {
  return await db
    .select()
    .from(supportedSessions)
    .where(and(isNull(supportedSessions.endedAt), lt(supportedSessions.lastActiveAt, cutoff)))
    .orderBy(asc(supportedSessions.lastActiveAt))
    .limit(limit);
}

/** Every supported session with this person, newest first, with the officer's name. */
export async function supportedSessionsOfPerson(personId: number, db: DbOrTx = reader()) {
  return await db
    .select({
      id: supportedSessions.id,
      officerId: supportedSessions.officerId,
      officerName: people.name,
      startedAt: supportedSessions.startedAt,
      lastActiveAt: supportedSessions.lastActiveAt,
      endedAt: supportedSessions.endedAt,
      endReason: supportedSessions.endReason,
    })
    .from(supportedSessions)
    .innerJoin(people, eq(people.id, supportedSessions.officerId))
    .where(eq(supportedSessions.personId, personId))
    .orderBy(desc(supportedSessions.startedAt), desc(supportedSessions.id));
}

// ---- Paper workbooks ----

/** Inserts a workbook unless its reference is taken (a one-in-a-trillion clash): undefined then. */
export async function insertWorkbookUnlessReferenceTaken(values: typeof paperWorkbooks.$inferInsert, tx?: Tx): Promise<PaperWorkbookRow | undefined> {
  return await onWriter(tx, async (db) => {
    return first(await db.insert(paperWorkbooks).values(values).onConflictDoNothing().returning());
  });
}

export async function findWorkbookByReference(reference: string, db: DbOrTx = reader()): Promise<PaperWorkbookRow | undefined> {
  return first(await db.select().from(paperWorkbooks).where(eq(paperWorkbooks.reference, reference)).limit(1));
}

/**
 * Marks a workbook entered by an officer; false when it had been entered already. With the unique
 * index on quiz_attempts.paper_workbook_id, a sheet is entered once even when two officers press
 * the button at the same moment: the second transaction finds it entered, whichever engine.
 */
export async function markWorkbookEntered(id: number, enteredBy: number, at: Date, tx?: Tx): Promise<boolean> {
  return await onWriter(tx, async (db) => {
    return d.changes(await db
      .update(paperWorkbooks)
      .set({ enteredBy, enteredAt: at })
      .where(and(eq(paperWorkbooks.id, id), isNull(paperWorkbooks.enteredAt)))) === 1;
  });
}

/** The attempt a workbook's answers became, if entered. */
export async function attemptOfWorkbook(workbookId: number, db: DbOrTx = reader()) {
  return first(await db.select().from(quizAttempts).where(eq(quizAttempts.paperWorkbookId, workbookId)).limit(1));
}

/** A person's workbooks, newest first, with who printed and who entered each, and the result. */
export async function workbooksOfPerson(personId: number, db: DbOrTx = reader()) {
  const printer = aliasTable(people, "printer");
  const enterer = aliasTable(people, "enterer");
  return await db
    .select({
      id: paperWorkbooks.id,
      reference: paperWorkbooks.reference,
      moduleSlug: paperWorkbooks.moduleSlug,
      cycle: paperWorkbooks.cycle,
      printedAt: paperWorkbooks.printedAt,
      printedByName: printer.name,
      enteredAt: paperWorkbooks.enteredAt,
      enteredByName: enterer.name,
      attemptId: quizAttempts.id,
      score: quizAttempts.score,
      total: quizAttempts.total,
      passed: quizAttempts.passed,
    })
    .from(paperWorkbooks)
    .innerJoin(printer, eq(printer.id, paperWorkbooks.printedBy))
    .leftJoin(enterer, eq(enterer.id, paperWorkbooks.enteredBy))
    .leftJoin(quizAttempts, eq(quizAttempts.paperWorkbookId, paperWorkbooks.id))
    .where(eq(paperWorkbooks.personId, personId))
    .orderBy(desc(paperWorkbooks.printedAt), desc(paperWorkbooks.id));
}

/** The names of these people, by id (officers named on attempts and completions). */
export async function namesOf(ids: readonly number[], db: DbOrTx = reader()): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active carers of a scheme whose name or email contains the text (all of them when empty), by name. */
export async function findCarersInScheme(schemeId: number, text: string, limit: number, db: DbOrTx = reader()) {
  const where = [eq(people.schemeId, schemeId), eq(people.role, "carer"), eq(people.active, true)];
  if (text) {
    const like = `%${escapeLike(text)}%`;
    where.push(or(d.likeNoCase(sql`${people.name}`, like), d.likeNoCase(sql`${people.email}`, like))!);
  }
  return await db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(...where))
    .orderBy(d.noCase(sql`${people.name}`), asc(people.id))
    .limit(limit);
}
