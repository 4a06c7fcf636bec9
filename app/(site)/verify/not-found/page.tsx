import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";

export const metadata: Metadata = { title: "Certificate not found", robots: { index: false, follow: false } };

// Where an unknown or malformed code ends up. proxy.ts serves it with HTTP 404. (A page that calls
// notFound() would also give 404, but Next.js then sends an empty body to browsers without
// JavaScript: vercel/next.js#62228.)
export default function CertificateNotFound() {
  return (
    <div className="narrow">
      <h1>Certificate not found</h1>
      <p>No certificate has this code.</p>
      <p>Check the code against the certificate. It has 28 letters and numbers, in groups of 4. The letters I, L, O and U are never used.</p>
      <p>If the code is right and it still is not found, the certificate is not genuine, or it was not issued by this site. Ask the person who showed it to you.</p>
      <p>
        <Link href="/verify">Check another code</Link>
      </p>
    </div>
  );
}
