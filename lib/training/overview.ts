import "server-only";
// Everything "My training" shows, for one person, after checking the viewer may see it. Three or
// four statements however long their history (db/queries/my-training.ts); the rules are trainingState's
// (lib/training/state.ts), applied to the rows read here.
import { completionsOfCycle, modulesAttemptedInCycle, pageReadsOf, personWithCertificates } from "@/db/queries/my-training";
import { type Viewer, canViewPerson } from "../access";
import { certificateStatus } from "../certificates/status";
import { formatCode } from "../certificates/code";
import { today } from "../clock";
import { loadCourse } from "../content/course";
import { NotAllowed } from "../errors";
import { moduleReading } from "../lessons";
import { namesOf } from "@/db/queries/support";
import { moduleStatus } from "./module-status";
import { completionRoute, routeOfficerId, routeWords } from "./route";
import { currentCycle, liveCertificateOf, stateOf } from "./state";

export { MODULE_STATUS_LABEL, type ModuleStatus } from "./module-status";

export async function learnerOverview(viewer: Viewer, personId: number) {
  const found = await personWithCertificates(personId);
  if (!found || !canViewPerson(viewer, { id: found.person.id, schemeId: found.person.schemeId })) throw new NotAllowed();
  const { person, certificates: history, retrainMarks } = found;
  const day = today();
  const live = liveCertificateOf(history);
  const position = currentCycle(day, live, live ? (retrainMarks.get(live.contentVersion) ?? null) : null, Math.max(0, ...history.map((c) => c.cycle)));
  // Only the cycle the page shows.
  const [course, completions, reads] = await Promise.all([loadCourse(), completionsOfCycle(person.id, position.cycle), pageReadsOf(person.id)]);
  // Which quizzes were started matters only while a module is not completed in this cycle: someone
  // who has completed all three (most visits, once the first weeks are over) saves a statement.
  const completedSlugs = new Set(completions.map((c) => c.moduleSlug));
  const attemptedModules = course.modules.every((m) => completedSlugs.has(m.slug))
    ? completedSlugs
    : await modulesAttemptedInCycle(person.id, position.cycle);
  const state = await stateOf(day, position, live, completions, () => attemptedModules.size > 0);
  // The officers named by a supported or paper completion (issue 16): one lookup, only when there are any.
  const officerIds = state.completions.map(routeOfficerId).filter((id): id is number => id !== null);
  const officers = officerIds.length ? await namesOf(officerIds) : new Map<number, string>();
  const modules = course.modules.map((m) => {
    const completion = state.completions.find((c) => c.moduleSlug === m.slug);
    const attempted = attemptedModules.has(m.slug);
    const read = moduleReading(
      m,
      reads.filter((r) => r.moduleSlug === m.slug),
    );
    const status = moduleStatus({ completed: Boolean(completion), quizStarted: attempted, isRefresher: state.isRefresher });
    return {
      slug: m.slug,
      title: m.title,
      summary: m.summary,
      pageCount: m.pages.length,
      minutes: m.minutes,
      status,
      completedOn: completion?.completedOn ?? null,
      score: completion?.score ?? null,
      total: completion?.total ?? null,
      assisted: completion?.assisted ?? false,
      /** "in a supported session with …", "on paper, entered by …", or "" (online or assisted). */
      routeWords: completion && !completion.assisted ? routeWords(completionRoute(completion), officers.get(routeOfficerId(completion) ?? -1) ?? null) : "",
      reading: read,
    };
  });
  return { person: { id: person.id, name: person.name }, state, modules, certificates: certificateRows(history, day) };
}

type HistoryRow = NonNullable<Awaited<ReturnType<typeof personWithCertificates>>>["certificates"][number];

/** Certificates as the pages show them: newest first, code formatted, status on `day`. */
function certificateRows(history: HistoryRow[], day: string) {
  return history.map((c) => ({
    id: c.id,
    code: formatCode(c.code),
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    cycle: c.cycle,
    contentVersion: c.contentVersion,
    status: certificateStatus(c, day),
  }));
}

/**
 * Every certificate a person has had, newest first, after checking the viewer may see them ("My
 * certificates"). My training shows only the current one: a history of five years was the most
 * expensive part of that page to draw, and most visits are about what to do next.
 */
export async function certificateHistory(viewer: Viewer, personId: number) {
  const found = await personWithCertificates(personId);
  if (!found || !canViewPerson(viewer, { id: found.person.id, schemeId: found.person.schemeId })) throw new NotAllowed();
  return certificateRows(found.certificates, today());
}
