import "server-only";
// Recruitment intakes: create one, see who is in it, move someone into it, and invite a list of
// people to it. Every change is audited in the same transaction.
import { type DbOrTx, writeTransaction } from "@/db/client";
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
import { prepareInvitation } from "../invitations";
import { emailField } from "../validation";
import { deliver } from "../mail";
import { type CheckedRow, type InviteRole, checkRows, groupProblems, linesText, parseInviteList } from "./import";
import { requireManagedPerson, requireScheme } from "./scope";
import { NotAllowed } from "../errors";

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
  | { ok: true; invited: CheckedRow[]; skipped: CheckedRow[] }
  | { ok: false; fileProblem: string | null; rows: CheckedRow[]; problems: { lines: number[]; message: string }[]; badLines: number };

/** Reads and checks a list without sending anything (inside the caller's transaction if given). */
export async function checkInviteList(viewer: Viewer, schemeId: number, text: string, defaultRole: InviteRole | null, db?: DbOrTx) {
  await requireScheme(viewer, schemeId);
  const parsed = parseInviteList(text);
  if (parsed.fileProblem) return { parsed, rows: [] as CheckedRow[] };
  // Only addresses that could be an account's are looked up (a stray NUL byte, say, could not be,
  // and PostgreSQL refuses it in a query); checkRows says what is wrong with the others.
  const emails = parsed.rows.map((r) => r.email.trim().toLowerCase()).filter((email) => emailField.safeParse(email).success);
  const rows = checkRows(parsed.rows, {
    existingAccounts: await emailsWithAccount(emails, db),
    openInvitations: await emailsWithOpenInvitation(schemeId, emails, now(), db),
    defaultRole,
  });
  return { parsed, rows };
}

/** A line that passed the checks but could not be invited: the whole list is rolled back. */
class LineRefused extends Error {
  constructor(readonly row: CheckedRow, message: string) {
    super(message);
  }
}

/**
 * Invites everyone on the list to the intake, all or nothing: the lines are checked, every
 * invitation written with its audit entry, and the run's own audit entry added, in one
 * transaction. If any line has a problem, nothing is written unless the trainer chose to invite
 * only the good lines; if anything fails part-way, nothing is kept. The emails go after commit.
 */
export async function bulkInvite(viewer: Viewer, intakeId: number, input: BulkInviteInput): Promise<BulkInviteResult> {
  const intake = await requireIntake(viewer, intakeId);
  let outcome;
  try {
    outcome = await writeTransaction(async (tx) => {
      const { parsed, rows } = await checkInviteList(viewer, intake.schemeId, input.text, input.defaultRole, tx);
      if (parsed.fileProblem) return { ok: false as const, fileProblem: parsed.fileProblem, rows: [], problems: [], badLines: 0 };
      const bad = rows.filter((r) => r.problems.length > 0);
      const good = rows.filter((r) => r.problems.length === 0);
      const badLines = new Set(bad.map((r) => r.line)).size;
      if (bad.length > 0 && (!input.goodRowsOnly || good.length === 0)) {
        return { ok: false as const, fileProblem: null, rows, problems: groupProblems(rows), badLines };
      }
      // One after another: they share the transaction, and each checks what the one before wrote.
      const mails = [];
      for (const row of good) {
        const prepared = await prepareInvitation(viewer, { email: row.email, name: row.name, role: row.role!, schemeId: intake.schemeId, intakeId: intake.id }, tx);
        if (!prepared.ok) throw new LineRefused(row, prepared.message);
        mails.push(prepared);
      }
      await audit(
        { actorId: viewer.personId, schemeId: intake.schemeId, action: "bulk-invited", details: { intakeId: intake.id, invited: good.length, leftOut: bad.map((r) => r.line) } },
        tx,
      );
      return { ok: true as const, invited: good, skipped: bad, mails };
    });
  } catch (error) {
    // Checked in the same transaction, so this is a line the checks missed: refuse the whole list.
    if (error instanceof LineRefused) {
      const rows = [{ ...error.row, problems: [error.message] }];
      return { ok: false, fileProblem: null, rows, problems: groupProblems(rows), badLines: 1 };
    }
    throw error;
  }
  if (!outcome.ok) return outcome;
  for (const m of outcome.mails) await deliver(m.outboxId, m.mail);
  return { ok: true, invited: outcome.invited, skipped: outcome.skipped };
}

export { linesText };
