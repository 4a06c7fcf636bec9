// Who the person is: email, role, intake, account state and training status.
import { ROLE_LABEL } from "@/lib/trainer/matrix";
import { formatDateTime } from "@/lib/trainer/format";
import type { PersonRecordView } from "./types";

export function PersonSummary({ person, row }: Pick<PersonRecordView, "person" | "row">) {
  return (
    <dl className="summary-list">
      <div>
        <dt>Email</dt>
        <dd>{person.email}</dd>
      </div>
      <div>
        <dt>Role</dt>
        <dd>{ROLE_LABEL[person.role]}</dd>
      </div>
      <div>
        <dt>Intake</dt>
        <dd>{person.intakeName ?? "None"}</dd>
      </div>
      <div>
        <dt>Account</dt>
        <dd>
          {person.anonymisedAt ? (
            <span className="tag tag--grey">Anonymised {formatDateTime(person.anonymisedAt)}</span>
          ) : person.active ? (
            <span className="tag tag--green">Active</span>
          ) : (
            <span className="tag tag--grey">Deactivated{person.deactivatedAt ? ` ${formatDateTime(person.deactivatedAt)}` : ""}</span>
          )}{" "}
          Created {formatDateTime(person.createdAt)}
          {person.hasPassword ? "" : ". Signs in by emailed link (no password)"}
        </dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          <span className={row.statusTag}>{row.statusLabel}</span> {row.cycle === 1 ? "Recruitment training" : `Yearly refresher number ${row.cycle - 1}`}
          {row.isRefresher ? " (to do now)" : ""}
        </dd>
      </div>
    </dl>
  );
}
