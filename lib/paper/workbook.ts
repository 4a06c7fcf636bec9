import "server-only";
// Paper, scored: an officer prints a workbook for a carer (a module's lessons, then a fixed set of
// scenarios drawn by the same rule as an online attempt, and an answer sheet with a reference
// number); the carer answers at the kitchen table; the officer types the ticked answers into a form
// keyed by the reference; the server scores them as an online attempt (lib/quiz/service.ts: the
// same scoring, pass mark, feedback, completion and certificate), once per sheet.
//
// Who: trainers and staff (Shared Lives officers) of the carer's scheme (lib/access.ts: canSupport).
// A reference that does not exist, or belongs to another scheme, is "no such workbook" either way.
import { writeTransaction } from "@/db/client";
import { dialect } from "@/db/dialect";
import { findPersonById } from "@/db/queries/people";
import {
  type PaperWorkbookRow,
  attemptOfWorkbook,
  findWorkbookByReference,
  insertWorkbookUnlessReferenceTaken,
  markWorkbookEntered,
  namesOf,
  workbooksOfPerson,
} from "@/db/queries/support";
import { insertAnswer, insertScoredAttemptOnce } from "@/db/queries/training";
import { type Viewer, canSupport } from "../access";
import { audit } from "../audit";
import { now } from "../clock";
import { course, isModuleSlug } from "../content/course";
import type { ModuleSlug } from "../content/schemas";
import { scenariosOf } from "../content/scenarios";
import { NotAllowed, ShownError } from "../errors";
import type { FieldError } from "../form-state";
import { type ResultView, drawForPerson, recordSubmission, resultOf } from "../quiz/service";
import { scoreAttempt } from "../quiz/scoring";
import { moduleTitles } from "../training/complete";
import { trainingState } from "../training/state";
import { checkSheetAnswers, letterOf } from "./answers";
import { formatReference, newReference, parseReference, REFERENCE_PROBLEM_MESSAGE } from "./reference";

/** An officer who may see a scheme's workbooks: a trainer or staff member of it, not in a supported session. */
function mayUseWorkbook(officer: Viewer, workbook: Pick<PaperWorkbookRow, "schemeId">): boolean {
  if (officer.supportedBy) return false;
  return (officer.role === "trainer" || officer.role === "staff") && officer.schemeId !== null && officer.schemeId === workbook.schemeId;
}

const NO_SUCH_WORKBOOK = "There is no workbook with that reference number for your scheme. Check each digit against the answer sheet";

/** A workbook by its reference, for an officer of its scheme; NotAllowed otherwise (unknown or another scheme). */
async function requireWorkbook(officer: Viewer, reference: string): Promise<PaperWorkbookRow> {
  const parsed = parseReference(reference);
  const workbook = parsed.ok ? await findWorkbookByReference(parsed.reference) : undefined;
  if (!workbook || !mayUseWorkbook(officer, workbook)) throw new NotAllowed();
  return workbook;
}

/**
 * Draws and stores a workbook for a carer's module in their current training. The reference is
 * what the officer will type back; printing it again is just opening its page again.
 */
export async function printWorkbook(officer: Viewer, personId: number, moduleSlug: string): Promise<{ reference: string }> {
  const person = Number.isSafeInteger(personId) && personId > 0 ? await findPersonById(personId) : undefined;
  if (!person || !canSupport(officer, person)) throw new NotAllowed();
  if (!isModuleSlug(moduleSlug)) throw new ShownError("Choose one of the modules", "moduleSlug");
  return await writeTransaction(async (tx) => {
    await dialect.lockFor(tx, `person:${person.id}`);
    const state = await trainingState(person.id, tx);
    const scenarioIds = await drawForPerson(person.id, moduleSlug, state.cycle, tx);
    for (let tries = 0; tries < 5; tries++) {
      const workbook = await insertWorkbookUnlessReferenceTaken(
        {
          reference: newReference(),
          personId: person.id,
          schemeId: person.schemeId!,
          moduleSlug,
          cycle: state.cycle,
          contentVersion: course.version,
          scenarioIds,
          printedBy: officer.personId,
          printedAt: now(),
        },
        tx,
      );
      if (!workbook) continue; // that reference was taken: draw another number
      await audit(
        {
          actorId: officer.personId,
          schemeId: person.schemeId,
          subjectPersonId: person.id,
          action: "printed-paper-workbook",
          details: { reference: formatReference(workbook.reference), module: moduleSlug, cycle: state.cycle },
        },
        tx,
      );
      return { reference: workbook.reference };
    }
    throw new Error("Could not find a free workbook reference in five tries");
  });
}

export type SheetQuestion = {
  number: number;
  title: string;
  situation: string;
  question: string;
  /** The options as printed: a letter and the words. Never which one is best, nor any feedback. */
  options: { letter: string; text: string }[];
};

export type WorkbookView = {
  reference: string;
  formattedReference: string;
  person: { id: number; name: string; active: boolean };
  moduleSlug: ModuleSlug;
  moduleTitle: string;
  cycle: number;
  contentVersion: string;
  printedAt: Date;
  printedByName: string;
  questions: SheetQuestion[];
  entered: { at: Date; byName: string; attemptId: number | null } | null;
};

function sheetOf(workbook: PaperWorkbookRow): SheetQuestion[] {
  const bank = scenariosOf(workbook.moduleSlug as ModuleSlug);
  return workbook.scenarioIds.map((id, i) => {
    const s = bank.get(id);
    if (!s) throw new Error(`Scenario ${id} of workbook ${workbook.id} is not in the bank`);
    return {
      number: i + 1,
      title: s.title,
      situation: s.situation,
      question: s.question,
      options: s.options.map((o, n) => ({ letter: letterOf(n), text: o.text })),
    };
  });
}

/** The workbook as printed and as the entry form shows it: the carer, the module and its questions. */
export async function workbookView(officer: Viewer, reference: string): Promise<WorkbookView> {
  const workbook = await requireWorkbook(officer, reference);
  const person = (await findPersonById(workbook.personId))!;
  const names = await namesOf([workbook.printedBy, ...(workbook.enteredBy !== null ? [workbook.enteredBy] : [])]);
  const attempt = workbook.enteredAt ? await attemptOfWorkbook(workbook.id) : undefined;
  return {
    reference: workbook.reference,
    formattedReference: formatReference(workbook.reference),
    person: { id: person.id, name: person.name, active: person.active },
    moduleSlug: workbook.moduleSlug as ModuleSlug,
    moduleTitle: (await moduleTitles()).get(workbook.moduleSlug) ?? workbook.moduleSlug,
    cycle: workbook.cycle,
    contentVersion: workbook.contentVersion,
    printedAt: workbook.printedAt,
    printedByName: names.get(workbook.printedBy) ?? "",
    questions: sheetOf(workbook),
    entered: workbook.enteredAt ? { at: workbook.enteredAt, byName: names.get(workbook.enteredBy!) ?? "", attemptId: attempt?.id ?? null } : null,
  };
}

/** The reference an officer typed, checked: the ten digits of a workbook of their scheme, or what is wrong. */
export async function findWorkbookReference(officer: Viewer, input: unknown): Promise<{ ok: true; reference: string } | { ok: false; message: string }> {
  const parsed = parseReference(input);
  if (!parsed.ok) return { ok: false, message: REFERENCE_PROBLEM_MESSAGE[parsed.problem] };
  const workbook = await findWorkbookByReference(parsed.reference);
  if (!workbook || !mayUseWorkbook(officer, workbook)) return { ok: false, message: NO_SUCH_WORKBOOK };
  return { ok: true, reference: workbook.reference };
}

export type EntryResult =
  | { ok: true; passed: boolean; certificateId: number | null }
  | { ok: false; errors: FieldError[] }
  | { ok: false; alreadyEntered: { at: Date; byName: string } };

/**
 * Scores the answers typed in from a workbook's sheet, as an online attempt is scored, and records
 * them once: the attempt (quiz_attempts.paper_workbook_id, unique), every answer, the audit entry
 * and, on a pass, the completion and perhaps the certificate, all in one transaction. Answers that
 * are not on the sheet, a sheet entered already, a carer no longer active or a sheet printed for an
 * earlier round of training store nothing.
 */
export async function enterWorkbookAnswers(officer: Viewer, reference: string, form: Record<string, unknown>): Promise<EntryResult> {
  const found = await requireWorkbook(officer, reference);
  const bank = scenariosOf(found.moduleSlug as ModuleSlug);
  const checked = checkSheetAnswers(
    form,
    found.scenarioIds.map((id) => bank.get(id)!.options.map((o) => o.id)),
  );
  if (!checked.ok) return checked;
  const titles = await moduleTitles();
  return await writeTransaction(async (tx): Promise<EntryResult> => {
    await dialect.lockFor(tx, `person:${found.personId}`);
    const workbook = (await findWorkbookByReference(found.reference, tx))!;
    if (workbook.enteredAt) return { ok: false, alreadyEntered: await enteredBy(workbook) };
    const person = (await findPersonById(workbook.personId, tx))!;
    if (!canSupport(officer, person)) {
      return { ok: false, errors: [{ field: "q1", message: `${person.name} has been deactivated. Reactivate them before entering their answers` }] };
    }
    const state = await trainingState(person.id, tx);
    if (state.cycle !== workbook.cycle) {
      return {
        ok: false,
        errors: [{ field: "q1", message: `This workbook was printed for ${person.name}'s training before their current round. Print a new workbook for them` }],
      };
    }
    const at = now();
    // Marked first, conditionally: a second entry (even at the same moment) finds it entered and
    // writes nothing. quiz_attempts_one_per_workbook backs this with a unique index.
    if (!(await markWorkbookEntered(workbook.id, officer.personId, at, tx))) return { ok: false, alreadyEntered: await enteredBy(workbook) };
    const answers = new Map(workbook.scenarioIds.map((id, i) => [id, checked.optionIds[i]!]));
    const result = scoreAttempt(workbook.scenarioIds, answers, bank);
    const attempt = await insertScoredAttemptOnce(
      {
        personId: person.id,
        moduleSlug: workbook.moduleSlug,
        cycle: workbook.cycle,
        contentVersion: workbook.contentVersion,
        scenarioIds: workbook.scenarioIds,
        startedAt: workbook.printedAt,
        submittedAt: at,
        score: result.score,
        total: result.total,
        passed: result.passed,
        paperWorkbookId: workbook.id,
      },
      tx,
    );
    if (!attempt) throw new Error(`Workbook ${workbook.id} has an attempt but was not marked entered`);
    for (const [scenarioId, optionId] of answers) {
      const best = bank.get(scenarioId)!.options.find((o) => o.id === optionId)!.best;
      await insertAnswer({ attemptId: attempt.id, scenarioId, optionId, best, answeredAt: at }, tx);
    }
    const { passed, certificateId } = await recordSubmission(
      tx,
      attempt,
      result,
      { actorId: officer.personId, schemeId: person.schemeId, paperEnteredBy: officer.personId, reference: formatReference(workbook.reference) },
      titles,
    );
    return { ok: true, passed, certificateId };
  });
}

async function enteredBy(workbook: PaperWorkbookRow): Promise<{ at: Date; byName: string }> {
  const fresh = (await findWorkbookByReference(workbook.reference))!;
  const names = await namesOf(fresh.enteredBy !== null ? [fresh.enteredBy] : []);
  return { at: fresh.enteredAt ?? now(), byName: names.get(fresh.enteredBy ?? -1) ?? "another officer" };
}

/** The result of an entered workbook, with the same feedback as an online result, for the officer to print. */
export async function workbookResult(officer: Viewer, reference: string): Promise<{ workbook: WorkbookView; result: ResultView } | null> {
  const workbook = await workbookView(officer, reference);
  if (!workbook.entered) return null;
  const attempt = await attemptOfWorkbook((await findWorkbookByReference(workbook.reference))!.id);
  const result = attempt ? await resultOf(attempt) : null;
  return result ? { workbook, result } : null;
}

/** A carer's workbooks for their officer's support page, newest first. */
export async function workbooksFor(officer: Viewer, personId: number) {
  const person = Number.isSafeInteger(personId) && personId > 0 ? await findPersonById(personId) : undefined;
  if (!person || !mayUseWorkbook(officer, { schemeId: person.schemeId ?? -1 }) || person.role !== "carer") throw new NotAllowed();
  const titles = await moduleTitles();
  return (await workbooksOfPerson(person.id)).map((w) => ({
    ...w,
    formattedReference: formatReference(w.reference),
    moduleTitle: titles.get(w.moduleSlug) ?? w.moduleSlug,
  }));
}
