// The refresher reminders sent to the person, and for which certificate.
import { formatLongDate } from "@/lib/dates";
import { formatDateTime } from "@/lib/trainer/format";
import { TableWrap } from "../../../_components/table-wrap";
import type { PersonRecordView, PersonView } from "./types";
import { FIRST_REMINDER_DAYS, SECOND_REMINDER_DAYS } from "@/lib/reminders/select";

const STAGE_LABEL = {
  "30-days": `${FIRST_REMINDER_DAYS} days before expiry`,
  "7-days": `${SECOND_REMINDER_DAYS} days before expiry`,
  due: "On the expiry day",
  overdue: "Overdue",
} as const;

export function RemindersSent({ person, reminders }: { person: PersonView; reminders: PersonRecordView["reminders"] }) {
  return (
    <>
    <h2>Reminders sent</h2>
    {reminders.length === 0 ? (
      <p>No reminders sent.</p>
    ) : (
      <TableWrap label={`Reminders sent to ${person.name}`}>
        <table>
          <caption className="visually-hidden">Reminders sent to {person.name}</caption>
          <thead>
            <tr>
              <th scope="col">Sent</th>
              <th scope="col">Reminder</th>
              <th scope="col">For the certificate expiring</th>
            </tr>
          </thead>
          <tbody>
            {reminders.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.sentAt)}</td>
                <td>{STAGE_LABEL[r.stage]}</td>
                <td>{r.certificateExpiresOn ? formatLongDate(r.certificateExpiresOn) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    )}
    </>
  );
}
