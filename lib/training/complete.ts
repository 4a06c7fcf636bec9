import "server-only";
// Completing a module, and with the last one a certificate, in the caller's transaction so that a
// completion and the certificate it earns are written together or not at all.
import type { Tx } from "@/db/client";
import { dialect } from "@/db/dialect";
import { findPersonById } from "@/db/queries/people";
import { insertCertificateOnce, latestLiveCertificate, listCertificatesOfPerson, markSuperseded } from "@/db/queries/certificates";
import { completionsInCycle, insertCompletionOnce } from "@/db/queries/training";
import { audit } from "../audit";
import { newCertificateCode } from "../certificates/code";
import { now } from "../clock";
import { course, loadCourse } from "../content/course";
import { nextCertificateDates } from "../refresher";
import { certificateRoute, completionRoute } from "./route";

/** The route for an audit entry's details: only when it is not the usual one (online, assisted). */
function routeDetail(c: Parameters<typeof completionRoute>[0]): string | undefined {
  const route = completionRoute(c);
  return route === "supported" ? "supported session" : route === "paper" ? "on paper" : undefined;
}

export type CompletionInput = {
  personId: number;
  moduleSlug: string;
  cycle: number;
  completedOn: string;
  score?: number | null;
  total?: number | null;
  attemptId?: number | null;
  assisted?: { by: string; evidence: string; recordedBy: number } | null;
  /** Issue 16: the officer of a supported session, or who typed in a paper workbook's answers. */
  supportedBy?: number | null;
  paperEnteredBy?: number | null;
  actorId: number;
};

export type ModuleTitles = Map<string, string>;

/** Module titles, loaded once: certificates copy them in. */
export async function moduleTitles(): Promise<ModuleTitles> {
  return new Map((await loadCourse()).modules.map((m) => [m.slug, m.title]));
}

/**
 * Records a module as complete in a cycle (once: a second call for the same module and cycle does
 * nothing) and, if that completes all modules, issues the certificate and supersedes the last one.
 * Returns the new certificate's id, if one was issued.
 */
export async function completeModule(tx: Tx, input: CompletionInput, titles: ModuleTitles): Promise<{ completed: boolean; certificateId: number | null }> {
  // Whether this completion finishes the course is decided per person, one transaction at a time
  // (a no-op on SQLite, whose write transactions are one at a time; an advisory lock on PostgreSQL).
  await dialect.lockFor(tx, `person:${input.personId}`);
  const existing = await completionsInCycle(input.personId, input.cycle, tx);
  if (existing.some((c) => c.moduleSlug === input.moduleSlug)) return { completed: false, certificateId: null };
  const person = await findPersonById(input.personId, tx);
  if (!person) throw new Error(`No person ${input.personId}`);
  const at = now();
  const inserted = await insertCompletionOnce(
    {
      personId: input.personId,
      moduleSlug: input.moduleSlug,
      cycle: input.cycle,
      completedOn: input.completedOn,
      recordedAt: at,
      score: input.score ?? null,
      total: input.total ?? null,
      attemptId: input.attemptId ?? null,
      contentVersion: course.version,
      assisted: Boolean(input.assisted),
      assistedBy: input.assisted?.by ?? null,
      evidence: input.assisted?.evidence ?? null,
      recordedBy: input.assisted?.recordedBy ?? null,
      supportedByPersonId: input.assisted ? null : (input.supportedBy ?? null),
      paperEnteredByPersonId: input.assisted ? null : (input.paperEnteredBy ?? null),
    },
    tx,
  );
  // A concurrent request recorded it first (module_completions_once): as if it had been there.
  if (!inserted) return { completed: false, certificateId: null };
  await audit(
    {
      actorId: input.actorId,
      schemeId: person.schemeId,
      subjectPersonId: person.id,
      action: input.assisted ? "recorded-assisted-completion" : "completed-module",
      details: {
        module: input.moduleSlug,
        cycle: input.cycle,
        completedOn: input.completedOn,
        score: input.score ?? null,
        total: input.total ?? null,
        assistedBy: input.assisted?.by,
        route: routeDetail(inserted),
      },
    },
    tx,
  );

  const completions = await completionsInCycle(input.personId, input.cycle, tx);
  const done = course.modules.every((slug) => completions.some((c) => c.moduleSlug === slug));
  if (!done || person.schemeId === null) return { completed: true, certificateId: null };
  if ((await listCertificatesOfPerson(person.id, tx)).some((c) => c.cycle === input.cycle)) return { completed: true, certificateId: null };

  const previous = await latestLiveCertificate(person.id, tx);
  const dates = nextCertificateDates(input.completedOn, previous ? { expiresOn: previous.expiresOn } : null);
  const certificate = await insertCertificateOnce(
    {
      code: newCertificateCode(),
      personId: person.id,
      schemeId: person.schemeId,
      holderName: person.name,
      courseId: course.id,
      courseTitle: course.title,
      contentVersion: course.version,
      cycle: input.cycle,
      issuedOn: dates.issuedOn,
      expiresOn: dates.expiresOn,
      modules: course.modules.map((slug) => {
        const c = completions.find((x) => x.moduleSlug === slug)!;
        const route = certificateRoute(completionRoute(c));
        return { slug, title: titles.get(slug) ?? slug, completedOn: c.completedOn, assisted: c.assisted, score: c.score, total: c.total, ...(route ? { route } : {}) };
      }),
    },
    tx,
  );
  // A concurrent request issued this cycle's certificate first (certificates_one_live): keep that one.
  if (!certificate) return { completed: true, certificateId: null };
  if (previous) await markSuperseded(previous.id, certificate.id, at, tx);
  await audit(
    {
      actorId: input.actorId,
      schemeId: person.schemeId,
      subjectPersonId: person.id,
      action: "issued-certificate",
      details: { certificateId: certificate.id, cycle: input.cycle, expiresOn: dates.expiresOn, supersedes: previous?.id ?? null },
    },
    tx,
  );
  return { completed: true, certificateId: certificate.id };
}
