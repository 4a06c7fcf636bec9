import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { safeReturnPath } from "@/lib/validation";
import { LinkRequestForm } from "./link-request-form";
import { LINK_MINUTES } from "@/lib/auth/links";

export const metadata: Metadata = { title: "Email me a sign-in link" };

export default async function EmailLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeReturnPath((await searchParams).next);
  return (
    <div className="narrow">
      <Link href="/sign-in" className="back-link">
        Back to sign in
      </Link>
      <h1>Email me a sign-in link</h1>
      <p>Type the email address your Shared Lives scheme has for you. We will send a link that signs you in.</p>
      <p>The link works once, for {LINK_MINUTES} minutes.</p>
      <LinkRequestForm next={next} />
    </div>
  );
}
