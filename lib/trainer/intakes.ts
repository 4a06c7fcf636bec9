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
import { deliver } from "../mail";
import { type CheckedRow, type InviteRole, checkRows, groupProblems, linesText, parseInviteList } from "./import";
import { requireManagedPerson, requireScheme } from "./scope";
import { NotAllowed } from "../errors";

export function intakesOf(viewer: Viewer, schemeId: number) {
  requireScheme(viewer, schemeId);
  return listIntakes(schemeId, now());
}

/** An intake in a scheme the viewer manages; NotAllowed for any other id. */
export function requireIntake(viewer: Viewer, intakeId: number) {
  const intake = Number.isSafeInteger(intakeId) && intakeId > 0 ? findIntake(intakeId) : undefined;
  if (!intake) throw new NotAllowed();
  requireScheme(viewer, intake.schemeId);
  return intake;
}

export function intakeDetail(viewer: Viewer, intakeId: number) {
  const intake = requireIntake(viewer, intakeId);
  return { intake, people: peopleInIntake(intake.id), invitations: openInvitationsOfIntake(intake.id, now()) };
}

export type CreateIntakeResult = { ok: true; id: number } | { ok: false; errors: FieldError[] };

export function createIntake(viewer: Viewer, schemeId: number, input: { name: string; startDate: string }): CreateIntakeResult {
  requireScheme(viewer, schemeId);
  if (!isValidIsoDate(input.startDate)) return { ok: false, errors: [{ field: "startDate", message: "Enter a real start date, like 2027-01-18" }] };
  return writeTransaction((tx) => {
    if (findIntakeByName(schemeId, input.name, tx)) {
      return { ok: false as const, errors: [{ field: "name", message: "There is already an intake with this name. Choose another name." }] };
    }
    const intake = insertIntake({ schemeId, name: input.name, startDate: input.startDate, createdBy: viewer.personId }, tx);
    audit({ actorId: viewer.personId, schemeId, action: "created-intake", details: { intakeId: intake.id, name: intake.name, startDate: intake.startDate } }, tx);
    return { ok: true as const, id: intake.id };
  });
}

/** Puts a person into an intake of their own scheme, or takes them out of any (null). */
export function moveToIntake(viewer: Viewer, personId: number, intakeId: number | null): { name: string; intakeName: string | null } {
  const person = requireManagedPerson(viewer, personId);
  const intake = intakeId === null ? null : requireIntake(viewer, intakeId);
  if (intake && intake.schemeId !== person.schemeId) throw new NotAllowed();
  writeTransaction((tx) => {
    setPersonIntake(person.id, intake?.id ?? null, tx);
    audit(
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
export function checkInviteList(viewer: Viewer, schemeId: number, text: string, defaultRole: InviteRole | null, db?: DbOrTx) {
  requireScheme(viewer, schemeId);
  const parsed = parseInviteList(text);
  if (parsed.fileProblem) return { parsed, rows: [] as CheckedRow[] };
  const emails = parsed.rows.map((r) => r.email.trim().toLowerCase()).filter(Boolean);
  const rows = checkRows(parsed.rows, {
    existingAccounts: emailsWithAccount(emails, db),
    openInvitations: emailsWithOpenInvitation(schemeId, emails, now(), db),
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
  const intake = requireIntake(viewer, intakeId);
  let outcome;
  try {
    outcome = writeTransaction((tx) => {
      const { parsed, rows } = checkInviteList(viewer, intake.schemeId, input.text, input.defaultRole, tx);
      if (parsed.fileProblem) return { ok: false as const, fileProblem: parsed.fileProblem, rows: [], problems: [], badLines: 0 };
      const bad = rows.filter((r) => r.problems.length > 0);
      const good = rows.filter((r) => r.problems.length === 0);
      const badLines = new Set(bad.map((r) => r.line)).size;
      if (bad.length > 0 && (!input.goodRowsOnly || good.length === 0)) {
        return { ok: false as const, fileProblem: null, rows, problems: groupProblems(rows), badLines };
      }
      const mails = good.map((row) => {
        const prepared = prepareInvitation(viewer, { email: row.email, name: row.name, role: row.role!, schemeId: intake.schemeId, intakeId: intake.id }, tx);
        if (!prepared.ok) throw new LineRefused(row, prepared.message);
        return prepared;
      });
      audit(
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
