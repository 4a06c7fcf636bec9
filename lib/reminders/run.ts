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
import { type Mail, deliver, queueMail } from "../mail";
import { refresherState } from "../refresher";
import { digestMessage, reminderMessage } from "./messages";
import { type LocalCourse, localCourseOfScheme } from "../scheme-details/service";
import { reminderDue } from "./select";

export type ReminderRun = { reminders: { personId: number; stage: ReminderStage }[]; digests: number };

export async function runReminders(): Promise<ReminderRun> {
  const today = todayInLondon();
  const sent = await sentStagesByCertificate();
  const toDeliver: { id: number; mail: Mail }[] = [];
  const reminders: ReminderRun["reminders"] = [];
  const dueBySchemeToday = new Map<number, { name: string; stage: ReminderStage; dueOn: string }[]>();

  // Each scheme's details, read once per run.
  const schemes = new Map<number, Promise<LocalCourse | null>>();
  const detailsOf = async (schemeId: number) => {
    if (!schemes.has(schemeId)) schemes.set(schemeId, localCourseOfScheme(schemeId));
    return (await schemes.get(schemeId)!)?.details ?? null;
  };

  for (const cert of await liveCertificatesOfActivePeople()) {
    const marked = await retrainMarkedAt(cert.contentVersion);
    const state = refresherState(today, cert, { retrainMarkedOn: marked ? isoDateInLondon(marked) : null });
    const dueOn = state.dueOn ?? cert.expiresOn;
    const stage = reminderDue(today, { expiresOn: dueOn }, sent.get(cert.certificateId) ?? new Set());
    if (!stage) continue;
    const mail: Mail = { to: cert.email, ...reminderMessage(cert.name, stage, dueOn, await detailsOf(cert.schemeId)), kind: `reminder-${stage}`, schemeId: cert.schemeId, personId: cert.personId };
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
    const digest = digestMessage(items);
    for (const trainer of await listTrainersOfScheme(schemeId)) {
      const mail: Mail = { to: trainer.email, ...digest, kind: "trainer-digest", schemeId, personId: trainer.id };
      const outboxId = await writeTransaction(async (tx) => (await recordDigest(trainer.id, today, now(), tx) ? await queueMail(mail, tx) : null));
      if (outboxId === null) continue;
      toDeliver.push({ id: outboxId, mail });
      digests++;
    }
  }

  for (const { id, mail } of toDeliver) await deliver(id, mail);
  return { reminders, digests };
}
