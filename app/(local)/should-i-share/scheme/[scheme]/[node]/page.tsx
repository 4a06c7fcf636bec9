import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicHeader } from "@/app/_components/site-header";
import { WalkthroughStep, stepTitle } from "@/app/_components/walkthrough/walkthrough-pages";
import { readWalkthroughSegment, walkthroughHref } from "@/lib/scheme-details/links";
import { localCourseOfPage } from "@/lib/scheme-details/service";
import { walkthrough } from "@/lib/walkthrough";

// One step of a scheme's copy of the walk-through: cached like the lesson copies (see
// app/(local)/modules/[module]/[page]/scheme/[scheme]/page.tsx).
export const dynamic = "error";
export const revalidate = 3600;

type Params = { scheme: string; node: string };

export async function generateStaticParams(): Promise<Params[]> {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const title = stepTitle((await params).node);
  return title ? { title, robots: { index: false } } : {};
}

export default async function SchemeWalkthroughStep({ params }: { params: Promise<Params> }) {
  const { scheme, node } = await params;
  const signed = Object.hasOwn(walkthrough.nodes, node) ? readWalkthroughSegment(scheme, node) : null;
  if (!signed) notFound();
  // An address from before the scheme's latest save shows the page as everyone reads it.
  const local = await localCourseOfPage(signed);
  return (
    <>
      <PublicHeader walkthroughHref={walkthroughHref(local)} />
      <main id="main" tabIndex={-1}>
        <WalkthroughStep id={node} local={local} />
      </main>
    </>
  );
}
