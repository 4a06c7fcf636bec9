import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WalkthroughStep, stepTitle } from "@/app/_components/walkthrough/walkthrough-pages";
import { readWalkthroughSegment } from "@/lib/scheme-details/links";
import { localCourseOfPage } from "@/lib/scheme-details/service";
import { walkthrough } from "@/lib/walkthrough";

// In a supported session, proxy.ts serves one step of a scheme's cached copy of the walk-through
// through this per-request twin (lib/support/hint.ts), under the (site) layout and its banner. The
// same content as app/(local)/should-i-share/scheme/[scheme]/[node]/page.tsx, without its header.
export const dynamic = "force-dynamic";

type Params = { scheme: string; node: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const title = stepTitle((await params).node);
  return title ? { title, robots: { index: false } } : {};
}

export default async function SupportedSchemeWalkthroughStep({ params }: { params: Promise<Params> }) {
  const { scheme, node } = await params;
  const signed = Object.hasOwn(walkthrough.nodes, node) ? readWalkthroughSegment(scheme, node) : null;
  if (!signed) notFound();
  return <WalkthroughStep id={node} local={await localCourseOfPage(signed)} />;
}
