import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";

import { canTakeCourse } from "@/lib/access";
import { requireViewer } from "@/lib/auth/viewer";
import { CERTIFICATE_STATUS_LABEL, CERTIFICATE_STATUS_TAG } from "@/lib/certificates/status";
import { formatLongDate } from "@/lib/dates";
import { showNoAccess } from "@/lib/http-status";
import { certificateHistory } from "@/lib/training/overview";

export const metadata: Metadata = { title: "My certificates" };

// Every certificate the person has had, newest first. Not part of a supported session (the
// default of requireViewer): a carer's certificates are theirs to look at on their own account.
export default async function MyCertificatesPage() {
  const viewer = await requireViewer("/my/certificates");
  if (!canTakeCourse(viewer)) showNoAccess();
  const certificates = await certificateHistory(viewer, viewer.personId);
  return (
    <>
      <p>
        <Link href="/my" className="back-link">
          Back to My training
        </Link>
      </p>
      <h1>My certificates</h1>
      {certificates.length ? (
        <>
          <p>
            Your newest certificate is at the top. Anyone can check that a certificate is real: they type its code into the{" "}
            <Link href="/verify">Check a certificate</Link> page.
          </p>
          {/* On a phone the rows stack into cards (globals.css, .table--stack). The explicit roles keep
              it a table for screen readers in browsers that drop table semantics once rows are blocks. */}
          <div className="table-wrap">
            <table className="table--stack" role="table">
              <caption className="visually-hidden">My certificates</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">Issued</th>
                  <th scope="col" role="columnheader">Expires</th>
                  <th scope="col" role="columnheader">Status</th>
                  <th scope="col" role="columnheader">Code</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {certificates.map((c) => (
                  <tr key={c.id} role="row">
                    <td role="cell" data-label="Issued">
                      <Link href={`/certificates/${c.id}`}>{formatLongDate(c.issuedOn)}</Link>
                    </td>
                    <td role="cell" data-label="Expires">{formatLongDate(c.expiresOn)}</td>
                    <td role="cell" data-label="Status">
                      <span className={CERTIFICATE_STATUS_TAG[c.status]}>{CERTIFICATE_STATUS_LABEL[c.status]}</span>
                    </td>
                    <td role="cell" data-label="Code" className="code-cell">{c.code}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>You do not have a certificate yet. You get one when you pass the quizzes of all three modules.</p>
      )}
    </>
  );
}
