import "server-only";
// The reminders job: safe to run any number of times a day. Each person gets the 30-day, 7-day,
// due and overdue reminders once per certificate (the unique index on reminders_sent makes a second
// run, or two runs at once, send nothing twice), and each trainer a digest of their scheme's due and
// overdue people, at most once a day, on days when something changed.
import { writeTransaction } from "@/db/client";
import { listTrainersOfScheme } from "@/db/queries/people";
import { liveCertificatesOfActivePeople, recordDigest, recordReminder, sentStagesByCertificate } from "@/db/queries/reminders";
import { retrainMarkedAt } from "@/db/queries/training";
import type { ReminderStage } from "@/db/schema";
import { isoDateInLondon, now, today as todayInLondon } from "../clock";
import { formatLongDate } from "../dates";
import { env } from "../env";
import { type Mail, deliver, queueMail } from "../mail";
import { refresherState } from "../refresher";
import { reminderDue } from "./select";

const subjects: Record<ReminderStage, string> = {
  "30-days": "Your Shared Lives training refresher is due in 30 days",
  "7-days": "Your Shared Lives training refresher is due in 7 days",
  due: "Your Shared Lives training refresher is due today",
  overdue: "Your Shared Lives training refresher is overdue",
};

function reminderBody(name: string, stage: ReminderStage, dueOn: string): string {
  const when =
    stage === "overdue"
      ? `Your certificate ran out on ${formatLongDate(dueOn)}. Please do your refresher as soon as you can.`
      : stage === "due"
        ? "Your refresher is due today. Your certificate runs out at the end of today."
        : `Your refresher is due by ${formatLongDate(dueOn)}.`;
  return [
    `Hello ${name},`,
    "",
    when,
    "The refresher is the three short quizzes again, with new situations. It takes about 30 minutes.",
    "If you do it before your certificate runs out, your new certificate starts when the old one ends, so you lose no days.",
    "",
    `Sign in here: ${env().siteUrl}/my`,
    "",
    "If you find it hard to do online, ask your Shared Lives officer for help.",
  ].join("\n");
}

export type ReminderRun = { reminders: { personId: number; stage: ReminderStage }[]; digests: number };

export async function runReminders(): Promise<ReminderRun> {
  const today = todayInLondon();
  const sent = await sentStagesByCertificate();
  const toDeliver: { id: number; mail: Mail }[] = [];
  const reminders: ReminderRun["reminders"] = [];
  const dueBySchemeToday = new Map<number, { name: string; stage: ReminderStage; dueOn: string }[]>();

  for (const cert of await liveCertificatesOfActivePeople()) {
    const marked = await retrainMarkedAt(cert.contentVersion);
    const state = refresherState(today, cert, { retrainMarkedOn: marked ? isoDateInLondon(marked) : null });
    const dueOn = state.dueOn ?? cert.expiresOn;
    const stage = reminderDue(today, { expiresOn: dueOn }, sent.get(cert.certificateId) ?? new Set());
    if (!stage) continue;
    const mail: Mail = { to: cert.email, subject: subjects[stage], body: reminderBody(cert.name, stage, dueOn), kind: `reminder-${stage}`, schemeId: cert.schemeId, personId: cert.personId };
    const outboxId = await writeTransaction(async (tx) =>
      await recordReminder({ personId: cert.personId, certificateId: cert.certificateId, stage, sentAt: now() }, tx) ? await queueMail(mail, tx) : null,
    );
    if (outboxId === null) continue;
    toDeliver.push({ id: outboxId, mail });
    reminders.push({ personId: cert.personId, stage });
    if (!dueBySchemeToday.has(cert.schemeId)) dueBySchemeToday.set(cert.schemeId, []);
    dueBySchemeToday.get(cert.schemeId)!.push({ name: cert.name, stage, dueOn });
  }

  let digests = 0;
  for (const [schemeId, items] of dueBySchemeToday) {
    const overdue = items.filter((i) => i.stage === "overdue");
    const due = items.filter((i) => i.stage !== "overdue");
    const lines = [
      "Today's refresher reminders for your scheme:",
      "",
      ...(due.length ? ["Due soon:", ...due.map((i) => `- ${i.name}: due by ${formatLongDate(i.dueOn)}`), ""] : []),
      ...(overdue.length ? ["Overdue:", ...overdue.map((i) => `- ${i.name}: certificate ran out ${formatLongDate(i.dueOn)}`), ""] : []),
      `See everyone's status on the training matrix: ${env().siteUrl}/trainer`,
    ];
    for (const trainer of await listTrainersOfScheme(schemeId)) {
      const mail: Mail = { to: trainer.email, subject: `Refresher reminders: ${due.length} due soon, ${overdue.length} overdue`, body: lines.join("\n"), kind: "trainer-digest", schemeId, personId: trainer.id };
      const outboxId = await writeTransaction(async (tx) => (await recordDigest(trainer.id, today, now(), tx) ? await queueMail(mail, tx) : null));
      if (outboxId === null) continue;
      toDeliver.push({ id: outboxId, mail });
      digests++;
    }
  }

  for (const { id, mail } of toDeliver) await deliver(id, mail);
  return { reminders, digests };
}
