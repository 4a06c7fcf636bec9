import "server-only";
// Reading progress and knowledge-check answers, always on behalf of a viewer whose rights are
// checked here. A person records only their own reading and answers; reading someone else's
// progress needs canViewPerson (themselves, their scheme's trainer, or an admin).
import { writeTransaction } from "@/db/client";
import { findPersonById } from "@/db/queries/people";
import { findLatestCheckAnswer, insertCheckAnswer, listPageReads, upsertPageRead } from "@/db/queries/progress";
import { type Viewer, canViewPerson } from "./access";
import { now } from "./clock";
import { type KnowledgeCheck, type ModuleSlug } from "./content/schemas";
import { loadCourse } from "./content/course";
import { NotAllowed } from "./errors";
import { type ModuleReading, findLesson, moduleReading } from "./lessons";


/** Thrown for module, page or check ids that are not in the course. */
export class NotInCourse extends Error {}

export type ReadingProgress = Record<ModuleSlug, ModuleReading>;

/** Per module: pages read of total, which ones, where to resume and when they last read. */
export async function readingProgress(viewer: Viewer, personId: number): Promise<ReadingProgress> {
  const person = await findPersonById(personId);
  if (!person || !canViewPerson(viewer, { id: person.id, schemeId: person.schemeId })) throw new NotAllowed();
  const [course, reads] = [await loadCourse(), await listPageReads(person.id)];
  const result = {} as ReadingProgress;
  for (const m of course.modules) {
    result[m.slug] = moduleReading(
      m,
      reads.filter((r) => r.moduleSlug === m.slug),
    );
  }
  return result;
}

/** Records that the viewer has read this page. Returns the page to go to next (null after the last). */
export async function recordPageRead(viewer: Viewer, moduleSlug: string, pageSlug: string): Promise<{ nextSlug: string | null }> {
  const lesson = await findLesson(moduleSlug, pageSlug);
  if (!lesson) throw new NotInCourse(`No page ${moduleSlug}/${pageSlug}`);
  await writeTransaction(async (tx) => await upsertPageRead({ personId: viewer.personId, moduleSlug: lesson.module.slug, pageSlug: lesson.page.slug, at: now() }, tx));
  return { nextSlug: lesson.next?.slug ?? null };
}

export type FoundCheck = { check: KnowledgeCheck; moduleSlug: ModuleSlug; pageSlug: string; pageTitle: string };

/** A knowledge check by id, only if it belongs to this module. */
export async function findCheck(moduleSlug: string, checkId: string): Promise<FoundCheck | null> {
  const course = await loadCourse();
  const found = course.checks.get(checkId);
  if (!found || found.moduleSlug !== moduleSlug) return null;
  const page = course.modules.find((m) => m.slug === found.moduleSlug)?.pages.find((p) => p.slug === found.pageSlug);
  return { ...found, pageTitle: page?.title ?? "" };
}

/**
 * Records the viewer's answer to a knowledge check. Whether it is right comes from the content on
 * the server, never from the form. Answers are kept but never count towards completion.
 */
export async function answerCheck(viewer: Viewer, checkId: string, optionIndex: number): Promise<{ correct: boolean }> {
  const found = (await loadCourse()).checks.get(checkId);
  if (!found) throw new NotInCourse(`No check ${checkId}`);
  const option = Number.isInteger(optionIndex) ? found.check.options[optionIndex] : undefined;
  if (!option) throw new NotInCourse(`Check ${checkId} has no option ${optionIndex}`);
  const correct = option.correct;
  await writeTransaction(async (tx) => await insertCheckAnswer({ personId: viewer.personId, checkId, optionIndex, correct, answeredAt: now() }, tx));
  return { correct };
}

/** The viewer's own latest answer to a check, or null if they have not answered it. */
export async function latestCheckAnswer(viewer: Viewer, checkId: string): Promise<{ optionIndex: number; correct: boolean; answeredAt: Date } | null> {
  return await findLatestCheckAnswer(viewer.personId, checkId) ?? null;
}
