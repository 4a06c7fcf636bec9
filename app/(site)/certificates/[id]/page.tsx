import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";

import { requireViewer } from "@/lib/auth/viewer";
import { type CertificateView, certificateForViewer } from "@/lib/certificates/access";
import { qrSvg } from "@/lib/certificates/qr";
import { CERTIFICATE_STATUS_LABEL, CERTIFICATE_STATUS_TAG } from "@/lib/certificates/status";
import { isoDateInLondon } from "@/lib/clock";
import { formatLongDate } from "@/lib/dates";
import styles from "./certificate.module.css";
import { RevokeForm } from "./revoke-form";
import { orNoAccessAsync, showNotFound } from "@/lib/http-status";
import { schemeContact } from "@/lib/scheme-details/points";
import { localCourseOfScheme } from "@/lib/scheme-details/service";

export const metadata: Metadata = { title: "Certificate" };

function parseId(raw: string): number | null {
  return /^[1-9]\d{0,11}$/.test(raw) ? Number(raw) : null;
}

function StatusNotice({ cert, showReason }: { cert: CertificateView; showReason: boolean }) {
  switch (cert.status) {
    case "valid":
      return null;
    case "expired":
      return (
        <div className="notice notice--warning">
          <p>
            This certificate was valid until {formatLongDate(cert.expiresOn)}. It has now expired.{" "}
            {cert.isOwner ? "Do the refresher to get a new one." : null}
          </p>
        </div>
      );
    case "superseded":
      return (
        <div className="notice">
          <p>
            This certificate has been replaced by a newer one.{" "}
            {cert.supersededById ? <Link href={`/certificates/${cert.supersededById}`}>Go to the newer certificate</Link> : null}
          </p>
        </div>
      );
    case "revoked":
      return (
        <div className="notice notice--error">
          <p>
            This certificate was revoked{cert.revokedAt ? ` on ${formatLongDate(isoDateInLondon(cert.revokedAt))}` : ""}. It is no longer
            valid, and the public check page says so.
          </p>
          {showReason && cert.revokedReason ? <p>Reason given: {cert.revokedReason}</p> : null}
          {cert.isOwner && !showReason ? <p>If you do not know why, ask your trainer.</p> : null}
        </div>
      );
  }
}

export default async function CertificatePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = parseId(rawId);
  const viewer = await requireViewer(id ? `/certificates/${id}` : "/my");
  if (!id) showNotFound();
  const cert = await orNoAccessAsync(async () => await certificateForViewer(viewer, id));
  if (!cert) showNotFound();

  const [svg, local] = await Promise.all([qrSvg(cert.verifyUrl), localCourseOfScheme(cert.schemeId)]);
  const issuedBy = local?.details.publicName ?? cert.schemeName;
  const contact = local ? schemeContact(local.details) : [];
  const manager = viewer.role === "trainer" || viewer.role === "admin";

  return (
    <>
      <p className="no-print">
        <Link href={cert.isOwner ? "/my" : "/trainer"} className="back-link">
          {cert.isOwner ? "Back to My training" : "Back to your scheme"}
        </Link>
      </p>
      {query.revoked && cert.status === "revoked" ? (
        <div className="notice notice--success no-print" role="status">
          <p>You revoked this certificate. The public check page now says it is revoked.</p>
        </div>
      ) : null}
      <StatusNotice cert={cert} showReason={manager} />

      <article className={styles.certificate} aria-labelledby="certificate-title">
        <div className={styles.centre}>
          <p className={styles.scheme}>{issuedBy} · Shared Lives training</p>
          <h1 id="certificate-title" className={styles.title}>
            Certificate of completion
          </h1>
          <p>This certifies that</p>
          <p className={styles.holder}>{cert.holderName}</p>
          <p>has completed the course</p>
          <p className={styles.course}>{cert.courseTitle}</p>
        </div>

        <h2>Modules completed</h2>
        <ul className={styles.modules}>
          {cert.modules.map((m) => (
            <li key={m.slug}>
              <strong>{m.title}</strong>, completed {formatLongDate(m.completedOn)}
              {m.assisted ? (
                <>
                  {" "}
                  <span className="tag tag--blue">Assisted</span> <span className="hint">done on paper with a Shared Lives officer</span>
                </>
              ) : null}
              {cert.routeTexts[m.slug] ? (
                <>
                  {" "}
                  <span className="tag tag--blue">{m.route === "paper" ? "On paper" : "Supported session"}</span>{" "}
                  <span className="hint">{cert.routeTexts[m.slug]}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>

        <h2>Details</h2>
        <dl className="summary-list">
          <div>
            <dt>Status</dt>
            <dd>
              <span className={CERTIFICATE_STATUS_TAG[cert.status]}>{CERTIFICATE_STATUS_LABEL[cert.status]}</span>
            </dd>
          </div>
          <div>
            <dt>Issued on</dt>
            <dd>{formatLongDate(cert.issuedOn)}</dd>
          </div>
          <div>
            <dt>Valid until</dt>
            <dd>{formatLongDate(cert.expiresOn)}</dd>
          </div>
          <div>
            <dt>Course version</dt>
            <dd>{cert.contentVersion}</dd>
          </div>
          <div>
            <dt>Issued by</dt>
            <dd>{issuedBy}</dd>
          </div>
          {contact.length ? (
            <div>
              <dt>Scheme contact</dt>
              <dd>
                {contact.map((c, i) => (
                  <span key={c.label}>
                    {i > 0 ? ", " : null}
                    <a href={c.href}>{c.text}</a>
                  </span>
                ))}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Certificate code</dt>
            <dd className={styles.code} data-testid="certificate-code">{cert.formattedCode}</dd>
          </div>
        </dl>

        <h2>Check this certificate</h2>
        <div className={styles.check}>
          <span
            className={styles.qr}
            role="img"
            aria-label="QR code that opens the check page for this certificate"
            dangerouslySetInnerHTML={{ __html: svg }}
          />
          <p className={styles.checkText}>
            Anyone can check that this certificate is genuine and in date. Scan the QR code, or go to{" "}
            <a href={cert.verifyUrl}>{cert.verifyUrl}</a>
          </p>
        </div>
      </article>

      <div className="no-print">
        <p>
          <a href={`/certificates/${cert.id}/pdf`} className="button" download>
            Download PDF
          </a>
        </p>
        <p className="hint">To print this page instead, use your browser&apos;s print option.</p>

        {cert.canRevoke ? (
          <section aria-labelledby="revoke-title">
            <h2 id="revoke-title">Revoke this certificate</h2>
            <p>
              Revoke a certificate only if it should not have been issued. The public check page will say it is revoked. This cannot be undone: the
              person would need to do the training again to get a new one.
            </p>
            <RevokeForm certificateId={cert.id} />
          </section>
        ) : null}
      </div>
    </>
  );
}
