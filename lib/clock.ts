// The one clock. Everything that needs "now" or "today" asks here, so tests can move time without
// touching the system clock. Only tests can move it: Vitest through setTestNow() (refused outside
// Vitest), and the end-to-end suite through a file named by TEST_CLOCK_FILE, a variable that only
// the Playwright config sets and that the site refuses unless ALLOW_TEST_CLOCK is also "yes".
import { readFileSync } from "node:fs";
import { runningUnderVitest, testClockFile } from "./env";

let vitestNow: Date | null = null;

export function setTestNow(date: Date | string | null): void {
  if (!runningUnderVitest()) throw new Error("setTestNow is only for tests");
  vitestNow = date === null ? null : new Date(date);
}

function fileClock(): Date | null {
  const file = testClockFile();
  if (!file) return null;
  try {
    const text = readFileSync(file, "utf8").trim();
    if (!text) return null;
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? null : at;
  } catch {
    return null;
  }
}

export function now(): Date {
  return vitestNow ? new Date(vitestNow) : fileClock() ?? new Date();
}

const londonDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in England, as YYYY-MM-DD. */
export function isoDateInLondon(at: Date): string {
  return londonDate.format(at);
}

export function today(): string {
  return isoDateInLondon(now());
}
