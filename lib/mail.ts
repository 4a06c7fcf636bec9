import "server-only";
// Sending email. With SMTP_URL set, mail goes through SMTP (nodemailer); without it, it is written
// to the outbox table, which trainers can read in demo mode, so every flow works on a fresh machine.
// Either way a copy is kept in the outbox table, which is the record of what was sent.
import nodemailer, { type Transporter } from "nodemailer";
import type { Tx } from "@/db/client";
import { insertOutboxMessage, markOutboxFailed, markOutboxSent } from "@/db/queries/outbox";
import { now } from "./clock";
import { env } from "./env";

export type Mail = {
  to: string;
  subject: string;
  body: string;
  kind: string;
  schemeId: number | null;
  personId: number | null;
};

let transporter: { url: string; transport: Transporter } | null = null;

function smtp(url: string): Transporter {
  if (!transporter || transporter.url !== url) {
    transporter = { url, transport: nodemailer.createTransport(url) };
  }
  return transporter.transport;
}

/** Queues the message in the outbox table (inside the caller's transaction if given). */
export async function queueMail(mail: Mail, tx?: Tx): Promise<number> {
  const { smtpUrl, demoMode } = env();
  return (await insertOutboxMessage(
    {
      toAddress: mail.to.toLowerCase(),
      subject: mail.subject,
      body: mail.body,
      kind: mail.kind,
      schemeId: mail.schemeId,
      personId: mail.personId,
      // Marked, so that the demo outbox shows only mail written in demo mode (never a real
      // site's sign-in links, should DEMO_MODE be switched on later).
      transport: smtpUrl ? "smtp" : demoMode ? "demo-outbox" : "outbox",
      createdAt: now(),
    },
    tx,
  )).id;
}

/** Delivers a queued message by SMTP when configured. Failures are recorded, never thrown. */
export async function deliver(outboxId: number, mail: Mail): Promise<boolean> {
  const { smtpUrl, mailFrom } = env();
  if (!smtpUrl) return true;
  try {
    await smtp(smtpUrl).sendMail({ from: mailFrom, to: mail.to, subject: mail.subject, text: mail.body });
    await markOutboxSent(outboxId, now());
    return true;
  } catch (error) {
    await markOutboxFailed(outboxId, error instanceof Error ? error.message : String(error));
    return false;
  }
}

export async function sendMail(mail: Mail): Promise<boolean> {
  return await deliver(await queueMail(mail), mail);
}
