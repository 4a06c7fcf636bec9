import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { notFound } from "next/navigation";
import { ModulePages, printComponentsForOnePrintout } from "@/app/_components/course/module-print";
import { findModule, loadCourse } from "@/lib/content/course";
import { importModuleFile } from "@/lib/content/mdx-files";
import { modulePath } from "@/lib/lessons";

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

export default async function PrintModulePage({ params }: { params: Promise<Params> }) {
  const courseModule = await findModule((await params).module);
  if (!courseModule) notFound();
  const { default: Intro } = await importModuleFile(courseModule.slug, "index");
  const components = printComponentsForOnePrintout();
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

      <ModulePages courseModule={courseModule} components={components} />
    </article>
  );
}
