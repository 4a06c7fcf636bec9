import type { Metadata } from "next";
import { headers } from "next/headers";
import { Link } from "@/app/_components/links/link";
import { redirect } from "next/navigation";
import { type PublicCertificate, verifyCode } from "@/lib/certificates/access";
import { CERTIFICATE_STATUS_LABEL, CERTIFICATE_STATUS_TAG } from "@/lib/certificates/status";
import { now } from "@/lib/clock";
import { formatLongDate } from "@/lib/dates";
import { clientKey, takeRequest, verifyLimit } from "@/lib/rate-limit";

// The public answer to "is this certificate genuine and in date?". It shows the holder's name, the
// course, the course version and the dates, and nothing else.
export const metadata: Metadata = { title: "Certificate check", robots: { index: false, follow: false } };

function Verdict({ cert }: { cert: PublicCertificate }) {
  switch (cert.status) {
    case "valid":
      return <p className="lead">This certificate is genuine and in date. It is valid until {formatLongDate(cert.expiresOn)}.</p>;
    case "expired":
      return (
        <p className="lead">
          This certificate is genuine, but it has expired. It was valid until {formatLongDate(cert.expiresOn)}. The holder needs to do the yearly
          refresher.
        </p>
      );
    case "superseded":
      return (
        <p className="lead">
          This certificate is genuine, but it has been replaced by a newer one. Ask the holder for their latest certificate, and check that one.
        </p>
      );
    case "revoked":
      return <p className="lead">This certificate has been revoked by the Shared Lives scheme that issued it. It is not valid.</p>;
  }
}

export default async function VerifyResultPage({ params }: { params: Promise<{ code: string }> }) {
  const [{ code }, requestHeaders] = await Promise.all([params, headers()]);

  // A page cannot send HTTP 429 in the App Router (only 404, 403 and 401 have special files), so
  // a throttled client gets this message with 200. Codes have 140 random bits: the limit is
  // against scraping and load, not guessing.
  // The count lives in the database, so every app process shares it.
  const allowed = await takeRequest(verifyLimit(), clientKey(requestHeaders), now().getTime());
  if (!allowed.ok) {
    return (
      <div className="narrow">
        <h1>Too many checks</h1>
        <p>This address has checked a lot of certificates in the last minute. Wait a minute, then try again.</p>
        <p>
          <Link href="/verify">Check a certificate</Link>
        </p>
      </div>
    );
  }

  const cert = await verifyCode(code);
  if (!cert) redirect("/verify/not-found");

  return (
    <div className="narrow">
      <h1>Certificate check</h1>
      <p>
        <span className={CERTIFICATE_STATUS_TAG[cert.status]} data-testid="certificate-status">
          {CERTIFICATE_STATUS_LABEL[cert.status]}
        </span>
      </p>
      <Verdict cert={cert} />
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{cert.holderName}</dd>
        </div>
        <div>
          <dt>Course</dt>
          <dd>{cert.courseTitle}</dd>
        </div>
        <div>
          <dt>Course version</dt>
          <dd>{cert.contentVersion}</dd>
        </div>
        <div>
          <dt>Issued on</dt>
          <dd>{formatLongDate(cert.issuedOn)}</dd>
        </div>
        <div>
          <dt>Valid until</dt>
          <dd>{formatLongDate(cert.expiresOn)}</dd>
        </div>
      </dl>
      <p>
        Check the name against the person&apos;s identification. This page shows nothing else about them. The certificate covers three modules on
        confidentiality and information sharing for Shared Lives.
      </p>
      <p>
        <Link href="/verify">Check another certificate</Link>
      </p>
    </div>
  );
}
