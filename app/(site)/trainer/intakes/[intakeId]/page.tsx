import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { showNotFound } from "@/lib/http-status";
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden, RadioGroup, TextArea } from "@/app/_components/forms/fields";
import { requireRole } from "@/lib/auth/viewer";
import { formatLongDate } from "@/lib/dates";
import { MAX_ROWS } from "@/lib/trainer/import";
import { intakeDetail } from "@/lib/trainer/intakes";
import { ROLE_LABEL } from "@/lib/trainer/matrix";
import { formatDay } from "@/lib/trainer/format";
import { parseId, schemeScopeOf, trainerHref } from "@/lib/trainer/scope";
import { bulkInviteAction } from "../../actions";
import { TrainerNav } from "../../_components/nav";
import { orForbiddenAsync } from "../../_components/scope";
import { TableWrap } from "../../_components/table-wrap";

export const metadata: Metadata = { title: "Intake" };

export default async function IntakePage({ params }: { params: Promise<{ intakeId: string }> }) {
  const { intakeId } = await params;
  const viewer = await requireRole(["trainer", "admin"], `/trainer/intakes/${intakeId}`);
  const id = parseId(intakeId);
  if (id === null) showNotFound();
  const { intake, people, invitations } = await orForbiddenAsync(async () => await intakeDetail(viewer, id));
  const scope = await orForbiddenAsync(async () => await schemeScopeOf(viewer, intake.schemeId));
  return (
    <>
      <TrainerNav scope={scope} current="/trainer/intakes" />
      <h1>{intake.name}</h1>
      <p>
        Starts {formatLongDate(intake.startDate)}. {people.length} {people.length === 1 ? "person has" : "people have"} joined;{" "}
        {invitations.length} {invitations.length === 1 ? "invitation has" : "invitations have"} not been accepted yet.
        {people.length ? (
          <>
            {" "}
            <Link href={trainerHref(scope, "/trainer/matrix", { intake: intake.id })}>See this intake in the training matrix</Link>.
          </>
        ) : null}
      </p>

      <h2>Invite people to this intake</h2>
      <p>Paste their email addresses, or choose a CSV file. Every line is checked first: if any line is wrong, nobody is invited until you correct it (or choose to invite only the people whose lines are right).</p>
      <ActionForm action={bulkInviteAction} submitLabel="Check the list and send invitations" id="bulk-invite">
        <Hidden name="intakeId" value={String(intake.id)} />
        <TextArea
          name="list"
          label="Email addresses"
          hint={
            <>
              One or more on each line, separated by commas, like <code>jo@example.org, Sam Smith &lt;sam@example.org&gt;</code>. You can
              also paste a list with a first line naming the columns <code>name,email,role</code>. Up to {MAX_ROWS} people at a time.
            </>
          }
          rows={8}
        />
        <div className="form-group">
          <label htmlFor="file">Or choose a CSV file</label>
          <span className="field-hint" id="file-hint">
            Save your spreadsheet as CSV. The first line names the columns: name, email and role (carer, staff or trainer). A file is used instead
            of anything pasted above.
          </span>
          <input type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby="file-hint" />
        </div>
        <RadioGroup
          name="defaultRole"
          legend="People with no role on their line are"
          hint="Needed when you paste email addresses only."
          options={[
            { value: "carer", label: "Shared Lives carers" },
            { value: "staff", label: "Staff members" },
            { value: "trainer", label: "Trainers" },
          ]}
        />
        <div className="form-group">
          <div className="choice">
            <input type="checkbox" id="goodRowsOnly" name="goodRowsOnly" value="yes" />
            <label htmlFor="goodRowsOnly">If some lines are wrong, invite the people whose lines are right and leave the others out</label>
          </div>
        </div>
      </ActionForm>

      {invitations.length ? (
        <TableWrap label="Invitations not yet accepted">
          <table>
            <caption>Invitations not yet accepted</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Runs out</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td>
                  <td>{i.name ?? ""}</td>
                  <td>{ROLE_LABEL[i.role]}</td>
                  <td>{formatDay(i.expiresAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}

      {people.length ? (
        <TableWrap label="People in this intake">
          <table>
            <caption>People in this intake</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Account</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link href={trainerHref(scope, `/trainer/people/${p.id}`)}>{p.name}</Link>
                  </th>
                  <td>{ROLE_LABEL[p.role]}</td>
                  <td>{p.active ? "Active" : "Left"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </>
  );
}
