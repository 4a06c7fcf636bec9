import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/viewer";
import { CERTIFICATE_STATUS_LABEL, CERTIFICATE_STATUS_TAG } from "@/lib/certificates/status";
import { formatLongDate } from "@/lib/dates";
import { auditActionLabel, auditDetailsText } from "@/lib/trainer/audit-words";
import { formatDateTime } from "@/lib/trainer/format";
import { intakesOf } from "@/lib/trainer/intakes";
import { ROLE_LABEL } from "@/lib/trainer/matrix";
import { PERSON_AUDIT_LIMIT, personRecord } from "@/lib/trainer/person-record";
import { findScheme } from "@/db/queries/people";
import { parseId, trainerHref } from "@/lib/trainer/scope";
import { moduleTitles } from "@/lib/training/complete";
import { showNotFound } from "@/lib/http-status";
import { ActiveToggle } from "../../active-toggle";
import { moveToIntakeFormAction } from "../../actions";
import { CertificateCellView, ModuleCellView } from "../../_components/cells";
import { TrainerNav } from "../../_components/nav";
import { orForbidden, personScope } from "../../_components/scope";
import { TableWrap } from "../../_components/table-wrap";

export const metadata: Metadata = { title: "Person's training record" };

const STAGE_LABEL = { "30-days": "30 days before expiry", "7-days": "7 days before expiry", due: "On the expiry day", overdue: "Overdue" } as const;

export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ personId }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireRole(["trainer", "admin"], `/trainer/people/${personId}`);
  const id = parseId(personId);
  if (id === null) showNotFound();
  const record = await orForbidden(async () => await personRecord(viewer, id));
  const { person, row } = record;
  const scope = personScope(viewer, person, (await findScheme(person.schemeId))?.name ?? "");
  const [titles, intakes] = [await moduleTitles(), await orForbidden(async () => await intakesOf(viewer, person.schemeId))];
  const recorded = typeof query.recorded === "string" ? titles.get(query.recorded) : undefined;
  const remaining = row.modules.filter((m) => m.status !== "complete").length;
  const href = (path: string, q: Record<string, string | number> = {}) => trainerHref(scope, path, q);

  return (
    <>
      <TrainerNav scope={scope} current={null} />
      <h1>{person.name}</h1>
      {recorded ? (
        <div className="notice notice--success" role="status">
          <p>
            Recorded: {person.name} completed {recorded} on paper (assisted).
            {query.certificate ? " That completes their training: their certificate has been issued." : ""}
          </p>
        </div>
      ) : null}
      {query.moved ? (
        <div className="notice notice--success" role="status">
          <p>{person.intakeName ? `${person.name} is now in the intake “${person.intakeName}”.` : `${person.name} is no longer in an intake.`}</p>
        </div>
      ) : null}
      <p>
        <Link prefetch={false} href={href("/trainer/matrix")}>Back to the training matrix</Link>
      </p>

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

      <h2>Their current training</h2>
      <TableWrap label={`Current training of ${person.name}`}>
        <table>
          <caption className="visually-hidden">Modules and certificate for {person.name}</caption>
          <thead>
            <tr>
              <th scope="col">Module</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {row.modules.map((m) => (
              <tr key={m.slug}>
                <th scope="row">{titles.get(m.slug) ?? m.slug}</th>
                <td>
                  <ModuleCellView cell={m} />
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">Certificate</th>
              <td>
                <CertificateCellView cell={row.certificate} />
              </td>
            </tr>
          </tbody>
        </table>
      </TableWrap>

      <h2>Actions</h2>
      <ul>
        {person.active && remaining > 0 ? (
          <li>
            <Link prefetch={false} href={href(`/trainer/people/${person.id}/assisted`)}>Record a module they completed on paper with their officer (assisted completion)</Link>
          </li>
        ) : null}
        <li>
          <a href={`/trainer/people/${person.id}/data`} download>
            Download all the data held about {person.name} (for a subject access request, JSON file)
          </a>
        </li>
        <li>
          <Link prefetch={false} href={href("/trainer/audit", { person: person.id })}>See every audit entry about {person.name}</Link>
        </li>
      </ul>
      {person.id !== viewer.personId && !person.anonymisedAt ? (
        <>
          <h3>{person.active ? "When someone leaves" : "Account"}</h3>
          <p>
            {person.active
              ? "Deactivating someone signs them out at once and stops them signing in. Their training records are kept."
              : "They cannot sign in. Reactivating lets them sign in again."}
          </p>
          <ActiveToggle personId={person.id} name={person.name} active={person.active} />
        </>
      ) : null}
      {intakes.length ? (
        <form action={moveToIntakeFormAction}>
          <input type="hidden" name="personId" value={person.id} />
          <div className="form-group">
            <label htmlFor="intakeId">Intake</label>
            <select id="intakeId" name="intakeId" defaultValue={person.intakeId === null ? "" : String(person.intakeId)}>
              <option value="">No intake</option>
              {intakes.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            Change intake
          </button>
        </form>
      ) : null}

      <h2>Certificates</h2>
      {record.certificates.length === 0 ? (
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
              {record.certificates.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link prefetch={false} href={`/certificates/${c.id}`}>{formatLongDate(c.issuedOn)}</Link>
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

      <h2>Quiz attempts</h2>
      {record.attempts.length === 0 ? <p>No quiz attempts yet.</p> : <p>Newest first. Open an attempt to see every choice made, in order.</p>}
      {record.attempts.map((a) => (
        <details key={a.id} className="card" style={{ marginBottom: "0.75rem" }}>
          <summary>
            <strong>{titles.get(a.moduleSlug) ?? a.moduleSlug}</strong>, {formatDateTime(a.startedAt)}:{" "}
            {a.submittedAt ? (a.passed ? `passed, ${a.score} out of ${a.total}` : `not passed, ${a.score} out of ${a.total}`) : "not submitted"} (cycle {a.cycle})
          </summary>
          <ol>
            {a.questions.map((q) => (
              <li key={q.scenarioId}>
                <strong>{q.title}</strong>
                {q.choices.length === 0 ? (
                  <p>Not answered.</p>
                ) : (
                  <ul>
                    {q.choices.map((c, i) => (
                      <li key={i}>
                        {i === 0 ? "Chose" : "Changed to"} “{c.optionText}” ({c.best ? "the best answer" : "not the best answer"}) at {formatDateTime(c.at)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </details>
      ))}

      <h2>Reminders sent</h2>
      {record.reminders.length === 0 ? (
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
              {record.reminders.map((r) => (
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

      <h2>Audit entries about {person.name}</h2>
      {record.audit.length === 0 ? (
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
              {record.audit.map((a) => (
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
      {record.audit.length === PERSON_AUDIT_LIMIT ? (
        <p>
          These are the latest {PERSON_AUDIT_LIMIT}. <Link prefetch={false} href={href("/trainer/audit", { person: person.id })}>See them all in the audit log</Link>.
        </p>
      ) : null}
    </>
  );
}
