import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import type { ComponentPropsWithoutRef } from "react";

import { Credits } from "@/app/_components/course/credits";
import { ProgressBar } from "@/app/_components/course/lesson-parts";
import { pageComponents } from "@/app/_components/mdx/course-components";
import { requireViewer } from "@/lib/auth/viewer";
import { findModule, loadCourse } from "@/lib/content/course";
import { importModuleFile } from "@/lib/content/mdx-files";
import { modulePath } from "@/lib/lessons";
import type { SchemeDetails } from "@/lib/scheme-details/form";
import { lessonHref } from "@/lib/scheme-details/links";
import { localCourseFor } from "@/lib/scheme-details/service";
import { readingProgress } from "@/lib/progress";
import { showNotFound } from "@/lib/http-status";
import { PASS_MARK_PERCENT } from "@/lib/quiz/scoring";

// A module's front page for the signed-in reader: what it covers, how far they have read, where to
// carry on, every page with read or not read, the print view and the quiz.
type Params = { module: string };

// The introduction sits under "About this module", so its own headings drop a level (a scheme's
// box in it too).
const introComponents = (details: SchemeDetails | null) => ({
  ...pageComponents(details, 3),
  h2: (props: ComponentPropsWithoutRef<"h2">) => <h3 {...props} />,
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const found = await findModule((await params).module);
  return found ? { title: found.title } : {};
}

export default async function ModuleOverviewPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ module: moduleSlug }, search] = await Promise.all([params, searchParams]);
  const courseModule = await findModule(moduleSlug);
  if (!courseModule) showNotFound();
  const viewer = await requireViewer(modulePath(courseModule.slug), { supportedSession: "allowed" });
  const [reading, local] = await Promise.all([readingProgress(viewer, viewer.personId), localCourseFor(viewer)]);
  const progress = reading[courseModule.slug];
  const { default: Intro } = await importModuleFile(courseModule.slug, "index");
  const readSet = new Set(progress.readSlugs);
  const resume = courseModule.pages.find((p) => p.slug === progress.resumeSlug) ?? courseModule.pages[0]!;
  const moduleCount = (await loadCourse()).modules.length;
  const quizHref = `${modulePath(courseModule.slug)}/quiz`;
  const resumeLabel = progress.finished ? "Read it again from the start" : progress.started ? "Continue where you left off" : "Start reading";

  return (
    <div className="narrow">
      {search.read === "all" && progress.finished ? (
        <div className="notice notice--success" role="status">
          <p>You have read every page of this module. Well done.</p>
          <p>
            Next, <Link href={quizHref}>take the quiz</Link>.
          </p>
        </div>
      ) : null}
      <span className="caption">Module {courseModule.order} of {moduleCount}</span>
      <h1>{courseModule.title}</h1>
      <p className="lead">{courseModule.summary}</p>
      <p className="hint">
        {courseModule.pages.length} short pages. About {courseModule.minutes} minutes to read.
      </p>

      <ProgressBar
        id="reading-progress"
        done={progress.pagesRead}
        total={progress.totalPages}
        label={`You have read ${progress.pagesRead} of ${progress.totalPages} pages.`}
      />

      <div className="button-group">
        {progress.finished ? (
          <>
            <Link href={quizHref} className="button">
              Take the quiz
            </Link>
            <Link href={lessonHref(local, courseModule.slug, resume.slug)} className="button button--secondary">
              {resumeLabel}
            </Link>
          </>
        ) : (
          <Link href={lessonHref(local, courseModule.slug, resume.slug)} className="button">
            {resumeLabel}
            {progress.started ? <span className="visually-hidden">: {resume.title}</span> : null}
          </Link>
        )}
      </div>
      {progress.started && !progress.finished ? (
        <p className="hint">
          Next page to read: {resume.title} (page {resume.number} of {progress.totalPages}).
        </p>
      ) : null}

      <h2>Key points</h2>
      <ul>
        {courseModule.keyPoints.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>

      <h2>About this module</h2>
      <Intro components={introComponents(local?.details ?? null)} />

      <h2 id="pages-title">Pages in this module</h2>
      <ol className="page-list" aria-labelledby="pages-title">
        {courseModule.pages.map((p) => {
          const read = readSet.has(p.slug);
          return (
            <li key={p.slug}>
              <Link href={lessonHref(local, courseModule.slug, p.slug)}>{p.title}</Link>{" "}
              {read ? <span className="tag tag--green">Read</span> : <span className="tag tag--grey">Not read yet</span>}{" "}
              <span className="hint">
                ({p.minutes} {p.minutes === 1 ? "minute" : "minutes"})
              </span>
            </li>
          );
        })}
      </ol>

      <h2>The quiz</h2>
      <p>
        The module ends with a short quiz about real situations. You need {PASS_MARK_PERCENT}% to pass. You can read the pages again at
        any time, before or after the quiz.
      </p>
      <p>
        <Link href={quizHref}>Take the quiz</Link>
      </p>

      <h2>Print or read offline</h2>
      <p>
        You can see the whole module on one page, to read on paper or save.{" "}
        <Link href={`${modulePath(courseModule.slug)}/print`}>See the whole module on one page to print</Link>.
      </p>
      <Credits sourceIds={courseModule.sources} />
    </div>
  );
}
