import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

// Served with HTTP 404 by proxy.ts (see lib/http-status.ts).
export default function PageNotFound() {
  return (
    <div className="narrow">
      <h1>Page not found</h1>
      <p>We could not find that page. It may belong to someone else, or the link may be out of date.</p>
      <p>
        <Link href="/dashboard">Go to your training page</Link>
      </p>
    </div>
  );
}
