import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";

export const metadata: Metadata = { title: "You have signed out" };

export default function SignedOut() {
  return (
    <div className="narrow">
      <h1>You have signed out</h1>
      <p>Your session has ended on this device.</p>
      <p>
        <Link href="/sign-in">Sign in again</Link>
      </p>
    </div>
  );
}
