// Calendar arithmetic on "YYYY-MM-DD" dates, done in UTC so no time zone can shift a day.
import { addDays as addDaysFns, addMonths as addMonthsFns, differenceInCalendarDays } from "date-fns";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseIsoDate(iso: string): Date {
  if (!ISO_DATE.test(iso)) throw new Error(`Not a YYYY-MM-DD date: ${iso}`);
  const at = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== iso) throw new Error(`No such date: ${iso}`);
  return at;
}

export function isValidIsoDate(iso: string): boolean {
  try {
    parseIsoDate(iso);
    return true;
  } catch {
    return false;
  }
}

function toIso(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return toIso(addDaysFns(parseIsoDate(iso), days));
}

/** Adds calendar months; a day that does not exist (29 February in 2027) becomes the month's last. */
export function addMonths(iso: string, months: number): string {
  return toIso(addMonthsFns(parseIsoDate(iso), months));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseIsoDate(to), parseIsoDate(from));
}

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "14 March 2027" */
export function formatLongDate(iso: string): string {
  return longDate.format(parseIsoDate(iso));
}
