import { Link } from "@/app/_components/links/link";
import { ListenButton } from "@/app/_components/listen/listen-button";
import { ProgressBar, SourceCredits } from "@/app/_components/course/lesson-parts";
import { pageComponents } from "@/app/_components/mdx/course-components";
import { loadCourse } from "@/lib/content/course";
import { importModuleFile } from "@/lib/content/mdx-files";
import type { Lesson } from "@/lib/lessons";
import { lessonPath, modulePath } from "@/lib/lessons";
import type { LocalCourse } from "@/lib/scheme-details/form";
import { lessonHref } from "@/lib/scheme-details/links";

/**
 * One page of a module, as everyone reads it (`local` null) or as a scheme's copy with its contacts
 * where the course says to ask the scheme. It reads nothing about the reader, so both are static.
 * The "Next" button is a plain form that posts to ./read, which records the page as read and moves
 * on (to the reader's own scheme's copy, when there is one), so progress is saved without
 * JavaScript and without this page knowing who is reading it.
 */
export async function LessonArticle({ lesson, local }: { lesson: Lesson; local: LocalCourse | null }) {
  const { module: courseModule, page, previous, next } = lesson;
  const { default: Body } = await importModuleFile(courseModule.slug, page.slug);
  const { sources } = await loadCourse();
  const total = courseModule.pages.length;
  const isLast = next === null;

  return (
    <article className="narrow" data-listen>
      <p className="no-print">
        <Link href={modulePath(courseModule.slug)} className="back-link">
          Back to the module overview
        </Link>
      </p>
      <span className="caption">
        Module {courseModule.order}: {courseModule.title}
      </span>
      <h1>{page.title}</h1>
      <ListenButton />
      <ProgressBar done={page.number} total={total} label={`Page ${page.number} of ${total}`} />

      <Body components={pageComponents(local?.details ?? null)} />

      <SourceCredits sourceIds={page.sources} sources={sources} headingId="sources-title" />

      <nav className="pager" aria-label="Pages in this module">
        {previous ? (
          <Link href={lessonHref(local, courseModule.slug, previous.slug)} rel="prev">
            Previous<span className="visually-hidden"> page</span>: {previous.title}
          </Link>
        ) : (
          <Link href={modulePath(courseModule.slug)}>Back to the module overview</Link>
        )}
        <form method="post" action={`${lessonPath(courseModule.slug, page.slug)}/read`}>
          <button type="submit" className="button">
            {isLast ? "Finish reading" : "Next"}
          </button>
          <span className="hint" style={{ display: "block", fontSize: "0.95rem" }}>
            {isLast ? "Then take the quiz." : `Next: ${next.title}`}
          </span>
        </form>
      </nav>
    </article>
  );
}
