import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden, TextField } from "@/app/_components/forms/fields";
import { formatLongDate } from "@/lib/dates";
import { intakesOf } from "@/lib/trainer/intakes";
import { trainerHref } from "@/lib/trainer/scope";
import { createIntakeAction } from "../actions";
import { TrainerNav } from "../_components/nav";
import { SchemePicker } from "../_components/scheme-picker";
import { type SearchParams, trainerScope, orForbiddenAsync } from "../_components/scope";
import { TableWrap } from "../_components/table-wrap";

export const metadata: Metadata = { title: "Intakes and invitations" };

export default async function IntakesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { viewer, scope } = await trainerScope(params, "/trainer/intakes");
  if (!scope) return SchemePicker({ viewer, path: "/trainer/intakes", title: "Intakes and invitations" }); // async: called, not rendered as an element
  const intakes = await orForbiddenAsync(async () => await intakesOf(viewer, scope.id));
  return (
    <>
      <TrainerNav scope={scope} current="/trainer/intakes" />
      <h1>Intakes and invitations</h1>
      <p>
        An intake is a group of new carers or staff who start their training together. Create one, then open it to invite everyone in it
        at once: paste their email addresses or upload a spreadsheet saved as CSV.
      </p>
      {intakes.length === 0 ? (
        <p>There are no intakes yet.</p>
      ) : (
        <TableWrap label="Intakes">
          <table>
            <caption>Intakes in {scope.name}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Intake</th>
                <th scope="col">Starts</th>
                <th scope="col">People</th>
                <th scope="col">Invitations not yet accepted</th>
              </tr>
            </thead>
            <tbody>
              {intakes.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <Link href={trainerHref(scope, `/trainer/intakes/${i.id}`)}>{i.name}</Link>
                  </th>
                  <td>{formatLongDate(i.startDate)}</td>
                  <td>
                    {i.people ? <Link href={trainerHref(scope, "/trainer/matrix", { intake: i.id })}>{i.people.toLocaleString("en-GB")}<span className="visually-hidden"> people in {i.name}: see them in the matrix</span></Link> : 0}
                  </td>
                  <td>{i.openInvitations}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>Create an intake</h2>
      <ActionForm action={createIntakeAction} submitLabel="Create intake" id="create-intake">
        {scope.explicit ? <Hidden name="schemeId" value={String(scope.id)} /> : null}
        <TextField name="name" label="Name of the intake" hint="For example, January 2027 carers." autoComplete="off" />
        <TextField name="startDate" label="Start date" hint="For example, 2027-01-18." type="date" />
      </ActionForm>
    </>
  );
}
