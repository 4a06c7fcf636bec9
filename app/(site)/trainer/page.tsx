import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { env } from "@/lib/env";
import { intakesOf } from "@/lib/trainer/intakes";
import { schemeSummary } from "@/lib/trainer/matrix";
import { trainerHref } from "@/lib/trainer/scope";
import { VALID_CERTIFICATE_TARGET_PERCENT } from "@/lib/trainer/status";
import { openInvitations } from "@/lib/invitations";
import { TrainerNav } from "./_components/nav";
import { SchemePicker } from "./_components/scheme-picker";
import { type SearchParams, trainerScope, orForbiddenAsync } from "./_components/scope";
import { SummaryLine } from "./_components/summary";
import { InviteForm } from "./invite-form";
import { TableWrap } from "./_components/table-wrap";
import { INVITATION_DAYS } from "@/lib/invitations";

export const metadata: Metadata = { title: "Your scheme" };

const roleLabel = { carer: "Carer", staff: "Staff", trainer: "Trainer", admin: "Admin" } as const;

export default async function TrainerPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { viewer, scope } = await trainerScope(params, "/trainer");
  if (!scope) return SchemePicker({ viewer, path: "/trainer", title: "Trainer pages" }); // async: called, not rendered as an element
  const summary = await orForbiddenAsync(async () => await schemeSummary(viewer, scope.id));
  const intakes = await orForbiddenAsync(async () => await intakesOf(viewer, scope.id));
  const invitations = await orForbiddenAsync(async () => await openInvitations(viewer, scope.id));
  const href = (path: string, query: Record<string, string> = {}) => trainerHref(scope, path, query);
  const count = (status: string) => summary.byStatus.find((s) => s.status === status)?.people ?? 0;
  return (
    <>
      <TrainerNav scope={scope} current="/trainer" />
      <h1>{viewer.role === "admin" ? scope.name : "Your scheme"}</h1>
      <SummaryLine summary={summary} />
      <ul>
        <li>
          <Link href={href("/trainer/matrix", { status: "overdue" })}>{count("overdue").toLocaleString("en-GB")} overdue</Link> and{" "}
          <Link href={href("/trainer/matrix", { status: "lapsed" })}>{count("lapsed").toLocaleString("en-GB")} lapsed</Link>
        </li>
        <li>
          <Link href={href("/trainer/matrix", { status: "due-soon" })}>{count("due-soon").toLocaleString("en-GB")} due soon</Link> (refresher window open)
        </li>
        <li>
          <Link href={href("/trainer/matrix", { status: "not-started" })}>{count("not-started").toLocaleString("en-GB")} not started</Link> and{" "}
          <Link href={href("/trainer/matrix", { status: "in-progress" })}>{count("in-progress").toLocaleString("en-GB")} in progress</Link>
        </li>
      </ul>
      <p className="button-group">
        <Link className="button" href={href("/trainer/matrix")}>
          Open the training matrix
        </Link>
        <Link className="button button--secondary" href={href("/trainer/intakes")}>
          Intakes and bulk invitations
        </Link>
      </p>
      <p className="hint">The target is for {VALID_CERTIFICATE_TARGET_PERCENT}% of current people to hold a valid certificate.</p>
      {env().demoMode ? (
        <p>
          <Link href="/trainer/outbox">Outbox: emails the site has sent (demo)</Link>
        </p>
      ) : null}

      <h2>Invite someone</h2>
      <p>
        They get an email with a link to set up their account. The link works once, for {INVITATION_DAYS} days. To invite a list of people, open an{" "}
        <Link href={href("/trainer/intakes")}>intake</Link>.
      </p>
      <InviteForm schemeId={viewer.role === "admin" ? scope.id : undefined} intakes={intakes.map((i) => ({ id: i.id, name: i.name }))} />

      {invitations.length ? (
        <>
          <h2>Invitations not yet accepted</h2>
          <TableWrap label="Invitations not yet accepted">
            <table>
              <caption className="visually-hidden">Invitations not yet accepted</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Runs out</th>
                </tr>
              </thead>
              <tbody>
                {invitations.slice(0, 50).map((i) => (
                  <tr key={i.id}>
                    <td>{i.email}</td>
                    <td>{roleLabel[i.role]}</td>
                    <td>{i.expiresAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {invitations.length > 50 ? <p>And {invitations.length - 50} more.</p> : null}
        </>
      ) : null}
    </>
  );
}
