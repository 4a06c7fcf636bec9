import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { SourceCredits } from "@/app/_components/course/lesson-parts";
import { courseComponents, makeTerm } from "@/app/_components/mdx/course-components";
import { findModule, loadCourse } from "@/lib/content/course";
import { importModuleFile } from "@/lib/content/mdx-files";
import { lessonPath, modulePath } from "@/lib/lessons";

// The whole module on one page, to print or save. Static, like the lesson pages. Each page starts
// on a new sheet (.print-page); knowledge checks stay on the lesson pages, where they can be answered.
export const dynamicParams = false;
// Fail the build if anything here ever reads the request (cookies, headers): it must stay static.
export const dynamic = "error";

type Params = { module: string };

export async function generateStaticParams(): Promise<Params[]> {
  return (await loadCourse()).modules.map((m) => ({ module: m.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const found = await findModule((await params).module);
  return found ? { title: `${found.title}: print version` } : {};
}

// Each lesson's title is an h2 here, so the headings inside it drop one level.
const printComponents = {
  ...courseComponents,
  h2: (props: ComponentPropsWithoutRef<"h2">) => <h3 {...props} />,
  h3: (props: ComponentPropsWithoutRef<"h3">) => <h4 {...props} />,
  KnowledgeCheck: () => null,
  // Many pages repeat "The law now": as plain boxes they are not a row of landmarks with one name.
  Callout: ({ title, children }: { title: string; children: ReactNode }) => (
    <div className="callout">
      <p className="callout__title">{title}</p>
      {children}
    </div>
  ),
};

export default async function PrintModulePage({ params }: { params: Promise<Params> }) {
  const courseModule = await findModule((await params).module);
  if (!courseModule) notFound();
  const { sources } = await loadCourse();
  const bodies = await Promise.all(courseModule.pages.map(async (p) => (await importModuleFile(courseModule.slug, p.slug)).default));
  const { default: Intro } = await importModuleFile(courseModule.slug, "index");

  // One record of explained words for the whole printout: each is explained on its first use.
  const components = { ...printComponents, Term: makeTerm() };
  return (
    <article className="narrow">
      <div className="print-page">
        <p className="no-print">
          <Link href={modulePath(courseModule.slug)} className="back-link">
            Back to the module overview
          </Link>
        </p>
        <span className="caption">
          Module {courseModule.order}: print version
        </span>
        <h1>{courseModule.title}</h1>
        <div className="notice no-print">
          <p>
            <strong>To print this module,</strong> use your browser&apos;s print option. On a computer, press Ctrl and P
            together (or Command and P on a Mac). On a phone, look in the browser&apos;s menu for Print or Share.
          </p>
          <p>Printing this page does not mark the pages as read. The questions to check what you know are on the lesson pages.</p>
        </div>
        <p className="lead">{courseModule.summary}</p>
        <h2>Key points</h2>
        <ul>
          {courseModule.keyPoints.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
        <h2>About this module</h2>
        <Intro components={components} />
        <h2>Contents</h2>
        <ol>
          {courseModule.pages.map((p) => (
            <li key={p.slug}>
              <a href={`#page-${p.slug}`}>{p.title}</a>
            </li>
          ))}
        </ol>
      </div>

      {courseModule.pages.map((p, i) => {
        const Body = bodies[i]!;
        return (
          <section key={p.slug} className="print-page" aria-labelledby={`page-${p.slug}`}>
            <p className="caption">
              Page {p.number} of {courseModule.pages.length}
            </p>
            <h2 id={`page-${p.slug}`}>{p.title}</h2>
            <Body components={components} />
            <p className="no-print">
              <Link href={lessonPath(courseModule.slug, p.slug)}>
                Read this page on its own<span className="visually-hidden">: {p.title}</span>
              </Link>
            </p>
            <SourceCredits sourceIds={p.sources} sources={sources} headingLevel={3} headingId={`sources-${p.slug}`} region={false} />
          </section>
        );
      })}
    </article>
  );
}
