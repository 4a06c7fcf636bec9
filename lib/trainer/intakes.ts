import "server-only";
// Recruitment intakes: create one, see who is in it, move someone into it, and invite a list of
// people to it. Every change is audited in the same transaction.
import { writeTransaction } from "@/db/client";
import {
  emailsWithAccount,
  emailsWithOpenInvitation,
  findIntake,
  findIntakeByName,
  insertIntake,
  listIntakes,
  openInvitationsOfIntake,
  peopleInIntake,
  setPersonIntake,
} from "@/db/queries/intakes";
import type { Viewer } from "../access";
import { audit } from "../audit";
import { now } from "../clock";
import { isValidIsoDate } from "../dates";
import type { FieldError } from "../form-state";
import { invite } from "../invitations";
import { type CheckedRow, type InviteRole, checkRows, groupProblems, linesText, parseInviteList } from "./import";
import { NotAllowed, requireManagedPerson, requireScheme } from "./scope";

export async function intakesOf(viewer: Viewer, schemeId: number) {
  await requireScheme(viewer, schemeId);
  return await listIntakes(schemeId, now());
}

/** An intake in a scheme the viewer manages; NotAllowed for any other id. */
export async function requireIntake(viewer: Viewer, intakeId: number) {
  const intake = Number.isSafeInteger(intakeId) && intakeId > 0 ? await findIntake(intakeId) : undefined;
  if (!intake) throw new NotAllowed();
  await requireScheme(viewer, intake.schemeId);
  return intake;
}

export async function intakeDetail(viewer: Viewer, intakeId: number) {
  const intake = await requireIntake(viewer, intakeId);
  return { intake, people: await peopleInIntake(intake.id), invitations: await openInvitationsOfIntake(intake.id, now()) };
}

export type CreateIntakeResult = { ok: true; id: number } | { ok: false; errors: FieldError[] };

export async function createIntake(viewer: Viewer, schemeId: number, input: { name: string; startDate: string }): Promise<CreateIntakeResult> {
  await requireScheme(viewer, schemeId);
  if (!isValidIsoDate(input.startDate)) return { ok: false, errors: [{ field: "startDate", message: "Enter a real start date, like 2027-01-18" }] };
  return await writeTransaction(async (tx) => {
    if (await findIntakeByName(schemeId, input.name, tx)) {
      return { ok: false as const, errors: [{ field: "name", message: "There is already an intake with this name. Choose another name." }] };
    }
    const intake = await insertIntake({ schemeId, name: input.name, startDate: input.startDate, createdBy: viewer.personId }, tx);
    await audit({ actorId: viewer.personId, schemeId, action: "created-intake", details: { intakeId: intake.id, name: intake.name, startDate: intake.startDate } }, tx);
    return { ok: true as const, id: intake.id };
  });
}

/** Puts a person into an intake of their own scheme, or takes them out of any (null). */
export async function moveToIntake(viewer: Viewer, personId: number, intakeId: number | null): Promise<{ name: string; intakeName: string | null }> {
  const person = await requireManagedPerson(viewer, personId);
  const intake = intakeId === null ? null : await requireIntake(viewer, intakeId);
  if (intake && intake.schemeId !== person.schemeId) throw new NotAllowed();
  await writeTransaction(async (tx) => {
    await setPersonIntake(person.id, intake?.id ?? null, tx);
    await audit(
      { actorId: viewer.personId, schemeId: person.schemeId, subjectPersonId: person.id, action: "moved-to-intake", details: { from: person.intakeId, to: intake?.id ?? null } },
      tx,
    );
  });
  return { name: person.name, intakeName: intake?.name ?? null };
}

export type BulkInviteInput = { text: string; defaultRole: InviteRole | null; goodRowsOnly: boolean };

export type BulkInviteResult =
  | { ok: true; invited: CheckedRow[]; skipped: CheckedRow[]; failed: { row: CheckedRow; message: string }[] }
  | { ok: false; fileProblem: string | null; rows: CheckedRow[]; problems: { lines: number[]; message: string }[]; badLines: number };

/** Reads and checks a list without sending anything. */
export async function checkInviteList(viewer: Viewer, schemeId: number, text: string, defaultRole: InviteRole | null) {
  await requireScheme(viewer, schemeId);
  const parsed = parseInviteList(text);
  if (parsed.fileProblem) return { parsed, rows: [] as CheckedRow[] };
  const emails = parsed.rows.map((r) => r.email.trim().toLowerCase()).filter(Boolean);
  const rows = checkRows(parsed.rows, {
    existingAccounts: await emailsWithAccount(emails),
    openInvitations: await emailsWithOpenInvitation(schemeId, emails, now()),
    defaultRole,
  });
  return { parsed, rows };
}

/**
 * Invites everyone on the list to the intake. Every line is checked first; if any line has a
 * problem, nothing is sent unless the trainer chose to invite only the good lines. Each invitation
 * is its own transaction with its own audit entry (lib/invitations.ts), and the run as a whole is
 * audited too.
 */
export async function bulkInvite(viewer: Viewer, intakeId: number, input: BulkInviteInput): Promise<BulkInviteResult> {
  const intake = await requireIntake(viewer, intakeId);
  const { parsed, rows } = await checkInviteList(viewer, intake.schemeId, input.text, input.defaultRole);
  if (parsed.fileProblem) return { ok: false, fileProblem: parsed.fileProblem, rows: [], problems: [], badLines: 0 };
  const bad = rows.filter((r) => r.problems.length > 0);
  const good = rows.filter((r) => r.problems.length === 0);
  const badLines = new Set(bad.map((r) => r.line)).size;
  if (bad.length > 0 && (!input.goodRowsOnly || good.length === 0)) {
    return { ok: false, fileProblem: null, rows, problems: groupProblems(rows), badLines };
  }
  const invited: CheckedRow[] = [];
  const failed: { row: CheckedRow; message: string }[] = [];
  for (const row of good) {
    const result = await invite(viewer, { email: row.email, name: row.name, role: row.role!, schemeId: intake.schemeId, intakeId: intake.id });
    if (result.ok) invited.push(row);
    else failed.push({ row, message: result.message });
  }
  await audit({
    actorId: viewer.personId,
    schemeId: intake.schemeId,
    action: "bulk-invited",
    details: { intakeId: intake.id, invited: invited.length, leftOut: bad.map((r) => r.line), failed: failed.map((f) => f.row.line) },
  });
  return { ok: true, invited, skipped: bad, failed };
}

export { linesText };
