// Which reminder a certificate's holder is due today, as a pure rule. Reminders go 30 days and
// 7 days before expiry, on the expiry day, and once overdue; each once per certificate (cycle).
import type { ReminderStage } from "@/db/schema";
import { addDays } from "../dates";

export type { ReminderStage };

/** Days before expiry of the two early reminders: the stage names and every message use these. */
export const FIRST_REMINDER_DAYS = 30;
export const SECOND_REMINDER_DAYS = 7;

/** Oldest first; a later stage makes every earlier one stale. */
export const STAGE_ORDER: readonly ReminderStage[] = ["30-days", "7-days", "due", "overdue"];

/** The stage that applies on `today`, whether or not it has been sent; null more than 30 days out. */
export function currentStage(today: string, expiresOn: string): ReminderStage | null {
  if (today > expiresOn) return "overdue";
  if (today === expiresOn) return "due";
  if (today >= addDays(expiresOn, -SECOND_REMINDER_DAYS)) return "7-days";
  if (today >= addDays(expiresOn, -FIRST_REMINDER_DAYS)) return "30-days";
  return null;
}

export type ReminderCertificate = {
  expiresOn: string;
  /** Set once a newer certificate replaced this one: the holder has renewed. */
  supersededAt?: Date | number | null;
  revokedAt?: Date | number | null;
  /** For callers that know of a renewal another way (say, a newer certificate in the same query). */
  renewed?: boolean;
};

/**
 * The reminder to send today, or null. Only the most advanced stage that applies is considered: if
 * the job did not run for a while, the stale earlier stages are skipped, never sent late. Nothing
 * for a certificate that has been renewed (superseded) or revoked.
 */
export function reminderDue(today: string, cert: ReminderCertificate, alreadySent: ReadonlySet<ReminderStage>): ReminderStage | null {
  if (cert.renewed || cert.supersededAt != null || cert.revokedAt != null) return null;
  const stage = currentStage(today, cert.expiresOn);
  if (!stage || alreadySent.has(stage)) return null;
  return stage;
}
