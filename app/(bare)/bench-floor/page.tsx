import type { Metadata } from "next";
import { connection } from "next/server";

// Bench-only: the framework's floor for a dynamic page. Rendered on every request (like every
// signed-in page) but it touches no database and no session, so `npm run bench` can measure what
// Next.js itself costs per request on this machine and compare the real pages with it.
export const metadata: Metadata = { title: "Speed test page (dynamic)", robots: { index: false, follow: false } };

export default async function BenchFloorPage() {
  await connection();
  return (
    <div className="narrow">
      <h1>Speed test page</h1>
      <p>This page is only used to measure how fast the site can be. It is made afresh for every visit and shows nothing else.</p>
    </div>
  );
}
