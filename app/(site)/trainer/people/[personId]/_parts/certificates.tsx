// Every certificate the person has held, newest first, with its status and the modules behind it.
import { Link } from "@/app/_components/links/link";
import { CERTIFICATE_STATUS_LABEL, CERTIFICATE_STATUS_TAG } from "@/lib/certificates/status";
import { formatLongDate } from "@/lib/dates";
import { TableWrap } from "../../../_components/table-wrap";
import type { ModuleTitleMap, PersonRecordView, PersonView } from "./types";

export function PersonCertificates({ person, certificates, titles }: { person: PersonView; certificates: PersonRecordView["certificates"]; titles: ModuleTitleMap }) {
  return (
    <>
    <h2>Certificates</h2>
    {certificates.length === 0 ? (
      <p>No certificates yet.</p>
    ) : (
      <TableWrap label={`Certificates of ${person.name}`}>
        <table>
          <caption className="visually-hidden">Certificates of {person.name}</caption>
          <thead>
            <tr>
              <th scope="col">Issued</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
              <th scope="col">Modules</th>
              <th scope="col">Code and version</th>
            </tr>
          </thead>
          <tbody>
            {certificates.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/certificates/${c.id}`}>{formatLongDate(c.issuedOn)}</Link>
                </td>
                <td>{formatLongDate(c.expiresOn)}</td>
                <td>
                  <span className={CERTIFICATE_STATUS_TAG[c.status]}>{CERTIFICATE_STATUS_LABEL[c.status]}</span>
                  {c.revokedReason ? <span style={{ display: "block" }}>Reason: {c.revokedReason}</span> : null}
                </td>
                <td>
                  <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
                    {c.modules.map((m) => (
                      <li key={m.slug}>
                        {titles.get(m.slug) ?? m.title}: {formatLongDate(m.completedOn)}
                        {m.assisted ? " (assisted)" : m.score !== null ? `, ${m.score} out of ${m.total}` : ""}
                        {m.routeText ? ` (${m.routeText})` : ""}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {c.code}
                  <span style={{ display: "block" }}>
                    Cycle {c.cycle}, content {c.contentVersion}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    )}
    </>
  );
}
