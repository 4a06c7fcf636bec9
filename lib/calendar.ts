// A calendar file (.ics) for a person's refresher due date: one all-day event on the due date, with
// a reminder 30 days before (when the refresher window is already open). Pure.
import { createEvent, type EventAttributes } from "ics";
import { addDays, parseIsoDate } from "./dates";

function dateArray(iso: string): [number, number, number] {
  const at = parseIsoDate(iso);
  return [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()];
}

/**
 * @param dueOn the last day the certificate counts, "YYYY-MM-DD"
 * @param name what is due, used in the event title, e.g. the course title
 * @param url where to do the refresher (the My training page)
 * @param uid a stable id, so downloading again updates the event instead of adding a second one
 * @param stamp when the file was made (DTSTAMP); pass lib/clock now()
 */
export function refresherIcs({ dueOn, name, url, uid, stamp }: { dueOn: string; name: string; url: string; uid?: string; stamp?: Date }): string {
  const attributes: EventAttributes & { timestamp?: number } = {
    uid: uid ?? `refresher-${dueOn}@shared-lives-training`,
    title: `Refresher due: ${name}`,
    description: `Your certificate for ${name} runs out after this day. Do the refresher before then to keep it valid: ${url}`,
    url,
    start: dateArray(dueOn),
    end: dateArray(addDays(dueOn, 1)),
    busyStatus: "FREE",
    transp: "TRANSPARENT",
    productId: "shared-lives-training/refresher",
    alarms: [{ action: "display", description: `Refresher due in 30 days: ${name}`, trigger: { days: 30, before: true } }],
    ...(stamp ? { timestamp: stamp.getTime() } : {}),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error("Could not make the calendar file");
  // The ics package writes a whole-day duration as "-P30DT"; RFC 5545 allows "T" only before a
  // time part, and strict calendar apps reject it, so the stray "T" goes.
  return value.replace(/(TRIGGER:-?P(?:\d+W)?(?:\d+D)?)T(\r?\n)/g, "$1$2");
}
