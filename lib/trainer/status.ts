// The training matrix's words for where a person stands, as pure functions. The database computes
// the same facts in bulk (db/queries/matrix.ts); this file turns them into the labels that the page
// and the CSV export both show, so the two can never say different things.
import { addDays, formatLongDate as formatLongDateUncached } from "../dates";
import { MODULE_STATUS_LABEL, type ModuleStatus, moduleStatus } from "../training/module-status";
import { type CompletionRoute, ROUTE_TAG, completionRoute, routeWords } from "../training/route";

// The matrix formats tens of thousands of dates for an export, and most of them repeat.
const longDates = new Map<string, string>();
function formatLongDate(iso: string): string {
  let text = longDates.get(iso);
  if (text === undefined) {
    if (longDates.size > 20_000) longDates.clear();
    text = formatLongDateUncached(iso);
    longDates.set(iso, text);
  }
  return text;
}

/**
 * A person's status, as the matrix filter knows it. The first five are lib/refresher.ts's statuses;
 * the matrix splits its "overdue" in two for inspections:
 * - "overdue": the refresher is past due, and the certificate expired no more than
 *   LAPSED_AFTER_DAYS days ago (or has not expired at all: an admin asked for retraining and the
 *   deadline has passed);
 * - "lapsed": the certificate expired more than LAPSED_AFTER_DAYS days ago.
 * Not "expired": a certificate is expired from the day after its expiry date (lib/certificates/status.ts),
 * and one word must not mean two things.
 */
export const PERSON_STATUSES = ["not-started", "in-progress", "complete", "due-soon", "overdue", "lapsed"] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** Days past a certificate's expiry after which "overdue" becomes "lapsed". */
export const LAPSED_AFTER_DAYS = 90;

export const PERSON_STATUS_LABEL: Record<PersonStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  complete: "Complete",
  "due-soon": "Due soon",
  overdue: "Overdue",
  lapsed: "Lapsed",
};

/** Always shown with the words above (never colour alone). */
export const PERSON_STATUS_TAG: Record<PersonStatus, string> = {
  "not-started": "tag tag--grey",
  "in-progress": "tag tag--blue",
  complete: "tag tag--green",
  "due-soon": "tag tag--yellow",
  overdue: "tag tag--orange",
  lapsed: "tag tag--red",
};

export function isPersonStatus(value: unknown): value is PersonStatus {
  return typeof value === "string" && (PERSON_STATUSES as readonly string[]).includes(value);
}

/**
 * The person's matrix status from their refresher status (lib/refresher.ts) and live certificate.
 * Pure; used by tests to check the bulk SQL against trainingState().
 */
export function personStatus(
  refresher: "not-started" | "in-progress" | "complete" | "due-soon" | "overdue",
  expiresOn: string | null,
  today: string,
): PersonStatus {
  if (refresher === "overdue" && expiresOn && today > addDays(expiresOn, LAPSED_AFTER_DAYS)) return "lapsed";
  return refresher;
}

export type ModuleCellStatus = ModuleStatus;

export type ModuleFacts = {
  completedOn: string | null;
  score: number | null;
  total: number | null;
  assisted: boolean;
  /** An attempt at this module's quiz was started in the person's current cycle. */
  started: boolean;
  /** Issue 16: how a scored completion was done (lib/training/route.ts), and the officer's name. */
  supportedByPersonId?: number | null;
  paperEnteredByPersonId?: number | null;
  officerName?: string | null;
};

export type ModuleCell = {
  status: ModuleCellStatus;
  label: string;
  tag: string;
  completedOn: string | null;
  assisted: boolean;
  /** "14 March 2026", or "" */
  dateText: string;
  /** "5 out of 5", "Assisted", or "" */
  scoreText: string;
  /** How it was completed (null until complete), its tag ("" for online) and words naming the officer. */
  route: CompletionRoute | null;
  routeTag: string;
  /** "in a supported session with Olu Officer", "on paper, entered by Olu Officer", or "" */
  routeText: string;
};

/** One module's cell for the person's current cycle. */
export function moduleCell(facts: ModuleFacts, isRefresher: boolean): ModuleCell {
  const status = moduleStatus({ completed: Boolean(facts.completedOn), quizStarted: facts.started, isRefresher });
  const complete = status === "complete";
  const route = complete
    ? completionRoute({ assisted: facts.assisted, supportedByPersonId: facts.supportedByPersonId ?? null, paperEnteredByPersonId: facts.paperEnteredByPersonId ?? null })
    : null;
  return {
    status,
    label: MODULE_STATUS_LABEL[status].text,
    tag: MODULE_STATUS_LABEL[status].tag,
    completedOn: complete ? facts.completedOn : null,
    assisted: complete && facts.assisted,
    dateText: complete && facts.completedOn ? formatLongDate(facts.completedOn) : "",
    scoreText: !complete ? "" : facts.assisted ? "Assisted" : facts.score !== null && facts.total !== null ? `${facts.score} out of ${facts.total}` : "",
    route,
    routeTag: route ? ROUTE_TAG[route] : "",
    routeText: route === "supported" || route === "paper" ? routeWords(route, facts.officerName ?? null) : "",
  };
}

export type CertificateCellState = "valid" | "due-soon" | "overdue" | "lapsed" | "none";

export const CERTIFICATE_CELL_LABEL: Record<CertificateCellState, string> = {
  valid: "Valid",
  "due-soon": "Due soon",
  overdue: "Overdue",
  lapsed: "Lapsed",
  none: "No certificate",
};

export const CERTIFICATE_CELL_TAG: Record<CertificateCellState, string> = {
  valid: "tag tag--green",
  "due-soon": "tag tag--yellow",
  overdue: "tag tag--orange",
  lapsed: "tag tag--red",
  none: "tag tag--grey",
};

export type CertificateFacts = {
  id: number | null;
  issuedOn: string | null;
  expiresOn: string | null;
  /** The refresher's due date (the expiry, or earlier when an admin asked for retraining). */
  dueOn: string | null;
  /** Some module on it was an assisted (paper) completion. */
  assisted: boolean;
};

export type CertificateCell = {
  state: CertificateCellState;
  label: string;
  tag: string;
  id: number | null;
  issuedOn: string | null;
  expiresOn: string | null;
  assisted: boolean;
  /** "Until 14 March 2027", "Expired 14 March 2026", "" */
  dateText: string;
};

/** The certificate cell, from the person's status and their live certificate. */
export function certificateCell(status: PersonStatus, cert: CertificateFacts, today: string): CertificateCell {
  const has = cert.id !== null && cert.expiresOn !== null;
  const state: CertificateCellState = !has
    ? "none"
    : status === "lapsed"
      ? "lapsed"
      : status === "overdue"
        ? "overdue"
        : status === "due-soon"
          ? "due-soon"
          : "valid";
  let dateText = "";
  if (has) {
    const expires = formatLongDate(cert.expiresOn!);
    if (state === "valid") dateText = `Until ${expires}`;
    else if (state === "due-soon") dateText = cert.dueOn && cert.dueOn < cert.expiresOn! ? `Retraining due by ${formatLongDate(cert.dueOn)}` : `Expires ${expires}`;
    else if (today > cert.expiresOn!) dateText = `Expired ${expires}`;
    else dateText = cert.dueOn ? `Retraining was due by ${formatLongDate(cert.dueOn)}` : `Expires ${expires}`;
  }
  return {
    state,
    label: CERTIFICATE_CELL_LABEL[state],
    tag: CERTIFICATE_CELL_TAG[state],
    id: cert.id,
    issuedOn: has ? cert.issuedOn : null,
    expiresOn: has ? cert.expiresOn : null,
    assisted: has && cert.assisted,
    dateText,
  };
}

/** The share of people with a valid certificate that a scheme aims for. */
export const VALID_CERTIFICATE_TARGET_PERCENT = 95;

/** "91.6%": one decimal place, never rounded up to the target (94.96% is not 95%). */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return "0%";
  const tenths = Math.floor((part * 1000) / whole) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)}%`;
}

export function meetsTarget(part: number, whole: number): boolean {
  return whole > 0 && part * 100 >= VALID_CERTIFICATE_TARGET_PERCENT * whole;
}
