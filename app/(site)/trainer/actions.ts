"use server";
// Every trainer action. Each one re-checks who is asking and that every id it is given (scheme,
// intake, person) belongs to a scheme they manage: anything else is the 403 page, with nothing
// changed. The library functions they call audit each change in the same transaction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { showNoAccess } from "@/lib/http-status";
import { z } from "zod";
import type { Viewer } from "@/lib/access";
import { requireRole } from "@/lib/auth/viewer";
import { type FieldError, type FormState, formValues, zodErrors } from "@/lib/form-state";
import { invite } from "@/lib/invitations";
import { anonymiseScheme } from "@/lib/trainer/anonymise";
import { EVIDENCE_MAX, recordAssistedCompletion } from "@/lib/trainer/assisted";
import { MAX_CHARACTERS } from "@/lib/trainer/import";
import { bulkInvite, createIntake, linesText, moveToIntake, requireIntake } from "@/lib/trainer/intakes";
import { changeActive } from "@/lib/trainer/people";
import { NotAllowed, parseId, requireScheme } from "@/lib/trainer/scope";
import { emailField, nameField } from "@/lib/validation";

/** The scheme a form is about: a trainer's own (a different id is refused); an admin's choice. */
async function schemeFromForm(viewer: Viewer, formData: FormData): Promise<number> {
  const given = formData.get("schemeId");
  const id = typeof given === "string" && given !== "" ? parseId(given) : null;
  if (viewer.role === "trainer") {
    if (viewer.schemeId === null || (given !== null && given !== "" && id !== viewer.schemeId)) throw new NotAllowed();
    return viewer.schemeId;
  }
  if (id === null) throw new NotAllowed();
  await requireScheme(viewer, id);
  return id;
}

async function guarded<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof NotAllowed) showNoAccess();
    throw error;
  }
}

function refresh() {
  revalidatePath("/trainer", "layout");
}

const inviteForm = z.object({
  name: z.union([z.literal(""), nameField]).optional(),
  email: emailField,
  role: z.enum(["carer", "staff", "trainer"], { error: "Choose whether they are a carer, staff member or trainer" }),
  intakeId: z.string().optional(),
});

export async function invitePersonAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireRole(["trainer", "admin"]);
  const values = formValues(formData);
  return guarded(async () => {
    const schemeId = await schemeFromForm(viewer, formData);
    const parsed = inviteForm.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { errors: zodErrors(parsed.error), values };
    const intakeId = parsed.data.intakeId ? parseId(parsed.data.intakeId) : null;
    if (parsed.data.intakeId && (intakeId === null || (await requireIntake(viewer, intakeId)).schemeId !== schemeId)) throw new NotAllowed();
    const result = await invite(viewer, { email: parsed.data.email, role: parsed.data.role, name: parsed.data.name || null, schemeId, intakeId });
    if (!result.ok) return { errors: [{ field: result.field, message: result.message }], values };
    refresh();
    return { success: `Invitation sent to ${parsed.data.email}. The link works for 14 days.` };
  });
}

const activeForm = z.object({ personId: z.coerce.number().int().positive(), active: z.enum(["true", "false"]) });

export async function setActiveAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireRole(["trainer", "admin"]);
  const parsed = activeForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: "Something was wrong with that request. Reload the page and try again." };
  return guarded(async () => {
    const { name } = await changeActive(viewer, parsed.data.personId, parsed.data.active === "true");
    refresh();
    return {
      success: parsed.data.active === "true" ? `${name} can sign in again.` : `${name} has been deactivated and signed out. Their records are kept.`,
    };
  });
}

const intakeForm = z.object({
  name: z
    .string({ error: "Enter a name for the intake" })
    .trim()
    .min(1, "Enter a name for the intake")
    .max(100, "The intake's name must be 100 characters or fewer")
    .refine((v) => !/[\u0000-\u001f\u007f<>]/.test(v), "The intake's name must not contain < > or control characters"),
  startDate: z.string({ error: "Enter the start date" }).trim().min(1, "Enter the start date"),
});

export async function createIntakeAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireRole(["trainer", "admin"]);
  const values = formValues(formData);
  return guarded(async () => {
    const schemeId = await schemeFromForm(viewer, formData);
    const parsed = intakeForm.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { errors: zodErrors(parsed.error), values };
    const result = await createIntake(viewer, schemeId, parsed.data);
    if (!result.ok) return { errors: result.errors, values };
    refresh();
    return { success: `Intake “${parsed.data.name}” created. Open it to invite people to it.` };
  });
}

const bulkForm = z.object({
  intakeId: z.coerce.number().int().positive(),
  defaultRole: z.enum(["carer", "staff", "trainer"]).optional(),
  goodRowsOnly: z.literal("yes").optional(),
});

const MAX_FILE_BYTES = MAX_CHARACTERS * 2;

export async function bulkInviteAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireRole(["trainer", "admin"]);
  const parsed = bulkForm.safeParse(Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string" && v !== "")));
  if (!parsed.success) return { message: "Something was wrong with that request. Reload the page and try again." };
  return guarded(async () => {
    const file = formData.get("file");
    let text = String(formData.get("list") ?? "");
    let source: "file" | "list" = "list";
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_FILE_BYTES) return { errors: [{ field: "file", message: "The file is too big. Split it into lists of up to 500 people." }] };
      text = await file.text();
      source = "file";
    }
    const values: Record<string, string> = { list: text.slice(0, MAX_CHARACTERS), defaultRole: parsed.data.defaultRole ?? "" };
    const result = await bulkInvite(viewer, parsed.data.intakeId, { text, defaultRole: parsed.data.defaultRole ?? null, goodRowsOnly: parsed.data.goodRowsOnly === "yes" });
    if (!result.ok) {
      const field = source === "file" && result.fileProblem ? "file" : "list";
      if (result.fileProblem) return { errors: [{ field, message: result.fileProblem }], values };
      const errors: FieldError[] = [
        {
          field: "list",
          message:
            `${result.badLines} ${result.badLines === 1 ? "line has a problem" : "lines have problems"}, so nobody has been invited yet. ` +
            `Correct ${result.badLines === 1 ? "it" : "them"} below${source === "file" ? " (the file is copied here)" : ""}, or choose to invite only the people whose lines are right.`,
        },
        ...result.problems.map((p) => ({ field: "list", message: `${linesText(p.lines)}: ${p.message}` })),
      ];
      return { errors, values };
    }
    refresh();
    const parts = [`Invitations sent to ${result.invited.length} ${result.invited.length === 1 ? "person" : "people"}.`];
    if (result.skipped.length) {
      const lines = [...new Set(result.skipped.map((r) => r.line))];
      parts.push(`Left out, as you chose: ${linesText(lines).toLowerCase()}.`);
    }
    if (result.failed.length) parts.push(`Not sent: ${result.failed.map((f) => `line ${f.row.line} (${f.message})`).join("; ")}.`);
    return { success: parts.join(" ") };
  });
}

const assistedForm = z.object({
  personId: z.coerce.number().int().positive(),
  moduleSlug: z.string({ error: "Choose the module they completed" }).min(1, "Choose the module they completed"),
  completedOn: z.string({ error: "Enter the date they completed it" }).trim().min(1, "Enter the date they completed it"),
  assistedBy: z
    .string({ error: "Enter who helped them" })
    .trim()
    .min(1, "Enter who helped them, such as their Shared Lives officer")
    .max(200, "Who helped them must be 200 characters or fewer"),
  evidence: z
    .string({ error: "Describe the evidence" })
    .trim()
    .min(1, "Describe the evidence, such as the signed paper workbook and where it is kept")
    .max(EVIDENCE_MAX, `The evidence note must be ${EVIDENCE_MAX} characters or fewer`),
});

export async function recordAssistedAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireRole(["trainer", "admin"]);
  const values = formValues(formData);
  const parsed = assistedForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    if (parsed.error.issues.some((i) => i.path[0] === "personId")) return { message: "Something was wrong with that request. Reload the page and try again." };
    return { errors: zodErrors(parsed.error), values };
  }
  const result = await guarded(() => recordAssistedCompletion(viewer, parsed.data));
  if (!result.ok) return { errors: result.errors, values };
  refresh();
  redirect(`/trainer/people/${parsed.data.personId}?recorded=${encodeURIComponent(parsed.data.moduleSlug)}${result.certificateId ? "&certificate=1" : ""}`);
}

export async function anonymiseAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireRole(["trainer", "admin"]);
  if (formData.get("confirm") !== "yes") {
    return { errors: [{ field: "confirm", message: "Tick the box to confirm that you want to anonymise these people" }] };
  }
  const { schemeId, count } = await guarded(async () => {
    const schemeId = await schemeFromForm(viewer, formData);
    return { schemeId, count: (await anonymiseScheme(viewer, schemeId)).anonymised.length };
  });
  refresh();
  // Back to the page with the result: the form itself goes once nobody is left to anonymise.
  redirect(`/trainer/leavers?anonymised=${count}${viewer.role === "admin" ? `&scheme=${schemeId}` : ""}`);
}

/** A plain form (no JavaScript needed): move the person, then back to their page with a notice. */
export async function moveToIntakeFormAction(formData: FormData): Promise<void> {
  const viewer = await requireRole(["trainer", "admin"]);
  const personId = parseId(formData.get("personId"));
  const intakeText = String(formData.get("intakeId") ?? "");
  const intakeId = intakeText === "" ? null : parseId(intakeText);
  if (personId === null || (intakeText !== "" && intakeId === null)) showNoAccess();
  await guarded(async () => await moveToIntake(viewer, personId, intakeId));
  refresh();
  redirect(`/trainer/people/${personId}?moved=1`);
}
