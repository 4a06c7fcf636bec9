import type { Metadata } from "next";

// Bench-only: the framework's floor for a static page, rendered once at build time like the lesson
// pages. `npm run bench` compares a lesson page with it.
export const dynamic = "force-static";
export const metadata: Metadata = { title: "Speed test page (static)", robots: { index: false, follow: false } };

export default function BenchFloorStaticPage() {
  return (
    <div className="narrow">
      <h1>Speed test page</h1>
      <p>This page is only used to measure how fast the site can be. It is made once, when the site is built, and shows nothing else.</p>
    </div>
  );
}
