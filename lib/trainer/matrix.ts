import "server-only";
// The training matrix: one row per person, a cell per module and one for the certificate, each in
// words, with filters, sorting and paging done in SQL (db/queries/matrix.ts). The page and the CSV
// export both build their rows here, so an export shows exactly what the matrix shows.
import { type DbOrTx, reader } from "@/db/client";
import { type MatrixQuery, type MatrixRow, type MatrixSort, matrixCounts, matrixQuery } from "@/db/queries/matrix";
import { listRetrainVersions } from "@/db/queries/training";
import type { Viewer } from "../access";
import { isoDateInLondon, today as todayInLondon } from "../clock";
import { addDays } from "../dates";
import { course } from "../content/course";
import { RETRAIN_DAYS, WINDOW_DAYS } from "../refresher";
import { requireScheme } from "./scope";
import {
  type CertificateCell,
  type ModuleCell,
  type PersonStatus,
  LAPSED_AFTER_DAYS,
  PERSON_STATUSES,
  PERSON_STATUS_LABEL,
  PERSON_STATUS_TAG,
  certificateCell,
  formatPercent,
  isPersonStatus,
  meetsTarget,
  moduleCell,
} from "./status";

export const PAGE_SIZE = 50;
export const MATRIX_SORTS = ["name", "name-desc", "status", "expiry", "expiry-desc", "intake"] as const;
export type MatrixSortChoice = (typeof MATRIX_SORTS)[number];
export const MATRIX_SORT_LABEL: Record<MatrixSortChoice, string> = {
  name: "Name, A to Z",
  "name-desc": "Name, Z to A",
  status: "Status, most urgent first",
  expiry: "Certificate expiry, soonest first",
  "expiry-desc": "Certificate expiry, latest first",
  intake: "Intake, newest first",
};
const SORTS: Record<MatrixSortChoice, { sort: MatrixSort; desc: boolean }> = {
  name: { sort: "name", desc: false },
  "name-desc": { sort: "name", desc: true },
  status: { sort: "status", desc: false },
  expiry: { sort: "expiry", desc: false },
  "expiry-desc": { sort: "expiry", desc: true },
  intake: { sort: "intake", desc: true },
};

export const ROLE_FILTERS = ["carer", "staff", "trainer"] as const;
export const ROLE_LABEL = { carer: "Carer", staff: "Staff", trainer: "Trainer", admin: "Admin" } as const;
export const ACCOUNT_FILTERS = ["current", "left", "all"] as const;
export const ACCOUNT_LABEL: Record<(typeof ACCOUNT_FILTERS)[number], string> = {
  current: "Current people",
  left: "People who have left",
  all: "Everyone",
};

export type MatrixFilters = {
  intake: number | "none" | null;
  role: (typeof ROLE_FILTERS)[number] | null;
  status: PersonStatus | null;
  q: string;
  account: (typeof ACCOUNT_FILTERS)[number];
  sort: MatrixSortChoice;
  page: number;
};

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function param(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

/** Filters from a query string. Anything unknown is ignored (treated as "any"), never an error. */
export function parseMatrixFilters(params: Params): MatrixFilters {
  const intakeText = param(params, "intake");
  const intake = intakeText === "none" ? "none" : intakeText && /^[1-9][0-9]{0,12}$/.test(intakeText) ? Number(intakeText) : null;
  const role = param(params, "role");
  const status = param(params, "status");
  const account = param(params, "account");
  const sort = param(params, "sort");
  const page = Number(param(params, "page"));
  return {
    intake,
    role: (ROLE_FILTERS as readonly string[]).includes(role ?? "") ? (role as MatrixFilters["role"]) : null,
    status: isPersonStatus(status) ? status : null,
    q: (param(params, "q") ?? "").trim().slice(0, 100),
    account: (ACCOUNT_FILTERS as readonly string[]).includes(account ?? "") ? (account as MatrixFilters["account"]) : "current",
    sort: (MATRIX_SORTS as readonly string[]).includes(sort ?? "") ? (sort as MatrixSortChoice) : "name",
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}

/** The filters as query values (defaults left out), for links and the export. */
export function filterQuery(f: MatrixFilters, overrides: Partial<MatrixFilters> = {}): Record<string, string> {
  const g = { ...f, ...overrides };
  const out: Record<string, string> = {};
  if (g.q) out.q = g.q;
  if (g.intake !== null) out.intake = String(g.intake);
  if (g.role) out.role = g.role;
  if (g.status) out.status = g.status;
  if (g.account !== "current") out.account = g.account;
  if (g.sort !== "name") out.sort = g.sort;
  if (g.page > 1) out.page = String(g.page);
  return out;
}

/** Filters in words, for the export's heading: "Status: Overdue; Role: Carer". */
export function describeFilters(f: MatrixFilters, intakeName: string | null): string {
  const parts: string[] = [ACCOUNT_LABEL[f.account]];
  if (f.intake === "none") parts.push("Intake: none");
  else if (f.intake !== null) parts.push(`Intake: ${intakeName ?? f.intake}`);
  if (f.role) parts.push(`Role: ${ROLE_LABEL[f.role]}`);
  if (f.status) parts.push(`Status: ${PERSON_STATUS_LABEL[f.status]}`);
  if (f.q) parts.push(`Name or email contains: ${f.q}`);
  return parts.join("; ");
}

export type MatrixPersonRow = {
  id: number;
  name: string;
  email: string;
  role: "carer" | "staff" | "trainer";
  roleLabel: string;
  intake: { id: number; name: string } | null;
  active: boolean;
  anonymised: boolean;
  deactivatedOn: string | null;
  status: PersonStatus;
  statusLabel: string;
  statusTag: string;
  cycle: number;
  isRefresher: boolean;
  modules: (ModuleCell & { slug: string })[];
  certificate: CertificateCell;
};

/** The refresher rules as the bulk query needs them, with today's limit dates worked out here. */
async function matrixRules(today: string, db: DbOrTx = reader()): Promise<Pick<MatrixQuery, "retrain" | "rules" | "modules">> {
  return {
    retrain: (await listRetrainVersions(db)).map((r) => ({ contentVersion: r.contentVersion, markedOn: isoDateInLondon(r.markedAt) })),
    rules: { windowDays: WINDOW_DAYS, retrainDays: RETRAIN_DAYS, windowLimit: addDays(today, WINDOW_DAYS), lapsedLimit: addDays(today, -LAPSED_AFTER_DAYS) },
    modules: course.modules,
  };
}

export function toPersonRow(r: MatrixRow, today: string): MatrixPersonRow {
  const status = r.status;
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    roleLabel: ROLE_LABEL[r.role],
    intake: r.intakeId !== null ? { id: r.intakeId, name: r.intakeName ?? "" } : null,
    active: Boolean(r.active),
    anonymised: r.anonymisedAt !== null,
    deactivatedOn: r.deactivatedAt !== null ? isoDateInLondon(new Date(r.deactivatedAt)) : null,
    status,
    statusLabel: PERSON_STATUS_LABEL[status],
    statusTag: PERSON_STATUS_TAG[status],
    cycle: r.cycle,
    isRefresher: Boolean(r.isRefresher),
    modules: course.modules.map((slug, n) => {
      const m = r.modules[n]!;
      return {
        slug,
        ...moduleCell(
          {
            completedOn: m.completedOn,
            score: m.score,
            total: m.total,
            assisted: Boolean(m.assisted),
            started: Boolean(m.started),
            supportedByPersonId: m.supportedByPersonId,
            paperEnteredByPersonId: m.paperEnteredByPersonId,
            officerName: m.officerName,
          },
          Boolean(r.isRefresher),
        ),
      };
    }),
    certificate: certificateCell(status, { id: r.certId, issuedOn: r.issuedOn, expiresOn: r.expiresOn, dueOn: r.dueOn, assisted: Boolean(r.certAssisted) }, today),
  };
}

async function baseQuery(schemeId: number, f: MatrixFilters, today: string, db: DbOrTx): Promise<MatrixQuery> {
  return {
    schemeId,
    today,
    ...await matrixRules(today, db),
    intakeId: f.intake ?? undefined,
    role: f.role ?? undefined,
    status: f.status ?? undefined,
    search: f.q || undefined,
    account: f.account,
    ...SORTS[f.sort],
  };
}

export type MatrixSummary = {
  people: number;
  valid: number;
  percent: string;
  meetsTarget: boolean;
  byStatus: { status: PersonStatus; label: string; people: number }[];
};

function summarise(counts: Awaited<ReturnType<typeof matrixCounts>>): MatrixSummary {
  const people = counts.reduce((n, c) => n + c.people, 0);
  const valid = counts.reduce((n, c) => n + (c.valid ?? 0), 0);
  return {
    people,
    valid,
    percent: formatPercent(valid, people),
    meetsTarget: meetsTarget(valid, people),
    byStatus: PERSON_STATUSES.map((status) => ({ status, label: PERSON_STATUS_LABEL[status], people: counts.find((c) => c.status === status)?.people ?? 0 })),
  };
}

export type MatrixPage = {
  rows: MatrixPersonRow[];
  /** Rows matching every filter. */
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  /** Over the filters other than status. */
  summary: MatrixSummary;
  today: string;
};

/** One page of the matrix for a scheme the viewer manages. */
export async function matrixPage(viewer: Viewer, schemeId: number, f: MatrixFilters, opts: { pageSize?: number; today?: string; db?: DbOrTx } = {}): Promise<MatrixPage> {
  await requireScheme(viewer, schemeId);
  const db = opts.db ?? reader();
  const today = opts.today ?? todayInLondon();
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const q = await baseQuery(schemeId, f, today, db);
  let page = f.page;
  let result = await matrixQuery({ ...q, limit: pageSize, offset: (page - 1) * pageSize }, db);
  if (result.rows.length === 0 && page > 1) {
    // Past the last page (say, after a filter narrowed the list): show the last page instead.
    page = Math.max(1, Math.ceil(result.total / pageSize));
    result = await matrixQuery({ ...q, limit: pageSize, offset: (page - 1) * pageSize }, db);
  }
  const total = result.total;
  return {
    rows: result.rows.map((r) => toPersonRow(r, today)),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    pageSize,
    summary: summarise(result.counts),
    today,
  };
}

/** Every row matching the filters (no paging), for the export. */
export async function matrixAll(viewer: Viewer, schemeId: number, f: MatrixFilters, opts: { today?: string; db?: DbOrTx } = {}) {
  await requireScheme(viewer, schemeId);
  const db = opts.db ?? reader();
  const today = opts.today ?? todayInLondon();
  const result = await matrixQuery(await baseQuery(schemeId, f, today, db), db);
  return { rows: result.rows.map((r) => toPersonRow(r, today)), summary: summarise(result.counts), today };
}

/** The scheme's headline numbers (current people, every status), for the scheme's front page. */
export async function schemeSummary(viewer: Viewer, schemeId: number, opts: { today?: string; db?: DbOrTx } = {}): Promise<MatrixSummary> {
  await requireScheme(viewer, schemeId);
  const db = opts.db ?? reader();
  const today = opts.today ?? todayInLondon();
  return summarise(await matrixCounts(await baseQuery(schemeId, parseMatrixFilters({}), today, db), db));
}

/** One person's matrix row (the person page shows the same cells). No access check: callers check. */
export async function matrixRowOf(schemeId: number, personId: number, opts: { today?: string; db?: DbOrTx } = {}): Promise<MatrixPersonRow | undefined> {
  const db = opts.db ?? reader();
  const today = opts.today ?? todayInLondon();
  const row = (await matrixQuery({ ...await baseQuery(schemeId, { ...parseMatrixFilters({}), account: "all" }, today, db), personIds: [personId] }, db)).rows[0];
  return row ? toPersonRow(row, today) : undefined;
}
