import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonArticle } from "@/app/_components/course/lesson-article";
import { allLessonParams, findLesson } from "@/lib/lessons";

// One page of a module, the same for everyone: built once at build time. A scheme that has given
// its contacts has its own copy of each page (./scheme/[scheme]), with them in it.
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
  return <LessonArticle lesson={lesson} local={null} />;
}
