import "server-only";
// Inviting people: a trainer invites by email, the person follows a one-time link (14 days),
// sets their name and password, and is signed in.
import { TransactionRollbackError, type Tx, writeTransaction } from "@/db/client";
import { findInvitationByTokenHash, insertInvitation, listOpenInvitations, markInvitationUsed } from "@/db/queries/auth";
import { findPersonByEmail, findScheme, insertPersonUnlessEmailTaken } from "@/db/queries/people";
import type { Role } from "@/db/schema";
import { type Viewer, canInviteRole, canManageScheme } from "./access";
import { audit } from "./audit";
import { hashPassword } from "./auth/hashing";
import { passwordProblem } from "./auth/password-policy";
import { hashToken, isWellFormedToken, newToken } from "./auth/tokens";
import { now } from "./clock";
import { env } from "./env";
import { NotAllowed } from "./errors";
import { queueMail, deliver, type Mail } from "./mail";

export const INVITATION_DAYS = 14;

export type InviteInput = { email: string; role: Role; name?: string | null; schemeId: number; intakeId?: number | null };
export type InviteResult = { ok: true; link: string } | { ok: false; field: string; message: string };

function invitationMail(input: InviteInput, schemeName: string, link: string, inviterName: string | null): Omit<Mail, "schemeId" | "personId"> {
  return {
    to: input.email,
    subject: `You are invited to Shared Lives training (${schemeName})`,
    body: [
      input.name ? `Hello ${input.name},` : "Hello,",
      "",
      `${inviterName ?? "Your Shared Lives scheme"} has invited you to do the Shared Lives training for ${schemeName}.`,
      "The training is about keeping information safe and sharing it well. It has three short modules.",
      "",
      "Use this link to set up your account:",
      link,
      "",
      `The link works once and runs out in ${INVITATION_DAYS} days.`,
    ].join("\n"),
    kind: "invitation",
  };
}

/** An invitation written (inside the caller's transaction) and its email queued, to deliver after commit. */
export type PreparedInvitation = { ok: true; link: string; outboxId: number; mail: Mail } | { ok: false; field: string; message: string };

/**
 * Checks, writes the invitation, audits it and queues its email, all inside the caller's
 * transaction, so a list of invitations can share one (lib/trainer/intakes.ts). Nothing is sent:
 * call deliver() after the transaction commits. `viewer` null means the command line.
 */
export async function prepareInvitation(viewer: Viewer | null, input: InviteInput, tx: Tx): Promise<PreparedInvitation> {
  if (viewer && (!canManageScheme(viewer, input.schemeId) || !canInviteRole(viewer, input.role))) throw new NotAllowed();
  const scheme = await findScheme(input.schemeId, tx);
  if (!scheme) throw new NotAllowed();
  if (await findPersonByEmail(input.email, tx)) {
    return { ok: false, field: "email", message: "Someone with this email address already has an account" };
  }
  const { token, tokenHash } = newToken();
  const link = `${env().siteUrl}/invite/${token}`;
  const at = now();
  const mail = { ...invitationMail(input, scheme.name, link, viewer?.name ?? null), schemeId: input.schemeId, personId: null };
  const invitation = await insertInvitation(
    {
      tokenHash,
      email: input.email,
      name: input.name ?? null,
      role: input.role,
      schemeId: input.schemeId,
      intakeId: input.intakeId ?? null,
      invitedBy: viewer?.personId ?? null,
      expiresAt: new Date(at.getTime() + INVITATION_DAYS * 86_400_000),
    },
    tx,
  );
  await audit({ actorId: viewer?.personId ?? null, schemeId: input.schemeId, action: "invited", details: { invitationId: invitation.id, email: input.email, role: input.role } }, tx);
  return { ok: true, link, outboxId: await queueMail(mail, tx), mail };
}

/** Creates one invitation and queues its email in one transaction, then sends it. */
export async function invite(viewer: Viewer | null, input: InviteInput): Promise<InviteResult> {
  const prepared = await writeTransaction(async (tx) => await prepareInvitation(viewer, input, tx));
  if (!prepared.ok) return prepared;
  await deliver(prepared.outboxId, prepared.mail);
  return { ok: true, link: prepared.link };
}

/** Invitations of a scheme not yet accepted and not run out, for that scheme's trainers. */
export async function openInvitations(viewer: Viewer, schemeId: number) {
  if (!canManageScheme(viewer, schemeId)) throw new NotAllowed();
  return await listOpenInvitations(schemeId, now());
}

export type InvitationCheck =
  | { ok: true; email: string; name: string | null; role: Role; schemeName: string }
  | { ok: false; reason: "malformed" | "unknown" | "used" | "expired" };

export async function inspectInvitation(token: unknown): Promise<InvitationCheck> {
  if (!isWellFormedToken(token)) return { ok: false, reason: "malformed" };
  const invitation = await findInvitationByTokenHash(hashToken(token));
  if (!invitation) return { ok: false, reason: "unknown" };
  if (invitation.usedAt) return { ok: false, reason: "used" };
  if (invitation.expiresAt.getTime() <= now().getTime()) return { ok: false, reason: "expired" };
  const scheme = await findScheme(invitation.schemeId);
  return { ok: true, email: invitation.email, name: invitation.name, role: invitation.role, schemeName: scheme?.name ?? "" };
}

export type AcceptResult = { ok: true; email: string } | { ok: false; field: string; message: string };

/** Creates the person from the invitation, once. */
export async function acceptInvitation(token: unknown, name: string, password: string): Promise<AcceptResult> {
  const check = await inspectInvitation(token);
  if (!check.ok) return { ok: false, field: "form", message: "This invitation has already been used or has run out. Ask your trainer for a new one." };
  const problem = passwordProblem(password, { email: check.email, name });
  if (problem) return { ok: false, field: "password", message: problem };
  const passwordHash = await hashPassword(password);
  return await writeTransaction(async (tx) => {
    const invitation = (await findInvitationByTokenHash(hashToken(token as string), tx))!;
    if (await findPersonByEmail(invitation.email, tx)) {
      return { ok: false as const, field: "form", message: "An account with this email address already exists. Sign in instead." };
    }
    const person = await insertPersonUnlessEmailTaken(
      { name, email: invitation.email, role: invitation.role, schemeId: invitation.schemeId, intakeId: invitation.intakeId, passwordHash },
      tx,
    );
    // A concurrent acceptance (or sign-up with this address) got there first: people.email is unique.
    if (!person) return { ok: false as const, field: "form", message: "This invitation has already been used or has run out. Ask your trainer for a new one." };
    if (!await markInvitationUsed(invitation.id, person.id, now(), tx)) {
      throw new TransactionRollbackError();
    }
    await audit({ actorId: person.id, schemeId: person.schemeId, subjectPersonId: person.id, action: "accepted-invitation", details: { invitationId: invitation.id } }, tx);
    return { ok: true as const, email: person.email };
  });
}
