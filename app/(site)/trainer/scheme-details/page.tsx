import type { Metadata } from "next";
import { formatLongDate } from "@/lib/dates";
import { isoDateInLondon } from "@/lib/clock";
import { loadCourse } from "@/lib/content/course";
import { formDefaults } from "@/lib/scheme-details/form";
import { LESSON_POINTS, POINTS, POINT_TEXT, WALKTHROUGH_POINTS } from "@/lib/scheme-details/points";
import { schemeDetailsForManager } from "@/lib/scheme-details/service";
import { walkthrough } from "@/lib/walkthrough";
import { saveSchemeDetailsAction } from "../actions";
import { TrainerNav } from "../_components/nav";
import { SchemePicker } from "../_components/scheme-picker";
import { type SearchParams, orForbiddenAsync, trainerScope } from "../_components/scope";
import { SchemeDetailsForm } from "./details-form";

export const metadata: Metadata = { title: "Your scheme's contacts in the course" };

/** Where each point shows, in words: the lesson pages by title, and the walk-through's steps. */
async function placesOf(point: (typeof POINTS)[number]): Promise<string[]> {
  const course = await loadCourse();
  const lessons = Object.entries(LESSON_POINTS)
    .filter(([, points]) => points.includes(point))
    .map(([key]) => {
      const [moduleSlug, pageSlug] = key.split("/");
      const m = course.modules.find((x) => x.slug === moduleSlug);
      return pageSlug === "index" ? `${m?.title ?? moduleSlug}: the module's overview` : `${m?.title ?? moduleSlug}: “${m?.pages.find((p) => p.slug === pageSlug)?.title ?? pageSlug}”`;
    });
  const steps = Object.entries(WALKTHROUGH_POINTS)
    .filter(([, p]) => p === point)
    .map(([id]) => {
      const node = walkthrough.nodes[id];
      return id === "start" ? "“Should I share?”: the start page" : `“Should I share?”: ${node?.kind === "outcome" ? `“${node.title}”` : id}`;
    });
  return [...lessons, ...steps];
}

export default async function SchemeDetailsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { viewer, scope } = await trainerScope(params, "/trainer/scheme-details");
  if (!scope) return SchemePicker({ viewer, path: "/trainer/scheme-details", title: "Your scheme's contacts in the course" }); // async: called, not rendered as an element
  const saved = await orForbiddenAsync(async () => await schemeDetailsForManager(viewer, scope.id));
  const places = await Promise.all(POINTS.map(async (p) => ({ point: p, places: await placesOf(p) })));
  return (
    <>
      <TrainerNav scope={scope} current="/trainer/scheme-details" />
      <h1>Your scheme&apos;s contacts in the course</h1>
      <p>
        The course is the same for every scheme. Where it tells a carer to ask their scheme, tell their Shared Lives officer or report
        something at once, your carers see a “Your scheme” box with the contacts you give here. Quiz feedback that says to ask the scheme
        names them too, and so do My training, reminder emails and certificates.
      </p>
      <p>
        Every field is optional except your scheme&apos;s name. A box only shows when it has something in it. Without any contacts, your
        carers see the course as it is. Anyone with a carer&apos;s account in your scheme can see what you put here, so give work contacts only.
      </p>
      {saved.updatedAt ? (
        <p className="hint">Last saved on {formatLongDate(isoDateInLondon(saved.updatedAt))}. Every change is kept in the audit log.</p>
      ) : (
        <p className="hint">Nothing has been saved for {scope.name} yet.</p>
      )}
      <p>
        <a href="#preview">Go to the preview</a>
      </p>
      <SchemeDetailsForm action={saveSchemeDetailsAction} saved={formDefaults(saved.details, saved.schemeName)} schemeId={scope.explicit ? scope.id : null} />
      <h2>Where carers see each box</h2>
      {places.map(({ point, places: list }) => (
        <details key={point}>
          <summary>{POINT_TEXT[point].heading(saved.details?.publicName ?? saved.schemeName)}</summary>
          <ul>
            {list.map((place) => (
              <li key={place}>{place}</li>
            ))}
            <li>Under quiz feedback that sends the carer to the scheme</li>
          </ul>
        </details>
      ))}
    </>
  );
}
