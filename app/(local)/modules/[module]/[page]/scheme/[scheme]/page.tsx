import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonArticle } from "@/app/_components/course/lesson-article";
import { findLesson } from "@/lib/lessons";
import { readLessonSegment } from "@/lib/scheme-details/links";
import { localCourseOfPage } from "@/lib/scheme-details/service";

// A scheme's own copy of a lesson page, with its contacts where the course says to ask the scheme.
// Not rendered per request: each copy is rendered once, when first asked for, then served from
// the page cache like the page everyone reads (Incremental Static Regeneration). Saving the
// scheme's details gives new addresses (the save is named in the signed segment), so a copy is
// never out of date under the addresses the site hands out; the one-hour revalidation turns old
// addresses someone kept into the page everyone reads. proxy.ts lets only signed addresses through.
export const dynamic = "error";
export const revalidate = 3600;

type Params = { module: string; page: string; scheme: string };

// None at build time (there is no database then): every copy is made on first request.
export async function generateStaticParams(): Promise<Params[]> {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { module: moduleSlug, page: pageSlug } = await params;
  const lesson = await findLesson(moduleSlug, pageSlug);
  // One scheme's copy: not for search engines (the page everyone reads is the one to find).
  return lesson ? { title: `${lesson.page.title} (${lesson.module.title})`, robots: { index: false } } : {};
}

export default async function SchemeLessonPage({ params }: { params: Promise<Params> }) {
  const { module: moduleSlug, page: pageSlug, scheme } = await params;
  const lesson = await findLesson(moduleSlug, pageSlug);
  const signed = lesson ? readLessonSegment(scheme, lesson.module.slug, lesson.page.slug) : null;
  if (!lesson || !signed) notFound();
  // An address from before the scheme's latest save shows the page as everyone reads it.
  return <LessonArticle lesson={lesson} local={await localCourseOfPage(signed)} />;
}
