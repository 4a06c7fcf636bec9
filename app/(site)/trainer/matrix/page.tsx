import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { course } from "@/lib/content/course";
import { moduleTitles } from "@/lib/training/complete";
import { intakesOf } from "@/lib/trainer/intakes";
import {
  ACCOUNT_FILTERS,
  ACCOUNT_LABEL,
  MATRIX_SORTS,
  MATRIX_SORT_LABEL,
  type MatrixFilters,
  ROLE_FILTERS,
  ROLE_LABEL,
  filterQuery,
  matrixPage,
  parseMatrixFilters,
} from "@/lib/trainer/matrix";
import { trainerHref } from "@/lib/trainer/scope";
import { LAPSED_AFTER_DAYS, PERSON_STATUSES, PERSON_STATUS_LABEL } from "@/lib/trainer/status";
import { formatLongDate } from "@/lib/dates";
import { CertificateCellView, ModuleCellView } from "../_components/cells";
import { TrainerNav } from "../_components/nav";
import { SchemePicker } from "../_components/scheme-picker";
import { type SearchParams, trainerScope, orForbiddenAsync } from "../_components/scope";
import { SummaryLine } from "../_components/summary";
import { TableWrap } from "../_components/table-wrap";
import { FilterSelect } from "../_components/filter-select";
import { WINDOW_DAYS } from "@/lib/refresher";

export const metadata: Metadata = { title: "Training matrix" };

const n = (x: number) => x.toLocaleString("en-GB");

export default async function MatrixPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { viewer, scope } = await trainerScope(params, "/trainer/matrix");
  if (!scope) return SchemePicker({ viewer, path: "/trainer/matrix", title: "Training matrix" }); // async: called, not rendered as an element
  const filters = parseMatrixFilters(params);
  const [titles, intakes] = [await moduleTitles(), await orForbiddenAsync(async () => await intakesOf(viewer, scope.id))];
  const page = await orForbiddenAsync(async () => await matrixPage(viewer, scope.id, filters));
  const link = (overrides: Partial<MatrixFilters>) => trainerHref(scope, "/trainer/matrix", filterQuery(filters, { page: 1, ...overrides }));
  const exportHref = trainerHref(scope, "/trainer/matrix/export", filterQuery(filters, { page: 1 }));
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.rows.length - 1;
  const filtered = filters.intake !== null || filters.role !== null || filters.q !== "" || filters.account !== "current";
  const sortLink = (asc: MatrixFilters["sort"], desc: MatrixFilters["sort"] | null, label: string) => {
    const active = filters.sort === asc || filters.sort === desc;
    const next = filters.sort === asc && desc ? desc : asc;
    return (
      <Link href={link({ sort: next, page: 1 })}>
        {label}
        <span className="visually-hidden">{active ? `, sorted (${MATRIX_SORT_LABEL[filters.sort]}). Select to change` : ", select to sort"}</span>
      </Link>
    );
  };
  const ariaSort = (...sorts: MatrixFilters["sort"][]) =>
    sorts.includes(filters.sort) ? (filters.sort.endsWith("-desc") || (filters.sort === "intake") ? "descending" : "ascending") : undefined;

  return (
    <>
      <TrainerNav scope={scope} current="/trainer/matrix" />
      <h1>Training matrix</h1>
      <SummaryLine summary={page.summary} scopeWords={filtered ? "people in this view" : "current people"} />
      <p>
        People by status{filtered ? " (in this view)" : ""}:{" "}
        {page.summary.byStatus.map((s, i) => (
          <span key={s.status}>
            {i ? " · " : null}
            {filters.status === s.status ? (
              <strong>
                {s.label} {n(s.people)}
              </strong>
            ) : (
              <Link href={link({ status: s.status })}>
                {s.label} {n(s.people)}
              </Link>
            )}
          </span>
        ))}
        {filters.status ? (
          <>
            {" "}
            · <Link href={link({ status: null })}>Every status</Link>
          </>
        ) : null}
      </p>
      <details className="no-print">
        <summary>What the statuses mean</summary>
        <dl className="summary-list">
          <div>
            <dt>Not started</dt>
            <dd>No quiz started and no module completed in their current training.</dd>
          </div>
          <div>
            <dt>In progress</dt>
            <dd>Started their first training (or, with no valid certificate, their next one) but not finished.</dd>
          </div>
          <div>
            <dt>Complete</dt>
            <dd>Holds a valid certificate; the refresher is not due yet.</dd>
          </div>
          <div>
            <dt>Due soon</dt>
            <dd>The refresher window is open: the certificate runs out within {WINDOW_DAYS} days (or an admin asked for retraining).</dd>
          </div>
          <div>
            <dt>Overdue</dt>
            <dd>The refresher is past due: the certificate expired up to {LAPSED_AFTER_DAYS} days ago, or a retraining deadline has passed.</dd>
          </div>
          <div>
            <dt>Lapsed</dt>
            <dd>
              The certificate expired more than {LAPSED_AFTER_DAYS} days ago. (A certificate itself says “expired” from the day after its expiry
              date; for the first {LAPSED_AFTER_DAYS} days after that, the matrix calls the person overdue.)
            </dd>
          </div>
        </dl>
      </details>

      <form method="get" action="/trainer/matrix" className="no-print" aria-label="Filter the matrix">
        {scope.explicit ? <input type="hidden" name="scheme" value={scope.id} /> : null}
        <div style={{ display: "flex", flexWrap: "wrap", gap: "0 1.5rem" }}>
          <div className="form-group">
            <label htmlFor="q">Name or email</label>
            <input id="q" name="q" type="search" defaultValue={filters.q} autoComplete="off" style={{ maxWidth: "16rem" }} />
          </div>
          <FilterSelect name="status" label="Status" value={filters.status ?? ""} options={[{ value: "", label: "Any status" }, ...PERSON_STATUSES.map((v) => ({ value: v, label: PERSON_STATUS_LABEL[v] }))]} />
          <FilterSelect name="intake" label="Intake" value={filters.intake === null ? "" : String(filters.intake)} options={[{ value: "", label: "Any intake" }, { value: "none", label: "No intake" }, ...intakes.map((i) => ({ value: String(i.id), label: i.name }))]} />
          <FilterSelect name="role" label="Role" value={filters.role ?? ""} options={[{ value: "", label: "Any role" }, ...ROLE_FILTERS.map((r) => ({ value: r, label: ROLE_LABEL[r] }))]} />
          <FilterSelect name="account" label="Who" value={filters.account} options={ACCOUNT_FILTERS.map((a) => ({ value: a, label: ACCOUNT_LABEL[a] }))} />
          <FilterSelect name="sort" label="Sort by" value={filters.sort} options={MATRIX_SORTS.map((v) => ({ value: v, label: MATRIX_SORT_LABEL[v] }))} />
        </div>
        <div className="button-group">
          <button type="submit" className="button">
            Show people
          </button>
          <Link href={trainerHref(scope, "/trainer/matrix")}>Clear filters</Link>
        </div>
      </form>

      <p className="no-print">
        <a href={exportHref} download>
          Download {filters.status || filtered ? "this list" : "the matrix"} as a spreadsheet (CSV, {n(page.total)} {page.total === 1 ? "person" : "people"})
        </a>
      </p>

      {page.rows.length === 0 ? (
        <p role="status">Nobody matches these filters.</p>
      ) : (
        <>
          <p role="status">
            Showing {n(first)} to {n(last)} of {n(page.total)} {page.total === 1 ? "person" : "people"}, sorted by {MATRIX_SORT_LABEL[filters.sort].toLowerCase()}.
          </p>
          <TableWrap label="Training matrix">
            <table>
              <caption id="matrix-caption">
                Training matrix for {scope.name}, {formatLongDate(page.today)}
                {page.pages > 1 ? `, page ${page.page} of ${page.pages}` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col" aria-sort={ariaSort("name", "name-desc")}>
                    {sortLink("name", "name-desc", "Name")}
                  </th>
                  <th scope="col" aria-sort={ariaSort("status")}>
                    {sortLink("status", null, "Status")}
                  </th>
                  {course.modules.map((slug) => (
                    <th scope="col" key={slug}>
                      {titles.get(slug) ?? slug}
                    </th>
                  ))}
                  <th scope="col" aria-sort={ariaSort("expiry", "expiry-desc")}>
                    {sortLink("expiry", "expiry-desc", "Certificate")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link href={trainerHref(scope, `/trainer/people/${row.id}`)}>{row.name}</Link>
                      <span className="hint" style={{ display: "block", fontWeight: 400 }}>
                        {row.roleLabel}
                        {row.intake ? `, ${row.intake.name}` : ""}
                        {!row.active ? `, left${row.deactivatedOn ? ` ${formatLongDate(row.deactivatedOn)}` : ""}` : ""}
                      </span>
                    </th>
                    <td>
                      <span className={row.statusTag}>{row.statusLabel}</span>
                    </td>
                    {row.modules.map((cell) => (
                      <td key={cell.slug}>
                        <ModuleCellView cell={cell} />
                      </td>
                    ))}
                    <td>
                      <CertificateCellView cell={row.certificate} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {page.pages > 1 ? (
            <nav className="pager" aria-label="Pages of the matrix">
              <span>
                {page.page > 1 ? (
                  <>
                    <Link href={link({ page: 1 })}>First page</Link> · <Link href={link({ page: page.page - 1 })} rel="prev">Previous page</Link>
                  </>
                ) : null}
              </span>
              <span>
                Page {n(page.page)} of {n(page.pages)}
              </span>
              <span>
                {page.page < page.pages ? (
                  <>
                    <Link href={link({ page: page.page + 1 })} rel="next">Next page</Link> · <Link href={link({ page: page.pages })}>Last page</Link>
                  </>
                ) : null}
              </span>
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
