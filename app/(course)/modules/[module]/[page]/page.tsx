import { ListenButton } from "@/app/_components/listen/listen-button";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressBar, SourceCredits } from "@/app/_components/course/lesson-parts";
import { pageComponents } from "@/app/_components/mdx/course-components";
import { loadCourse } from "@/lib/content/course";
import { importModuleFile } from "@/lib/content/mdx-files";
import { allLessonParams, findLesson, lessonPath, modulePath } from "@/lib/lessons";

// One page of a module, the same for everyone: built once at build time. The "Next" button is a
// plain form that posts to ./read, which records the page as read and moves on, so progress is
// saved without JavaScript and without this page knowing who is reading it.
export const dynamicParams = false;
// Fail the build if anything here ever reads the request (cookies, headers): it must stay static.
export const dynamic = "error";

type Params = { module: string; page: string };

export async function generateStaticParams(): Promise<Params[]> {
  return await allLessonParams();
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { module: moduleSlug, page: pageSlug } = await params;
  const lesson = await findLesson(moduleSlug, pageSlug);
  return lesson ? { title: `${lesson.page.title} (${lesson.module.title})` } : {};
}

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const { module: moduleSlug, page: pageSlug } = await params;
  const lesson = await findLesson(moduleSlug, pageSlug);
  if (!lesson) notFound();
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

      <Body components={pageComponents()} />

      <SourceCredits sourceIds={page.sources} sources={sources} headingId="sources-title" />

      <nav className="pager" aria-label="Pages in this module">
        {previous ? (
          <Link href={lessonPath(courseModule.slug, previous.slug)} rel="prev">
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
