// Finding lesson pages and working out where a reader is. Pure helpers over the loaded course:
// no person data, so static pages and the data layer can both use them.
import { type CourseModule, type CoursePage, loadCourse } from "./content/course";

export type Lesson = {
  module: CourseModule;
  page: CoursePage;
  index: number;
  previous: CoursePage | null;
  next: CoursePage | null;
};

export function lessonPath(moduleSlug: string, pageSlug: string): string {
  return `/modules/${moduleSlug}/${pageSlug}`;
}

export function modulePath(moduleSlug: string): string {
  return `/modules/${moduleSlug}`;
}

/** The module and page for these ids, with its neighbours; null for ids that are not in the course. */
export async function findLesson(moduleSlug: string, pageSlug: string): Promise<Lesson | null> {
  const course = await loadCourse();
  const found = course.modules.find((m) => m.slug === moduleSlug);
  if (!found) return null;
  const index = found.pages.findIndex((p) => p.slug === pageSlug);
  const page = found.pages[index];
  if (index < 0 || !page) return null;
  return { module: found, page, index, previous: found.pages[index - 1] ?? null, next: found.pages[index + 1] ?? null };
}

/** Every (module, page) pair in reading order: the lesson pages to render at build time. */
export async function allLessonParams(): Promise<{ module: string; page: string }[]> {
  const course = await loadCourse();
  return course.modules.flatMap((m) => m.pages.map((p) => ({ module: m.slug, page: p.slug })));
}

export type ReadMark = { pageSlug: string; lastReadAt: Date };

export type ModuleReading = {
  pagesRead: number;
  totalPages: number;
  /** Read pages, in reading order (only pages still in the course). */
  readSlugs: string[];
  /** Where "Continue" goes: the page after the most recently read one, else the first unread, else the first. */
  resumeSlug: string;
  lastReadSlug: string | null;
  lastReadAt: Date | null;
  started: boolean;
  finished: boolean;
};

/**
 * Works out a module's reading state from the pages someone has read. When two pages were last
 * read at the same moment, the later page in reading order counts as the most recent.
 */
export function moduleReading(courseModule: Pick<CourseModule, "pages">, reads: ReadMark[]): ModuleReading {
  const { pages } = courseModule;
  const order = new Map(pages.map((p, i) => [p.slug, i]));
  const known = reads.filter((r) => order.has(r.pageSlug));
  const readSet = new Set(known.map((r) => r.pageSlug));
  const readSlugs = pages.filter((p) => readSet.has(p.slug)).map((p) => p.slug);
  let latest: ReadMark | null = null;
  for (const r of known) {
    if (
      !latest ||
      r.lastReadAt.getTime() > latest.lastReadAt.getTime() ||
      (r.lastReadAt.getTime() === latest.lastReadAt.getTime() && order.get(r.pageSlug)! > order.get(latest.pageSlug)!)
    )
      latest = r;
  }
  const first = pages[0]?.slug ?? "";
  let resumeSlug = first;
  if (latest) {
    const after = pages[order.get(latest.pageSlug)! + 1];
    const firstUnread = pages.find((p) => !readSet.has(p.slug));
    resumeSlug = after?.slug ?? firstUnread?.slug ?? first;
  }
  return {
    pagesRead: readSlugs.length,
    totalPages: pages.length,
    readSlugs,
    resumeSlug,
    lastReadSlug: latest?.pageSlug ?? null,
    lastReadAt: latest ? new Date(latest.lastReadAt) : null,
    started: readSlugs.length > 0,
    finished: pages.length > 0 && readSlugs.length === pages.length,
  };
}
