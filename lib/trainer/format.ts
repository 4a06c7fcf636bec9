// Dates and times as the trainer pages show them, in UK time.
const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

/** "14 March 2026 at 10:05" */
export function formatDateTime(at: Date | number): string {
  return dateTime.format(at).replace(", ", " at ");
}

/** "14 March 2026" */
export function formatDay(at: Date | number): string {
  return dateOnly.format(at);
}
