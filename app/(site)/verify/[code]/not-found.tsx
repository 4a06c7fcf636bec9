import Link from "next/link";

// Shown with a 404 for a code that is malformed or that no certificate has.
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
