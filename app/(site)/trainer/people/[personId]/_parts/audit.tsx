// The latest audit entries about the person, with a link to all of them past the limit.
import { Link } from "@/app/_components/links/link";
import { auditActionLabel, auditDetailsText } from "@/lib/trainer/audit-words";
import { formatDateTime } from "@/lib/trainer/format";
import { PERSON_AUDIT_LIMIT } from "@/lib/trainer/person-record";
import { TableWrap } from "../../../_components/table-wrap";
import type { PersonRecordView, PersonView, TrainerHref } from "./types";

export function PersonAudit({ person, audit, href }: { person: PersonView; audit: PersonRecordView["audit"]; href: TrainerHref }) {
  return (
    <>
    <h2>Audit entries about {person.name}</h2>
    {audit.length === 0 ? (
      <p>None.</p>
    ) : (
      <TableWrap label={`Audit entries about ${person.name}`}>
        <table>
          <caption className="visually-hidden">Audit entries about {person.name}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((a) => (
              <tr key={a.id}>
                <td>{formatDateTime(a.at)}</td>
                <td>{auditActionLabel(a.action)}</td>
                <td>{auditDetailsText(a.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    )}
    {audit.length === PERSON_AUDIT_LIMIT ? (
      <p>
        These are the latest {PERSON_AUDIT_LIMIT}. <Link href={href("/trainer/audit", { person: person.id })}>See them all in the audit log</Link>.
      </p>
    ) : null}
    </>
  );
}
