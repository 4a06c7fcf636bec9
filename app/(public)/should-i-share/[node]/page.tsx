import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WalkthroughStep, stepTitle } from "@/app/_components/walkthrough/walkthrough-pages";
import { walkthrough } from "@/lib/walkthrough";

// One step of the "Should I share?" job aid: a question with its answers as plain links (nothing is
// sent anywhere, nothing is kept), or an outcome with what to do and the golden rules behind it.
export const dynamicParams = false;

type Params = { node: string };

export function generateStaticParams(): Params[] {
  return Object.keys(walkthrough.nodes).map((node) => ({ node }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const title = stepTitle((await params).node);
  return title ? { title } : {};
}

export default async function WalkthroughStepPage({ params }: { params: Promise<Params> }) {
  const { node: id } = await params;
  if (!Object.hasOwn(walkthrough.nodes, id)) notFound();
  return <WalkthroughStep id={id} local={null} />;
}
