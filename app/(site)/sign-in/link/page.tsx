import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { inspectSignInLink } from "@/lib/auth/credentials";
import { safeReturnPath } from "@/lib/validation";
import { LinkSignInForm } from "./link-sign-in-form";
import { LINK_MINUTES } from "@/lib/auth/links";

export const metadata: Metadata = { title: "Sign in with your link" };

const problems = {
  malformed: "This sign-in link is not complete. It may have been cut short when it was copied.",
  unknown: "We do not recognise this sign-in link.",
  used: "This sign-in link has already been used. Each link works once.",
  expired: `This sign-in link has run out. Links work for ${LINK_MINUTES} minutes.`,
  inactive: "This account is no longer active. Ask your Shared Lives scheme if you think this is wrong.",
} as const;

// Opening the link does not sign you in by itself (email scanners open links too); pressing the
// button does, once.
export default async function LinkSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const next = safeReturnPath(params.next);
  const check = await inspectSignInLink(token);
  if (!check.ok) {
    return (
      <div className="narrow">
        <h1>This link does not work</h1>
        <p>{problems[check.reason]}</p>
        <p>
          <Link href="/sign-in/email">Ask for a new sign-in link</Link> or <Link href="/sign-in">sign in with your password</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Sign in to Shared Lives training</h1>
      <p>Press the button to finish signing in.</p>
      <LinkSignInForm token={token} next={next} />
    </div>
  );
}
