// The rules for certificates and yearly refreshers (PRODUCT.md, "Rules for completion, certificates
// and refreshers"), as pure functions on "YYYY-MM-DD" dates. No database, no clock: callers pass
// today's date (lib/clock today()) and the person's latest live certificate.
import { addDays, addMonths, formatLongDate } from "./dates";

/** The refresher window opens this many days before a certificate expires. */
export const WINDOW_DAYS = 60;
/** A certificate runs this many calendar months. */
export const VALID_MONTHS = 12;
/** After an admin marks a content version as needing retraining, holders have this long to retrain. */
export const RETRAIN_DAYS = 60;

export type RefresherStatus = "not-started" | "in-progress" | "complete" | "due-soon" | "overdue";

export type RefresherState = {
  status: RefresherStatus;
  /** The first day a refresher counts as "inside the window"; null with no certificate. */
  windowOpensOn: string | null;
  /** The last day the certificate (or the retraining deadline) still counts; null with no certificate. */
  dueOn: string | null;
};

const earlier = (a: string, b: string) => (a <= b ? a : b);
const later = (a: string, b: string) => (a >= b ? a : b);

/**
 * Where a person stands today.
 *
 * - No certificate: "in-progress" if they have started the training cycle, otherwise "not-started".
 * - With a certificate: "complete" until the window opens (expiry minus 60 days), "due-soon" from
 *   then up to and including the expiry day (the certificate is still valid on that day), and
 *   "overdue" from the day after.
 * - `retrainMarkedOn`: an admin marked the certificate's content version as needing retraining on
 *   that date. The window is open from then (or from the usual opening, if that is sooner), and the
 *   refresher is due by the earlier of the expiry and that date + 60 days. A mark made before the
 *   certificate was issued counts from the issue date, so nobody is overdue on the day they qualify.
 */
export function refresherState(
  today: string,
  last: { issuedOn: string; expiresOn: string } | null,
  opts: { retrainMarkedOn?: string | null; startedCycle?: boolean } = {},
): RefresherState {
  if (!last) return { status: opts.startedCycle ? "in-progress" : "not-started", windowOpensOn: null, dueOn: null };

  let windowOpensOn = addDays(last.expiresOn, -WINDOW_DAYS);
  let dueOn = last.expiresOn;
  if (opts.retrainMarkedOn) {
    const marked = later(opts.retrainMarkedOn, last.issuedOn);
    windowOpensOn = earlier(windowOpensOn, marked);
    dueOn = earlier(dueOn, addDays(marked, RETRAIN_DAYS));
  }

  const status: RefresherStatus = today > dueOn ? "overdue" : today >= windowOpensOn ? "due-soon" : "complete";
  return { status, windowOpensOn, dueOn };
}

/**
 * The dates of the certificate earned by completing the training on `completedOn`.
 *
 * - Inside the window (expiry minus 60 days up to and including the expiry day): 12 months from the
 *   old expiry, so finishing early loses no days.
 * - After the old certificate expired, or with no previous certificate: 12 months from completion.
 * - Before the window opens (a refresher done early, which the course does not normally offer):
 *   also 12 months from completion. Carrying the old expiry over would let someone bank up to two
 *   years of validity from one sitting, so an early refresher starts a fresh year instead.
 *
 * "12 months" is calendar months: 29 February 2028 + 12 months is 28 February 2029 (lib/dates
 * clamps to the month's last day), and 28 February 2027 + 12 months is 28 February 2028, not the 29th.
 */
export function nextCertificateDates(completedOn: string, previous: { expiresOn: string } | null): { issuedOn: string; expiresOn: string } {
  if (previous) {
    const windowOpensOn = addDays(previous.expiresOn, -WINDOW_DAYS);
    if (completedOn >= windowOpensOn && completedOn <= previous.expiresOn) {
      return { issuedOn: completedOn, expiresOn: addMonths(previous.expiresOn, VALID_MONTHS) };
    }
  }
  return { issuedOn: completedOn, expiresOn: addMonths(completedOn, VALID_MONTHS) };
}

/** The words for My training: "Refresher due by 14 March 2027", "Overdue since 15 March 2027", … */
export function formatRefresherLine(state: RefresherState): string {
  switch (state.status) {
    case "not-started":
      return "Not started";
    case "in-progress":
      return "In progress";
    case "complete":
      return state.windowOpensOn ? `Complete. Refresher opens ${formatLongDate(state.windowOpensOn)}` : "Complete";
    case "due-soon":
      return state.dueOn ? `Refresher due by ${formatLongDate(state.dueOn)}` : "Refresher due";
    case "overdue":
      return state.dueOn ? `Overdue since ${formatLongDate(addDays(state.dueOn, 1))}` : "Overdue";
  }
}

/** A short label for a status tag, in words (never colour alone). */
export const REFRESHER_STATUS_LABEL: Record<RefresherStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  complete: "Complete",
  "due-soon": "Due soon",
  overdue: "Overdue",
};

/** The tag colour class that goes with each status (globals.css .tag--*). */
export const REFRESHER_STATUS_TAG: Record<RefresherStatus, string> = {
  "not-started": "tag tag--grey",
  "in-progress": "tag tag--blue",
  complete: "tag tag--green",
  "due-soon": "tag tag--yellow",
  overdue: "tag tag--red",
};
