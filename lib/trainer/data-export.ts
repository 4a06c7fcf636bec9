import "server-only";
// Everything the site holds about one person, as a JSON file: for the person themselves ("Download
// all my data") and for a trainer answering a subject access request for someone in their scheme.
// Secrets are left out (the password hash, token hashes, and the one-time tokens inside the links
// of emails sent), and so are other people's data (the names in a trainer's reminder digests).
// Producing the file is audited.
import { writeTransaction } from "@/db/client";
import { listCertificatesOfPerson } from "@/db/queries/certificates";
import { findPersonById, findScheme, peopleByIds } from "@/db/queries/people";
import {
  attemptsOf,
  checkAnswersOf,
  choicesOf,
  completionsOf,
  digestsOf,
  invitationsOfPerson,
  outboxOfPerson,
  pageReadsOf,
  remindersOfPerson,
  sessionsOfPerson,
  signInAttemptsOf,
  signInLinksOf,
  auditAbout,
} from "@/db/queries/person-record";
import { findIntake } from "@/db/queries/intakes";
import { supportedSessionsOfPerson, workbooksOfPerson } from "@/db/queries/support";
import { formatReference } from "../paper/reference";
import type { Viewer } from "../access";
import { audit } from "../audit";
import { formatCode } from "../certificates/code";
import { certificateStatus } from "../certificates/status";
import { now, today as todayInLondon } from "../clock";
import { loadCourse } from "../content/course";
import { findScenario } from "../content/scenarios";
import { auditActionLabel } from "./audit-words";
import { requireManagedPerson } from "./scope";
import { NotAllowed } from "../errors";

/** A one-time token (43 base64url characters, lib/auth/tokens.ts) inside a link or text. */
const TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

export function redactTokens(text: string): string {
  return text.replace(TOKEN, "[removed]");
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export type DataFile = { filename: string; json: string; data: Record<string, unknown> };

/**
 * The person's data file. Their own, for anyone signed in; someone else's only for a trainer of
 * their scheme or an admin (NotAllowed otherwise).
 */
export async function personDataFile(viewer: Viewer, personId: number): Promise<DataFile> {
  const own = viewer.personId === personId;
  const person = own ? await findPersonById(personId) : await requireManagedPerson(viewer, personId);
  if (!person) throw new NotAllowed();
  const course = await loadCourse();
  const scheme = person.schemeId !== null ? await findScheme(person.schemeId) : undefined;
  const intake = person.intakeId !== null ? await findIntake(person.intakeId) : undefined;
  const today = todayInLondon();
  const choices = await choicesOf(person.id);
  const completions = await completionsOf(person.id);
  const audits = await auditAbout(person.id, 100_000);
  const attempts = await attemptsOf(person.id);
  const workbooks = await workbooksOfPerson(person.id);
  const officerIds = [
    ...attempts.map((a) => a.supportedByPersonId),
    ...completions.flatMap((c) => [c.supportedByPersonId, c.paperEnteredByPersonId]),
  ];
  const names = new Map(
    (await peopleByIds([...new Set([...audits.map((a) => a.actorId), ...completions.map((c) => c.recordedBy), ...officerIds].filter((id): id is number => id !== null))])).map((p) => [p.id, p.name]),
  );
  const nameOf = (id: number | null) => (id !== null ? (names.get(id) ?? `person ${id}`) : null);
  const moduleTitle = (slug: string) => course.modules.find((m) => m.slug === slug)?.title ?? slug;

  const data = {
    about:
      "All the data Shared Lives training holds about this person on the day this file was made. Dates and times are in UTC " +
      "(ISO 8601) unless they are calendar dates (YYYY-MM-DD). Passwords are stored only as a one-way hash, which is not included; " +
      "nor are the secret parts of sign-in and invitation links.",
    producedAt: iso(now()),
    producedFor: own ? "The person themselves" : `A subject access request, produced by ${viewer.name} (${viewer.role})`,
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      role: person.role,
      scheme: scheme?.name ?? null,
      intake: intake ? { name: intake.name, startDate: intake.startDate } : null,
      accountCreatedAt: iso(person.createdAt),
      active: person.active,
      deactivatedAt: iso(person.deactivatedAt),
      anonymisedAt: iso(person.anonymisedAt),
      hasPassword: person.passwordHash !== null,
    },
    invitations: (await invitationsOfPerson(person.id, person.email)).map((i) => ({
      email: i.email,
      name: i.name,
      role: i.role,
      sentAt: iso(i.createdAt),
      expiresAt: iso(i.expiresAt),
      acceptedAt: iso(i.usedAt),
    })),
    signingIn: {
      sessions: (await sessionsOfPerson(person.id)).map((s) => ({ startedAt: iso(s.createdAt), expiresAt: iso(s.expiresAt), endedAt: iso(s.revokedAt) })),
      passwordAttempts: (await signInAttemptsOf(person.email)).map((a) => ({ at: iso(a.at), succeeded: a.succeeded })),
      emailedLinks: (await signInLinksOf(person.id)).map((l) => ({ sentAt: iso(l.createdAt), expiresAt: iso(l.expiresAt), usedAt: iso(l.usedAt) })),
    },
    pagesRead: (await pageReadsOf(person.id)).map((r) => ({ module: r.moduleSlug, page: r.pageSlug, firstReadAt: iso(r.firstReadAt), lastReadAt: iso(r.lastReadAt) })),
    knowledgeChecks: (await checkAnswersOf(person.id)).map((c) => {
      const check = course.checks.get(c.checkId)?.check;
      return {
        check: c.checkId,
        question: check?.question ?? null,
        answer: check?.options[c.optionIndex]?.text ?? `Option ${c.optionIndex + 1}`,
        correct: c.correct,
        answeredAt: iso(c.answeredAt),
      };
    }),
    quizAttempts: attempts
      .slice()
      .reverse()
      .map((a) => ({
        module: moduleTitle(a.moduleSlug),
        cycle: a.cycle,
        contentVersion: a.contentVersion,
        startedAt: iso(a.startedAt),
        submittedAt: iso(a.submittedAt),
        score: a.score,
        total: a.total,
        passed: a.passed,
        supportedBy: nameOf(a.supportedByPersonId),
        paperWorkbook: a.paperWorkbookId !== null ? formatReference(workbooks.find((w) => w.id === a.paperWorkbookId)?.reference ?? "") : null,
        questions: a.scenarioIds.map((scenarioId, i) => {
          const scenario = findScenario(scenarioId);
          return {
            number: i + 1,
            scenario: scenario?.title ?? scenarioId,
            choices: choices
              .filter((c) => c.attemptId === a.id && c.scenarioId === scenarioId)
              .map((c) => ({ answer: scenario?.options.find((o) => o.id === c.optionId)?.text ?? c.optionId, best: c.best, at: iso(c.answeredAt) })),
          };
        }),
      })),
    moduleCompletions: completions.map((c) => ({
      module: moduleTitle(c.moduleSlug),
      cycle: c.cycle,
      completedOn: c.completedOn,
      score: c.score,
      total: c.total,
      contentVersion: c.contentVersion,
      assisted: c.assisted,
      assistedBy: c.assistedBy,
      evidence: c.evidence,
      recordedBy: c.recordedBy !== null ? (names.get(c.recordedBy) ?? null) : null,
      recordedAt: iso(c.recordedAt),
      supportedBy: nameOf(c.supportedByPersonId),
      paperEnteredBy: nameOf(c.paperEnteredByPersonId),
    })),
    supportedSessions: (await supportedSessionsOfPerson(person.id)).reverse().map((s) => ({
      officer: s.officerName,
      startedAt: iso(s.startedAt),
      lastActiveAt: iso(s.lastActiveAt),
      endedAt: iso(s.endedAt),
      endReason: s.endReason,
    })),
    paperWorkbooks: workbooks.slice().reverse().map((w) => ({
      reference: formatReference(w.reference),
      module: moduleTitle(w.moduleSlug),
      cycle: w.cycle,
      printedAt: iso(w.printedAt),
      printedBy: w.printedByName,
      enteredAt: iso(w.enteredAt),
      enteredBy: w.enteredByName,
    })),
    certificates: (await listCertificatesOfPerson(person.id)).map((c) => ({
      code: formatCode(c.code),
      holderName: c.holderName,
      course: c.courseTitle,
      contentVersion: c.contentVersion,
      cycle: c.cycle,
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn,
      status: certificateStatus(c, today),
      modules: c.modules,
      revokedAt: iso(c.revokedAt),
      revokedReason: c.revokedReason,
      supersededAt: iso(c.supersededAt),
    })),
    remindersSent: (await remindersOfPerson(person.id)).map((r) => ({ stage: r.stage, sentAt: iso(r.sentAt), certificateExpiresOn: r.certificateExpiresOn })),
    emails: (await outboxOfPerson(person.id, person.email)).map((m) => ({
      to: m.toAddress,
      subject: m.subject,
      body: m.kind === "trainer-digest" ? "[Left out: a trainer's digest lists other people.]" : redactTokens(m.body),
      kind: m.kind,
      createdAt: iso(m.createdAt),
      sentAt: iso(m.sentAt),
    })),
    trainerDigests: person.role === "trainer" ? (await digestsOf(person.id)).map((d) => ({ day: d.day, sentAt: iso(d.sentAt) })) : [],
    auditTrail: audits.reverse().map((a) => ({
      at: iso(a.at),
      action: a.action,
      description: auditActionLabel(a.action),
      by: a.actorId === null ? "the system" : a.actorId === person.id ? "themselves" : (names.get(a.actorId) ?? `person ${a.actorId}`),
      details: a.details,
    })),
  };

  await writeTransaction(async (tx) =>
    await audit(
      { actorId: viewer.personId, schemeId: person.schemeId, subjectPersonId: person.id, action: own ? "downloaded-own-data" : "exported-person-data" },
      tx,
    ),
  );
  const slug = own ? "my-data" : `person-${person.id}-data`;
  return { filename: `shared-lives-training-${slug}-${today}.json`, json: JSON.stringify(data, null, 2), data };
}
