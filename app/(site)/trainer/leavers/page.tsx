import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden } from "@/app/_components/forms/fields";
import { isoDateInLondon } from "@/lib/clock";
import { formatLongDate } from "@/lib/dates";
import { leaversOverview } from "@/lib/trainer/anonymise";
import { formatDay } from "@/lib/trainer/format";
import { trainerHref } from "@/lib/trainer/scope";
import { anonymiseAction } from "../actions";
import { TrainerNav } from "../_components/nav";
import { SchemePicker } from "../_components/scheme-picker";
import { type SearchParams, trainerScope, orForbiddenAsync } from "../_components/scope";
import { TableWrap } from "../_components/table-wrap";

export const metadata: Metadata = { title: "Leavers and data" };

export default async function LeaversPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { viewer, scope } = await trainerScope(params, "/trainer/leavers");
  if (!scope) return SchemePicker({ viewer, path: "/trainer/leavers", title: "Leavers and data" }); // async: called, not rendered as an element
  const overview = await orForbiddenAsync(async () => await leaversOverview(viewer, scope.id));
  const years = overview.retentionDays % 365 === 0 ? `${overview.retentionDays / 365} years` : `${overview.retentionDays} days`;
  return (
    <>
      <TrainerNav scope={scope} current="/trainer/leavers" />
      <h1>Leavers and data</h1>
      {typeof params.anonymised === "string" && /^\d+$/.test(params.anonymised) ? (
        <div className="notice notice--success" role="status">
          <p>
            {params.anonymised === "0"
              ? "Nobody was due to be anonymised."
              : `${params.anonymised} ${params.anonymised === "1" ? "person has" : "people have"} been anonymised. Their training records are kept.`}
          </p>
        </div>
      ) : null}
      <h2>When someone leaves</h2>
      <p>
        Deactivate them from their page in the <Link href={trainerHref(scope, "/trainer/matrix")}>training matrix</Link>. They are signed out at
        once and cannot sign in; their training records stay. {overview.counts.left.toLocaleString("en-GB")}{" "}
        {overview.counts.left === 1 ? "person" : "people"} in {scope.name} {overview.counts.left === 1 ? "has" : "have"} left (
        <Link href={trainerHref(scope, "/trainer/matrix", { account: "left" })}>see them</Link>).
      </p>
      <h2>Subject access requests</h2>
      <p>
        Anyone can download all the data held about them from their own “My training” page. To answer a request for someone else in your
        scheme, open their page and choose “Download all the data held about them”.
      </p>
      <h2>Anonymising people who left long ago</h2>
      <p>
        People are anonymised {years} after they were deactivated (the retention period set for this site). Their name becomes “Anonymised person”
        and a number, their email address is removed and they can never sign in again. Their quiz attempts, completions and certificates stay, so
        the numbers still add up. The server does this once a day, when it sends the refresher reminders; you can also do it now.
      </p>
      <dl className="summary-list">
        <div>
          <dt>Left before</dt>
          <dd>{formatLongDate(isoDateInLondon(overview.cutoff))}</dd>
        </div>
        <div>
          <dt>Due to be anonymised</dt>
          <dd>{overview.counts.due.toLocaleString("en-GB")}</dd>
        </div>
        <div>
          <dt>Already anonymised</dt>
          <dd>{overview.counts.anonymised.toLocaleString("en-GB")}</dd>
        </div>
      </dl>
      {overview.due.length ? (
        <>
          <TableWrap label="People due to be anonymised">
            <table>
              <caption>People due to be anonymised{overview.counts.due > overview.due.length ? ` (the first ${overview.due.length})` : ""}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Left on</th>
                </tr>
              </thead>
              <tbody>
                {overview.due.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link href={trainerHref(scope, `/trainer/people/${p.id}`)}>{p.name}</Link>
                    </th>
                    <td>{p.deactivatedAt ? formatDay(p.deactivatedAt) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <ActionForm action={anonymiseAction} submitLabel="Anonymise them now" submitClassName="button button--warning" id="anonymise">
            {scope.explicit ? <Hidden name="schemeId" value={String(scope.id)} /> : null}
            <div className="form-group">
              <div className="choice">
                <input type="checkbox" id="confirm" name="confirm" value="yes" />
                <label htmlFor="confirm">
                  I understand that anonymising {overview.counts.due.toLocaleString("en-GB")} {overview.counts.due === 1 ? "person" : "people"} cannot be undone
                </label>
              </div>
            </div>
          </ActionForm>
        </>
      ) : (
        <p>Nobody is due to be anonymised.</p>
      )}
    </>
  );
}
