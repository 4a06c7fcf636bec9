import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { inspectInvitation } from "@/lib/invitations";
import { AcceptForm } from "./accept-form";
import { INVITATION_DAYS } from "@/lib/invitations";

export const metadata: Metadata = { title: "Set up your account" };

const problems = {
  malformed: "This invitation link is not complete. It may have been cut short when it was copied.",
  unknown: "We do not recognise this invitation link.",
  used: "This invitation has already been used to set up an account.",
  expired: `This invitation has run out. Invitations work for ${INVITATION_DAYS} days.`,
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const check = await inspectInvitation(token);
  if (!check.ok) {
    return (
      <div className="narrow">
        <h1>This invitation does not work</h1>
        <p>{problems[check.reason]}</p>
        {check.reason === "used" ? (
          <p>
            If you set up your account already, <Link href="/sign-in">sign in</Link>.
          </p>
        ) : null}
        <p>Ask your trainer or Shared Lives officer to send you a new invitation.</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <span className="caption">{check.schemeName}</span>
      <h1>Set up your account</h1>
      <p>
        You are setting up the account for <strong>{check.email}</strong>.
      </p>
      <AcceptForm token={token} email={check.email} name={check.name} />
    </div>
  );
}
