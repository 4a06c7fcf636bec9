import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Search): Promise<Metadata> {
  const supported = (await searchParams).why === "supported-session";
  return { title: supported ? "This is not part of a supported session" : "You do not have access to this page", robots: { index: false } };
}

// Served with HTTP 403 by proxy.ts (see lib/http-status.ts). It shows no data. ?why=supported-session
// (lib/http-status.ts: SUPPORTED_SESSION_NO_ACCESS_PATH) says why a supported session was refused.
export default async function NoAccess({ searchParams }: Search) {
  if ((await searchParams).why === "supported-session") {
    return (
      <div className="narrow">
        <h1>This is not part of a supported session</h1>
        <p>A supported session can only read the course, do its quizzes and see their results.</p>
        <p>
          Their certificates, their data and their account are not available in a supported session. To use them, end the supported session with
          the button at the top of the page.
        </p>
        <p>
          <Link href="/my">Back to their training</Link>
        </p>
      </div>
    );
  }
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
