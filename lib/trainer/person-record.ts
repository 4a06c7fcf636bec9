import "server-only";
// A person's page for their trainer: profile, where they stand (the same cells as the matrix), every
// attempt with every choice made, certificates, reminders sent and the audit entries about them.
import { listCertificatesOfPerson } from "@/db/queries/certificates";
import { attemptsOf, auditAbout, choicesOf, completionsOf, intakeName, remindersOfPerson } from "@/db/queries/person-record";
import { namesOf, supportedSessionsOfPerson, workbooksOfPerson } from "@/db/queries/support";
import type { Viewer } from "../access";
import { formatCode } from "../certificates/code";
import { certificateStatus } from "../certificates/status";
import { today as todayInLondon } from "../clock";
import { findScenario } from "../content/scenarios";
import { formatReference } from "../paper/reference";
import { type CompletionRoute, completionRoute, routeOfficerId, routeWords } from "../training/route";
import { matrixRowOf } from "./matrix";
import { requireManagedPerson } from "./scope";

export const PERSON_AUDIT_LIMIT = 100;

export type ChoiceView = { at: Date; optionId: string; optionText: string; best: boolean };
export type AttemptView = {
  id: number;
  moduleSlug: string;
  cycle: number;
  contentVersion: string;
  startedAt: Date;
  submittedAt: Date | null;
  score: number | null;
  total: number;
  passed: boolean | null;
  /** Issue 16: online, in a supported session, or on paper; in words with the officer ("" online). */
  route: "online" | "supported" | "paper";
  routeText: string;
  questions: {
    number: number;
    scenarioId: string;
    title: string;
    /** Every choice made, oldest first; the last one is the answer that counted. */
    choices: ChoiceView[];
  }[];
};

export async function personRecord(viewer: Viewer, personId: number, opts: { today?: string } = {}) {
  const person = await requireManagedPerson(viewer, personId);
  const today = opts.today ?? todayInLondon();
  const row = (await matrixRowOf(person.schemeId!, person.id, { today }))!;
  const choices = await choicesOf(person.id);
  const byAttempt = new Map<number, typeof choices>();
  for (const c of choices) {
    const list = byAttempt.get(c.attemptId) ?? [];
    list.push(c);
    byAttempt.set(c.attemptId, list);
  }
  const rawAttempts = await attemptsOf(person.id);
  const workbooks = await workbooksOfPerson(person.id);
  const workbookById = new Map(workbooks.map((w) => [w.id, w]));
  const completions = await completionsOf(person.id);
  const officers = await namesOf([
    ...rawAttempts.flatMap((a) => (a.supportedByPersonId !== null ? [a.supportedByPersonId] : [])),
    ...completions.map(routeOfficerId).filter((id): id is number => id !== null),
  ]);
  const attemptRoute = (a: (typeof rawAttempts)[number]): Pick<AttemptView, "route" | "routeText"> => {
    const workbook = a.paperWorkbookId !== null ? workbookById.get(a.paperWorkbookId) : undefined;
    if (workbook) return { route: "paper", routeText: `${routeWords("paper", workbook.enteredByName)} (workbook ${formatReference(workbook.reference)})` };
    if (a.supportedByPersonId !== null) return { route: "supported", routeText: routeWords("supported", officers.get(a.supportedByPersonId) ?? null) };
    return { route: "online", routeText: "" };
  };
  const attempts: AttemptView[] = rawAttempts.map((a) => ({
    id: a.id,
    moduleSlug: a.moduleSlug,
    cycle: a.cycle,
    contentVersion: a.contentVersion,
    startedAt: a.startedAt,
    submittedAt: a.submittedAt,
    score: a.score,
    total: a.total,
    passed: a.passed,
    ...attemptRoute(a),
    questions: a.scenarioIds.map((scenarioId, i) => {
      const scenario = findScenario(scenarioId);
      return {
        number: i + 1,
        scenarioId,
        title: scenario?.title ?? scenarioId,
        choices: (byAttempt.get(a.id) ?? [])
          .filter((c) => c.scenarioId === scenarioId)
          .map((c) => ({
            at: c.answeredAt,
            optionId: c.optionId,
            optionText: scenario?.options.find((o) => o.id === c.optionId)?.text ?? `Option ${c.optionId}`,
            best: c.best,
          })),
      };
    }),
  }));
  const moduleRoute = (cycle: number, m: { slug: string; assisted: boolean; route?: "supported" | "paper" }): { routeTag: string; routeText: string } => {
    const completion = completions.find((c) => c.cycle === cycle && c.moduleSlug === m.slug);
    const route: CompletionRoute = completion ? completionRoute(completion) : m.assisted ? "assisted" : (m.route ?? "online");
    const officer = completion ? routeOfficerId(completion) : null;
    return { routeTag: route === "online" ? "" : route, routeText: route === "supported" || route === "paper" ? routeWords(route, officer !== null ? (officers.get(officer) ?? null) : null) : "" };
  };
  const certificates = (await listCertificatesOfPerson(person.id)).map((c) => ({
    id: c.id,
    code: formatCode(c.code),
    cycle: c.cycle,
    contentVersion: c.contentVersion,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    status: certificateStatus(c, today),
    revokedReason: c.revokedReason,
    // How each module was done, with the officer named, from the completion it was issued on.
    modules: c.modules.map((m) => ({ ...m, ...moduleRoute(c.cycle, m) })),
  }));
  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      role: person.role,
      schemeId: person.schemeId!,
      intakeId: person.intakeId,
      intakeName: await intakeName(person.intakeId),
      active: person.active,
      createdAt: person.createdAt,
      deactivatedAt: person.deactivatedAt,
      anonymisedAt: person.anonymisedAt,
      hasPassword: person.passwordHash !== null,
    },
    row,
    attempts,
    certificates,
    reminders: await remindersOfPerson(person.id),
    supportedSessions: await supportedSessionsOfPerson(person.id),
    workbooks: workbooks.map((w) => ({ ...w, formattedReference: formatReference(w.reference) })),
    audit: await auditAbout(person.id, PERSON_AUDIT_LIMIT),
    today,
  };
}

/** Just enough to title a page about a person the viewer manages. */
export async function managedPerson(viewer: Viewer, personId: number) {
  const p = await requireManagedPerson(viewer, personId);
  return { id: p.id, name: p.name, schemeId: p.schemeId!, active: p.active, anonymisedAt: p.anonymisedAt, role: p.role };
}

