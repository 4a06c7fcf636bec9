import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { AUDIT_PAGE_SIZE, auditLogFor, parseAuditFilters } from "@/lib/trainer/audit-log";
import { formatDateTime } from "@/lib/trainer/format";
import { trainerHref } from "@/lib/trainer/scope";
import { TrainerNav } from "../_components/nav";
import { SchemePicker } from "../_components/scheme-picker";
import { type SearchParams, trainerScope, orForbiddenAsync } from "../_components/scope";
import { TableWrap } from "../_components/table-wrap";
import { FilterSelect } from "../_components/filter-select";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { viewer, scope } = await trainerScope(params, "/trainer/audit");
  if (!scope) return SchemePicker({ viewer, path: "/trainer/audit", title: "Audit log" }); // async: called, not rendered as an element
  const filters = parseAuditFilters(params);
  const log = await orForbiddenAsync(async () => await auditLogFor(viewer, scope.id, filters));
  const query = (extra: Record<string, string | number | null>) =>
    trainerHref(scope, "/trainer/audit", { person: filters.person, action: filters.action, ...extra });
  const personLink = (id: number | null, name: string | null) =>
    id === null ? "" : name ? (
      <Link href={trainerHref(scope, `/trainer/people/${id}`)}>
        {name}
      </Link>
    ) : `Person ${id}`;
  return (
    <>
      <TrainerNav scope={scope} current="/trainer/audit" />
      <h1>Audit log</h1>
      <p>Everything done in {scope.name}: every trainer action, every completion and certificate, newest first. Entries are never changed or deleted.</p>
      <form method="get" action="/trainer/audit" className="no-print" aria-label="Filter the audit log">
        {scope.explicit ? <input type="hidden" name="scheme" value={scope.id} /> : null}
        {log.subject ? <input type="hidden" name="person" value={log.subject.id} /> : null}
        <div style={{ display: "flex", flexWrap: "wrap", gap: "0 1.5rem" }}>
          {log.subject ? null : (
            <div className="form-group">
              <label htmlFor="q">Find a person</label>
              <span className="field-hint" id="q-hint">
                Part of their name or email address.
              </span>
              <input id="q" name="q" type="search" defaultValue={filters.q} autoComplete="off" aria-describedby="q-hint" style={{ maxWidth: "16rem" }} />
            </div>
          )}
          <FilterSelect name="action" label="What was done" value={filters.action ?? ""} options={[{ value: "", label: "Anything" }, ...log.actions]} />
        </div>
        <div className="button-group">
          <button type="submit" className="button">
            Show entries
          </button>
          <Link href={trainerHref(scope, "/trainer/audit")}>Clear filters</Link>
        </div>
      </form>
      {log.subject ? (
        <p>
          Showing entries about <Link href={trainerHref(scope, `/trainer/people/${log.subject.id}`)}>{log.subject.name}</Link>.{" "}
          <Link href={query({ person: null })}>Show everyone</Link>
        </p>
      ) : null}
      {filters.q && !log.subject ? (
        log.matches.length ? (
          <>
            <h2>People matching “{filters.q}”</h2>
            <ul>
              {log.matches.map((p) => (
                <li key={p.id}>
                  <Link href={query({ person: p.id })}>
                    {p.name} ({p.email})
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p role="status">Nobody in {scope.name} matches “{filters.q}”.</p>
        )
      ) : null}
      {log.entries.length === 0 ? (
        <p role="status">No entries match.</p>
      ) : (
        <TableWrap label="Audit entries">
          <table>
            <caption>
              Audit entries{log.subject ? ` about ${log.subject.name}` : ""}, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Who did it</th>
                <th scope="col">About</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.label}</td>
                  <td>{e.actorId === null ? "The system" : personLink(e.actorId, e.actorName)}</td>
                  <td>{personLink(e.subjectPersonId, e.subjectName)}</td>
                  <td>{e.detailsText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <nav className="pager" aria-label="Pages of the audit log">
        <span>{filters.before ? <Link href={query({ before: null })}>Newest entries</Link> : null}</span>
        <span>{log.nextBefore ? <Link href={query({ before: log.nextBefore })}>Older entries</Link> : null}</span>
      </nav>
      <p className="hint">{AUDIT_PAGE_SIZE} entries a page.</p>
    </>
  );
}
