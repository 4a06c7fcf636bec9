// The words of the reminder emails and of the trainers' daily digest. Used by the reminders job,
// and by the demo for the reminders its history says were sent.
import type { ReminderStage } from "@/db/schema";
import { formatLongDate } from "../dates";
import { env } from "../env";
import type { SchemeDetails } from "../scheme-details/form";
import { contactLine, mainContacts } from "../scheme-details/points";
import { FIRST_REMINDER_DAYS, SECOND_REMINDER_DAYS } from "./select";

function schemeLines(scheme: SchemeDetails | null): string[] {
  const contacts = scheme ? mainContacts(scheme) : [];
  if (!scheme || contacts.length === 0) return ["If you find it hard to do online, ask your Shared Lives officer for help."];
  return [`If you find it hard to do online, or you have a question, ask ${scheme.publicName}.`, contactLine(contacts)];
}

const subjects: Record<ReminderStage, string> = {
  "30-days": `Your Shared Lives training refresher is due in ${FIRST_REMINDER_DAYS} days`,
  "7-days": `Your Shared Lives training refresher is due in ${SECOND_REMINDER_DAYS} days`,
  due: "Your Shared Lives training refresher is due today",
  overdue: "Your Shared Lives training refresher is overdue",
};

/**
 * A reminder to one person. With their scheme's details (issue 15), it ends with the scheme's name
 * and who to contact; without, as before.
 */
export function reminderMessage(name: string, stage: ReminderStage, dueOn: string, scheme: SchemeDetails | null = null): { subject: string; body: string } {
  const when =
    stage === "overdue"
      ? `Your certificate ran out on ${formatLongDate(dueOn)}. Please do your refresher as soon as you can.`
      : stage === "due"
        ? "Your refresher is due today. Your certificate runs out at the end of today."
        : `Your refresher is due by ${formatLongDate(dueOn)}.`;
  const body = [
    `Hello ${name},`,
    "",
    when,
    "The refresher is the three short quizzes again, with new situations. It takes about 30 minutes.",
    "If you do it before your certificate runs out, your new certificate starts when the old one ends, so you lose no days.",
    "",
    `Sign in here: ${env().siteUrl}/my`,
    "",
    ...schemeLines(scheme),
  ].join("\n");
  return { subject: subjects[stage], body };
}

/** A trainer's digest of the day's reminders in their scheme. */
export function digestMessage(items: { name: string; stage: ReminderStage; dueOn: string }[]): { subject: string; body: string } {
  const overdue = items.filter((i) => i.stage === "overdue");
  const due = items.filter((i) => i.stage !== "overdue");
  const lines = [
    "Today's refresher reminders for your scheme:",
    "",
    ...(due.length ? ["Due soon:", ...due.map((i) => `- ${i.name}: due by ${formatLongDate(i.dueOn)}`), ""] : []),
    ...(overdue.length ? ["Overdue:", ...overdue.map((i) => `- ${i.name}: certificate ran out ${formatLongDate(i.dueOn)}`), ""] : []),
    `See everyone's status on the training matrix: ${env().siteUrl}/trainer`,
  ];
  return { subject: `Refresher reminders: ${due.length} due soon, ${overdue.length} overdue`, body: lines.join("\n") };
}
