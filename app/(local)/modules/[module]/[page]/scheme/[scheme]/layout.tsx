import type { ReactNode } from "react";
import { CourseHeader } from "@/app/_components/site-header";
import { readLessonSegment, walkthroughHref } from "@/lib/scheme-details/links";

// A scheme's copy of a lesson page: the course's header, with "Should I share?" going to the
// same scheme's copy of the walk-through. Static, like the page; nothing here reads the request.
export default async function SchemeLessonLayout({ children, params }: { children: ReactNode; params: Promise<{ module: string; page: string; scheme: string }> }) {
  const { module: moduleSlug, page: pageSlug, scheme } = await params;
  const signed = readLessonSegment(scheme, moduleSlug, pageSlug);
  return (
    <>
      <CourseHeader walkthroughHref={walkthroughHref(signed)} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
