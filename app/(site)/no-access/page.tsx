import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "You do not have access to this page", robots: { index: false } };

// Served with HTTP 403 by proxy.ts (see lib/http-status.ts). It shows no data.
export default function NoAccess() {
  return (
    <div className="narrow">
      <h1>You do not have access to this page</h1>
      <p>This page is for a different role, or for another Shared Lives scheme.</p>
      <p>
        <Link href="/dashboard">Go to your own training page</Link>
      </p>
    </div>
  );
}
