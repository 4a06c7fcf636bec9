import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { safeReturnPath } from "@/lib/validation";
import { SignInForm } from "./sign-in-form";
import { LINK_MINUTES } from "@/lib/auth/links";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeReturnPath(params.next);
  if (await getViewer()) redirect(next ?? "/dashboard");
  const linkHref = next ? `/sign-in/email?next=${encodeURIComponent(next)}` : "/sign-in/email";
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <SignInForm next={next} />
      <h2>Prefer not to use a password?</h2>
      <p>We can email you a link that signs you in. It works once, for {LINK_MINUTES} minutes.</p>
      <p>
        <Link href={linkHref}>Email me a sign-in link</Link>
      </p>
      <h2>New to the course?</h2>
      <p>Your Shared Lives scheme sends you an invitation by email. Ask your trainer or Shared Lives officer if you have not had one.</p>
    </div>
  );
}
