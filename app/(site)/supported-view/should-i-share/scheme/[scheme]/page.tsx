import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WalkthroughStart } from "@/app/_components/walkthrough/walkthrough-pages";
import { readWalkthroughSegment } from "@/lib/scheme-details/links";
import { localCourseOfPage } from "@/lib/scheme-details/service";

// In a supported session, proxy.ts serves a scheme's cached copy of the walk-through's start through
// this per-request twin (lib/support/hint.ts), under the (site) layout and its supported-session
// banner. The same content as app/(local)/should-i-share/scheme/[scheme]/page.tsx, without the
// header that page draws for itself (the layout draws one here).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Should I share? A guide to the seven key questions", robots: { index: false } };

export default async function SupportedSchemeWalkthroughStart({ params }: { params: Promise<{ scheme: string }> }) {
  const signed = readWalkthroughSegment((await params).scheme, null);
  if (!signed) notFound();
  return <WalkthroughStart local={await localCourseOfPage(signed)} />;
}
