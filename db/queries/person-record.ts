import "server-only";
// Everything held about one person, table by table: for the trainer's person page and for the
// person's data download (a subject access request). Each list is oldest first unless it says so.
import { and, asc, desc, eq, lt, or } from "drizzle-orm";
import { type DbOrTx, reader } from "../client";
import { first } from "../dialect";
import {
  auditLog,
  certificates,
  checkAnswers,
  digestsSent,
  intakes,
  invitations,
  moduleCompletions,
  outbox,
  pageReads,
  quizAnswers,
  quizAttempts,
  remindersSent,
  sessions,
  signInAttempts,
  signInLinks,
} from "../tables";

export async function remindersOfPerson(personId: number, db: DbOrTx = reader()) {
  return await db
    .select({
      id: remindersSent.id,
      stage: remindersSent.stage,
      sentAt: remindersSent.sentAt,
      certificateId: remindersSent.certificateId,
      certificateExpiresOn: certificates.expiresOn,
    })
    .from(remindersSent)
    .leftJoin(certificates, eq(certificates.id, remindersSent.certificateId))
    .where(eq(remindersSent.personId, personId))
    .orderBy(desc(remindersSent.sentAt), desc(remindersSent.id));
}

/** Invitations sent to them: the one they accepted, and any sent to their address. */
export async function invitationsOfPerson(personId: number, email: string, db: DbOrTx = reader()) {
  return await db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      intakeId: invitations.intakeId,
      invitedBy: invitations.invitedBy,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
    })
    .from(invitations)
    .where(or(eq(invitations.personId, personId), eq(invitations.email, email.toLowerCase())))
    .orderBy(asc(invitations.id));
}

export async function outboxOfPerson(personId: number, email: string, db: DbOrTx = reader()) {
  return await db
    .select()
    .from(outbox)
    .where(or(eq(outbox.personId, personId), eq(outbox.toAddress, email.toLowerCase())))
    .orderBy(asc(outbox.id));
}

export async function sessionsOfPerson(personId: number, db: DbOrTx = reader()) {
  return await db
    .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, revokedAt: sessions.revokedAt })
    .from(sessions)
    .where(eq(sessions.personId, personId))
    .orderBy(asc(sessions.createdAt));
}

export async function signInAttemptsOf(email: string, db: DbOrTx = reader()) {
  return await db
    .select({ at: signInAttempts.at, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(eq(signInAttempts.email, email.toLowerCase()))
    .orderBy(asc(signInAttempts.at));
}

export async function signInLinksOf(personId: number, db: DbOrTx = reader()) {
  return await db
    .select({ createdAt: signInLinks.createdAt, expiresAt: signInLinks.expiresAt, usedAt: signInLinks.usedAt })
    .from(signInLinks)
    .where(eq(signInLinks.personId, personId))
    .orderBy(asc(signInLinks.id));
}

export async function pageReadsOf(personId: number, db: DbOrTx = reader()) {
  return await db.select().from(pageReads).where(eq(pageReads.personId, personId)).orderBy(asc(pageReads.firstReadAt));
}

export async function checkAnswersOf(personId: number, db: DbOrTx = reader()) {
  return await db
    .select({ checkId: checkAnswers.checkId, optionIndex: checkAnswers.optionIndex, correct: checkAnswers.correct, answeredAt: checkAnswers.answeredAt })
    .from(checkAnswers)
    .where(eq(checkAnswers.personId, personId))
    .orderBy(asc(checkAnswers.id));
}

/** Every attempt, newest first. */
export async function attemptsOf(personId: number, db: DbOrTx = reader()) {
  return await db.select().from(quizAttempts).where(eq(quizAttempts.personId, personId)).orderBy(desc(quizAttempts.startedAt), desc(quizAttempts.id));
}

/** Every choice in any of the person's attempts, oldest first. */
export async function choicesOf(personId: number, db: DbOrTx = reader()) {
  return await db
    .select({
      id: quizAnswers.id,
      attemptId: quizAnswers.attemptId,
      scenarioId: quizAnswers.scenarioId,
      optionId: quizAnswers.optionId,
      best: quizAnswers.best,
      answeredAt: quizAnswers.answeredAt,
    })
    .from(quizAnswers)
    .innerJoin(quizAttempts, eq(quizAttempts.id, quizAnswers.attemptId))
    .where(eq(quizAttempts.personId, personId))
    .orderBy(asc(quizAnswers.id));
}

/** Newest first. */
export async function completionsOf(personId: number, db: DbOrTx = reader()) {
  return await db
    .select()
    .from(moduleCompletions)
    .where(eq(moduleCompletions.personId, personId))
    .orderBy(desc(moduleCompletions.cycle), asc(moduleCompletions.completedOn), asc(moduleCompletions.id));
}

/** Audit entries about the person, newest first; `before` (an entry id) pages further back. */
export async function auditAbout(personId: number, limit: number, before?: number, db: DbOrTx = reader()) {
  return await db
    .select()
    .from(auditLog)
    .where(before ? and(eq(auditLog.subjectPersonId, personId), lt(auditLog.id, before)) : eq(auditLog.subjectPersonId, personId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

export async function digestsOf(trainerId: number, db: DbOrTx = reader()) {
  return await db.select({ day: digestsSent.day, sentAt: digestsSent.sentAt }).from(digestsSent).where(eq(digestsSent.trainerId, trainerId)).orderBy(asc(digestsSent.day));
}

export async function intakeName(intakeId: number | null, db: DbOrTx = reader()): Promise<string | null> {
  if (intakeId === null) return null;
  return first(await db.select({ name: intakes.name }).from(intakes).where(eq(intakes.id, intakeId)).limit(1))?.name ?? null;
}
