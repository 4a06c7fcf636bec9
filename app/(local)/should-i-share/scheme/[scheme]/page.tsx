import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicHeader } from "@/app/_components/site-header";
import { WalkthroughStart } from "@/app/_components/walkthrough/walkthrough-pages";
import { walkthroughHref } from "@/lib/scheme-details/links";
import { readWalkthroughSegment } from "@/lib/scheme-details/links";
import { localCourseOfPage } from "@/lib/scheme-details/service";

// A scheme's copy of the walk-through's start page: cached like the lesson copies (see
// app/(local)/modules/[module]/[page]/scheme/[scheme]/page.tsx). The page draws its own header
// (no layout): its "Should I share?" link is signed only once the address has been checked.
export const dynamic = "error";
export const revalidate = 3600;

export const metadata: Metadata = { title: "Should I share? A guide to the seven key questions", robots: { index: false } };

export async function generateStaticParams(): Promise<{ scheme: string }[]> {
  return [];
}

export default async function SchemeWalkthroughStart({ params }: { params: Promise<{ scheme: string }> }) {
  const signed = readWalkthroughSegment((await params).scheme, null);
  if (!signed) notFound();
  // An address from before the scheme's latest save shows the page as everyone reads it.
  const local = await localCourseOfPage(signed);
  return (
    <>
      <PublicHeader walkthroughHref={walkthroughHref(local)} />
      <main id="main" tabIndex={-1}>
        <WalkthroughStart local={local} />
      </main>
    </>
  );
}
