import "server-only";
// Everything "My training" shows, for one person, after checking the viewer may see it.
import { listCertificatesOfPerson } from "@/db/queries/certificates";
import { findPersonById } from "@/db/queries/people";
import { listAttempts } from "@/db/queries/training";
import { type Viewer, canViewPerson } from "../access";
import { certificateStatus } from "../certificates/status";
import { formatCode } from "../certificates/code";
import { today } from "../clock";
import { loadCourse } from "../content/course";
import { NotAllowed } from "../invitations";
import { readingProgress } from "../progress";
import { trainingState } from "./state";

export type ModuleStatus = "complete" | "in-progress" | "not-started" | "to-do-again";

export const MODULE_STATUS_LABEL: Record<ModuleStatus, { text: string; tag: string }> = {
  complete: { text: "Complete", tag: "tag tag--green" },
  "in-progress": { text: "In progress", tag: "tag tag--blue" },
  "not-started": { text: "Not started", tag: "tag tag--grey" },
  "to-do-again": { text: "To do again", tag: "tag tag--yellow" },
};

export async function learnerOverview(viewer: Viewer, personId: number) {
  const person = await findPersonById(personId);
  if (!person || !canViewPerson(viewer, { id: person.id, schemeId: person.schemeId })) throw new NotAllowed();
  const [course, reading] = await Promise.all([loadCourse(), readingProgress(viewer, personId)]);
  const state = await trainingState(person.id);
  const attempts = (await listAttempts(person.id)).filter((a) => a.cycle === state.cycle);
  const day = today();
  const modules = course.modules.map((m) => {
    const completion = state.completions.find((c) => c.moduleSlug === m.slug);
    const attempted = attempts.some((a) => a.moduleSlug === m.slug);
    const read = reading[m.slug];
    const status: ModuleStatus = completion
      ? "complete"
      : attempted || (!state.isRefresher && read.started)
        ? "in-progress"
        : state.isRefresher
          ? "to-do-again"
          : "not-started";
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
      reading: read,
    };
  });
  const certificates = (await listCertificatesOfPerson(person.id)).map((c) => ({
    id: c.id,
    code: formatCode(c.code),
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    cycle: c.cycle,
    contentVersion: c.contentVersion,
    status: certificateStatus(c, day),
  }));
  return { person: { id: person.id, name: person.name }, state, modules, certificates };
}
