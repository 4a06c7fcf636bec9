import "server-only";
// Assisted completion: a trainer records that a carer completed a module on paper with their
// Shared Lives officer. It counts as completing the module in the person's current cycle (and, with
// the last module, issues the certificate), is labelled "assisted" in the matrix and on the
// certificate, and is audited, all in one transaction.
import { writeTransaction } from "@/db/client";
import type { Viewer } from "../access";
import { today as todayInLondon } from "../clock";
import { course, isModuleSlug } from "../content/course";
import { addDays, formatLongDate, isValidIsoDate } from "../dates";
import type { FieldError } from "../form-state";
import { completeModule, moduleTitles } from "../training/complete";
import { trainingState } from "../training/state";
import { requireManagedPerson } from "./scope";

/** How far back a paper completion may be dated. */
export const ASSISTED_MAX_DAYS_AGO = 365;
export const EVIDENCE_MAX = 2000;

export type AssistedInput = { personId: number; moduleSlug: string; completedOn: string; assistedBy: string; evidence: string };
export type AssistedResult =
  | { ok: true; name: string; moduleTitle: string; certificateId: number | null }
  | { ok: false; errors: FieldError[] };

/** The modules the person has still to complete in their current cycle. */
export async function modulesToRecord(viewer: Viewer, personId: number) {
  const person = await requireManagedPerson(viewer, personId);
  const titles = await moduleTitles();
  const state = await trainingState(person.id);
  return course.modules
    .filter((slug) => !state.completions.some((c) => c.moduleSlug === slug))
    .map((slug) => ({ slug, title: titles.get(slug) ?? slug }));
}

export async function recordAssistedCompletion(viewer: Viewer, input: AssistedInput, opts: { today?: string } = {}): Promise<AssistedResult> {
  const person = await requireManagedPerson(viewer, input.personId);
  const titles = await moduleTitles();
  const today = opts.today ?? todayInLondon();
  const errors: FieldError[] = [];
  if (!person.active) return { ok: false, errors: [{ field: "moduleSlug", message: `${person.name} has been deactivated. Reactivate them before recording training.` }] };
  if (!isModuleSlug(input.moduleSlug)) errors.push({ field: "moduleSlug", message: "Choose the module they completed" });
  if (!isValidIsoDate(input.completedOn)) errors.push({ field: "completedOn", message: "Enter the date they completed it, like 2026-03-14" });
  else if (input.completedOn > today) errors.push({ field: "completedOn", message: "The date they completed it must be today or in the past" });
  else if (input.completedOn < addDays(today, -ASSISTED_MAX_DAYS_AGO))
    errors.push({ field: "completedOn", message: `The date they completed it must be within the last ${ASSISTED_MAX_DAYS_AGO} days` });
  if (errors.length) return { ok: false, errors };

  return await writeTransaction(async (tx) => {
    const state = await trainingState(person.id, tx, today);
    if (state.completions.some((c) => c.moduleSlug === input.moduleSlug)) {
      return { ok: false as const, errors: [{ field: "moduleSlug", message: `${person.name} has already completed this module in their current training` }] };
    }
    const live = state.liveCertificate;
    if (live && input.completedOn < live.issuedOn) {
      return {
        ok: false as const,
        errors: [{ field: "completedOn", message: `The date must be on or after ${formatLongDate(live.issuedOn)}, when their current certificate was issued` }],
      };
    }
    const { certificateId } = await completeModule(
      tx,
      {
        personId: person.id,
        moduleSlug: input.moduleSlug,
        cycle: state.cycle,
        completedOn: input.completedOn,
        assisted: { by: input.assistedBy, evidence: input.evidence, recordedBy: viewer.personId },
        actorId: viewer.personId,
      },
      titles,
    );
    return { ok: true as const, name: person.name, moduleTitle: titles.get(input.moduleSlug) ?? input.moduleSlug, certificateId };
  });
}
