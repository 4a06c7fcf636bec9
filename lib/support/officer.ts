import "server-only";
// What an officer (a trainer or staff member) sees to support a carer of their scheme: the carers
// to choose from, and one carer's support page (start a supported session, print a workbook).
import { findPersonById } from "@/db/queries/people";
import { findCarersInScheme } from "@/db/queries/support";
import { type Viewer, canSupport } from "../access";
import { NotAllowed } from "../errors";
import { moduleTitles } from "../training/complete";
import { trainingState } from "../training/state";
import { course } from "../content/course";

export const CARER_SEARCH_LIMIT = 50;

/** An officer of a scheme (trainer or staff), not inside a supported session. */
export function isOfficer(viewer: Viewer): viewer is Viewer & { schemeId: number } {
  return !viewer.supportedBy && (viewer.role === "trainer" || viewer.role === "staff") && viewer.schemeId !== null;
}

/** Active carers of the officer's scheme matching the text (names and emails only). */
export async function carersToSupport(officer: Viewer, text: string) {
  if (!isOfficer(officer)) throw new NotAllowed();
  return await findCarersInScheme(officer.schemeId, text.trim().slice(0, 100), CARER_SEARCH_LIMIT);
}

/** One carer, for their support page: who they are and which modules they have still to do. */
export async function carerToSupport(officer: Viewer, personId: number) {
  const person = Number.isSafeInteger(personId) && personId > 0 ? await findPersonById(personId) : undefined;
  if (!isOfficer(officer) || !person || person.role !== "carer" || person.schemeId !== officer.schemeId) throw new NotAllowed();
  const [titles, state] = [await moduleTitles(), await trainingState(person.id)];
  return {
    id: person.id,
    name: person.name,
    active: person.active,
    canStart: canSupport(officer, person),
    modules: course.modules.map((slug) => ({
      slug,
      title: titles.get(slug) ?? slug,
      complete: state.completions.some((c) => c.moduleSlug === slug),
    })),
  };
}
