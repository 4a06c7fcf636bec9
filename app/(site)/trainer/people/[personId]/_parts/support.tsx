// Supported sessions run with the person and paper workbooks printed for them (issue 16): who, when,
// how each ended, and each workbook's result. Nothing about these routes is hidden from a trainer.
import { Link } from "@/app/_components/links/link";
import { formatDateTime } from "@/lib/trainer/format";
import { TableWrap } from "../../../_components/table-wrap";
import type { ModuleTitleMap, PersonRecordView, PersonView } from "./types";

const END_LABEL = { ended: "Ended by the officer", expired: "Ended by itself (not used)", "signed-out": "The officer signed out", "not-allowed": "Ended: no longer allowed" } as const;

export function SupportRecord({
  person,
  sessions,
  workbooks,
  titles,
}: {
  person: PersonView;
  sessions: PersonRecordView["supportedSessions"];
  workbooks: PersonRecordView["workbooks"];
  titles: ModuleTitleMap;
}) {
  if (sessions.length === 0 && workbooks.length === 0 && person.role !== "carer") return null;
  return (
    <>
      <h2>Supported sessions and paper workbooks</h2>
      <h3>Supported sessions</h3>
      {sessions.length === 0 ? (
        <p>None.</p>
      ) : (
        <TableWrap label={`Supported sessions with ${person.name}`}>
          <table>
            <caption className="visually-hidden">Supported sessions with {person.name}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Officer</th>
                <th scope="col">Ended</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>{formatDateTime(s.startedAt)}</td>
                  <td>{s.officerName}</td>
                  <td>{s.endedAt ? `${formatDateTime(s.endedAt)}: ${s.endReason ? END_LABEL[s.endReason] : ""}` : `Open (last used ${formatDateTime(s.lastActiveAt)})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h3>Paper workbooks</h3>
      {workbooks.length === 0 ? (
        <p>None.</p>
      ) : (
        <TableWrap label={`Paper workbooks of ${person.name}`}>
          <table>
            <caption className="visually-hidden">Paper workbooks printed for {person.name}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Module</th>
                <th scope="col">Printed</th>
                <th scope="col">Answers</th>
              </tr>
            </thead>
            <tbody>
              {workbooks.map((w) => (
                <tr key={w.id}>
                  <td className="code-cell">{w.formattedReference}</td>
                  <td>{titles.get(w.moduleSlug) ?? w.moduleSlug}</td>
                  <td>
                    {formatDateTime(w.printedAt)} by {w.printedByName}
                  </td>
                  <td>
                    {w.enteredAt ? (
                      <>
                        Entered {formatDateTime(w.enteredAt)} by {w.enteredByName}: {w.passed ? "passed" : "not passed"}, {w.score} out of {w.total}.{" "}
                        <Link href={`/support/paper/${w.reference}/result`}>
                          Result<span className="visually-hidden"> of workbook {w.formattedReference}</span>
                        </Link>
                      </>
                    ) : (
                      "Not entered yet"
                    )}
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
