import { Link } from "@/app/_components/links/link";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { SourceCredits } from "@/app/_components/course/lesson-parts";
import { courseComponents, makeTerm } from "@/app/_components/mdx/course-components";
import { type findModule, loadCourse } from "@/lib/content/course";
import { importModuleFile } from "@/lib/content/mdx-files";
import { lessonPath } from "@/lib/lessons";

type CourseModule = NonNullable<Awaited<ReturnType<typeof findModule>>>;

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

/** One record of explained words for a whole printout: each is explained on its first use. */
export function printComponentsForOnePrintout() {
  return { ...printComponents, Term: makeTerm() };
}

/**
 * A module's pages one after another, each starting on a new sheet (.print-page), without the
 * knowledge checks: the module's print view and a paper workbook both print the lessons this way.
 */
export async function ModulePages({
  courseModule,
  components,
  links = true,
}: {
  courseModule: CourseModule;
  components: ReturnType<typeof printComponentsForOnePrintout>;
  /** "Read this page on its own" links (not in a workbook, which is only ever on paper). */
  links?: boolean;
}) {
  const { sources } = await loadCourse();
  const bodies = await Promise.all(courseModule.pages.map(async (p) => (await importModuleFile(courseModule.slug, p.slug)).default));
  return (
    <>
      {courseModule.pages.map((p, i) => {
        const Body = bodies[i]!;
        return (
          <section key={p.slug} className="print-page" aria-labelledby={`page-${p.slug}`}>
            <p className="caption">
              Page {p.number} of {courseModule.pages.length}
            </p>
            <h2 id={`page-${p.slug}`}>{p.title}</h2>
            <Body components={components} />
            {links ? (
              <p className="no-print">
                <Link href={lessonPath(courseModule.slug, p.slug)}>
                  Read this page on its own<span className="visually-hidden">: {p.title}</span>
                </Link>
              </p>
            ) : null}
            <SourceCredits sourceIds={p.sources} sources={sources} headingLevel={3} headingId={`sources-${p.slug}`} region={false} />
          </section>
        );
      })}
    </>
  );
}
