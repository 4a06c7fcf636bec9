import type { Metadata } from "next";
import { WalkthroughStart } from "@/app/_components/walkthrough/walkthrough-pages";

// The "Should I share?" job aid: public, static, and it keeps nothing. Each answer is a plain link.
export const metadata: Metadata = { title: "Should I share? A guide to the seven key questions" };

export default function ShouldIShareStart() {
  return <WalkthroughStart local={null} />;
}
