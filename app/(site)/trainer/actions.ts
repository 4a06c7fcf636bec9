"use server";
// Every trainer action. Each one re-checks who is asking and that every id it is given (scheme,
// intake, person) belongs to a scheme they manage: anything else is the 403 page, with nothing
// changed. The library functions they call audit each change in the same transaction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { Viewer } from "@/lib/access";
import { safeAction, safeFormAction } from "@/lib/actions/safe-action";
import { NotAllowed } from "@/lib/errors";
import { type FieldError, zodErrors } from "@/lib/form-state";
import { INVITATION_DAYS, invite } from "@/lib/invitations";
import { anonymiseScheme } from "@/lib/trainer/anonymise";
import { EVIDENCE_MAX, recordAssistedCompletion } from "@/lib/trainer/assisted";
import { MAX_CHARACTERS } from "@/lib/trainer/import";
import { bulkInvite, createIntake, linesText, moveToIntake, requireIntake } from "@/lib/trainer/intakes";
import { changeActive } from "@/lib/trainer/people";
import { parseId, requireScheme } from "@/lib/trainer/scope";
import { emailField, nameField } from "@/lib/validation";
import { formDefaults, hasContent } from "@/lib/scheme-details/form";
import { schemeDetailsForm } from "@/lib/scheme-details/schema";
import { saveSchemeDetails } from "@/lib/scheme-details/service";

const TRAINERS = ["trainer", "admin"] as const;
const RELOAD = "Something was wrong with that request. Reload the page and try again.";

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

function refresh() {
  revalidatePath("/trainer", "layout");
}

const inviteForm = z.object({
  name: z.union([z.literal(""), nameField]).optional(),
  email: emailField,
  role: z.enum(["carer", "staff", "trainer"], { error: "Choose whether they are a carer, staff member or trainer" }),
  intakeId: z.string().optional(),
});

export const invitePersonAction = safeAction({ access: TRAINERS, schema: inviteForm }, async (input, { viewer, formData, values }) => {
  const schemeId = await schemeFromForm(viewer, formData);
  const intakeId = input.intakeId ? parseId(input.intakeId) : null;
  if (input.intakeId && (intakeId === null || (await requireIntake(viewer, intakeId)).schemeId !== schemeId)) throw new NotAllowed();
  const result = await invite(viewer, { email: input.email, role: input.role, name: input.name || null, schemeId, intakeId });
  if (!result.ok) return { errors: [{ field: result.field, message: result.message }], values };
  refresh();
  return { success: `Invitation sent to ${input.email}. The link works for ${INVITATION_DAYS} days.` };
});

const activeForm = z.object({ personId: z.coerce.number().int().positive(), active: z.enum(["true", "false"]) });

export const setActiveAction = safeAction({ access: TRAINERS, schema: activeForm, invalid: () => ({ message: RELOAD }) }, async (input, { viewer }) => {
  const { name } = await changeActive(viewer, input.personId, input.active === "true");
  refresh();
  return { success: input.active === "true" ? `${name} can sign in again.` : `${name} has been deactivated and signed out. Their records are kept.` };
});

const intakeForm = z.object({
  name: z
    .string({ error: "Enter a name for the intake" })
    .trim()
    .min(1, "Enter a name for the intake")
    .max(100, "The intake's name must be 100 characters or fewer")
    .refine((v) => !/[\u0000-\u001f\u007f<>]/.test(v), "The intake's name must not contain < > or control characters"),
  startDate: z.string({ error: "Enter the start date" }).trim().min(1, "Enter the start date"),
});

export const createIntakeAction = safeAction({ access: TRAINERS, schema: intakeForm }, async (input, { viewer, formData, values }) => {
  const schemeId = await schemeFromForm(viewer, formData);
  const result = await createIntake(viewer, schemeId, input);
  if (!result.ok) return { errors: result.errors, values };
  refresh();
  return { success: `Intake “${input.name}” created. Open it to invite people to it.` };
});

const bulkForm = z.object({
  intakeId: z.coerce.number().int().positive(),
  defaultRole: z.enum(["carer", "staff", "trainer"]).optional(),
  goodRowsOnly: z.literal("yes").optional(),
});

const MAX_FILE_BYTES = MAX_CHARACTERS * 2;

export const bulkInviteAction = safeAction(
  {
    access: TRAINERS,
    schema: bulkForm,
    // Blank choices mean "not chosen"; the list and file are read below, not by the schema.
    input: (formData) => Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && v !== "" && k !== "list")),
    invalid: () => ({ message: RELOAD }),
  },
  async (input, { viewer, formData }) => {
    const file = formData.get("file");
    let text = String(formData.get("list") ?? "");
    let source: "file" | "list" = "list";
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_FILE_BYTES) return { errors: [{ field: "file", message: "The file is too big. Split it into lists of up to 500 people." }] };
      text = await file.text();
      source = "file";
    }
    const values: Record<string, string> = { list: text.slice(0, MAX_CHARACTERS), defaultRole: input.defaultRole ?? "" };
    const result = await bulkInvite(viewer, input.intakeId, { text, defaultRole: input.defaultRole ?? null, goodRowsOnly: input.goodRowsOnly === "yes" });
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
    return { success: parts.join(" ") };
  },
);

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

export const recordAssistedAction = safeAction(
  {
    access: TRAINERS,
    schema: assistedForm,
    // The person's id comes from the page, not from the trainer: a bad one is a stale or altered page.
    invalid: (error, values) => (error.issues.some((i) => i.path[0] === "personId") ? { message: RELOAD } : { errors: zodErrors(error), values }),
  },
  async (input, { viewer, values }) => {
    const result = await recordAssistedCompletion(viewer, input);
    if (!result.ok) return { errors: result.errors, values };
    refresh();
    redirect(`/trainer/people/${input.personId}?recorded=${encodeURIComponent(input.moduleSlug)}${result.certificateId ? "&certificate=1" : ""}`);
  },
);

const anonymiseForm = z.object({ confirm: z.literal("yes", { error: "Tick the box to confirm that you want to anonymise these people" }) });

export const anonymiseAction = safeAction({ access: TRAINERS, schema: anonymiseForm }, async (_input, { viewer, formData }) => {
  const schemeId = await schemeFromForm(viewer, formData);
  const count = (await anonymiseScheme(viewer, schemeId)).anonymised.length;
  refresh();
  // Back to the page with the result: the form itself goes once nobody is left to anonymise.
  redirect(`/trainer/leavers?anonymised=${count}${viewer.role === "admin" ? `&scheme=${schemeId}` : ""}`);
});

const moveForm = z.object({
  personId: z.string().transform((v, ctx) => parseId(v) ?? (ctx.addIssue({ code: "custom", message: "Not a person" }), z.NEVER)),
  // Blank takes them out of any intake.
  intakeId: z
    .string()
    .optional()
    .transform((v, ctx) => (!v ? null : (parseId(v) ?? (ctx.addIssue({ code: "custom", message: "Not an intake" }), z.NEVER)))),
});

/** A plain form (no JavaScript needed): move the person, then back to their page with a notice. */
export const moveToIntakeFormAction = safeFormAction({ access: TRAINERS, schema: moveForm }, async (input, { viewer }) => {
  await moveToIntake(viewer, input.personId, input.intakeId);
  refresh();
  redirect(`/trainer/people/${input.personId}?moved=1`);
});

/** Everything a scheme's save can change: its copies of the lesson pages and the walk-through (every scheme's, on this instance). */
function refreshSchemePages() {
  revalidatePath("/modules/[module]/[page]/scheme/[scheme]", "page");
  revalidatePath("/should-i-share/scheme/[scheme]", "page");
  revalidatePath("/should-i-share/scheme/[scheme]/[node]", "page");
  refresh();
}

/**
 * The scheme's contacts and notes. "Preview" checks them and shows the panels without saving;
 * "Save details" saves them (audited). Refused input stores nothing and says what to put right.
 */
export const saveSchemeDetailsAction = safeAction({ access: TRAINERS, schema: schemeDetailsForm }, async (input, { viewer, formData }) => {
  const schemeId = await schemeFromForm(viewer, formData);
  const values = formDefaults(input, input.publicName);
  if (formData.get("intent") === "preview") {
    return { success: "This is a preview of what carers will see (below the form). Nothing is saved yet: choose “Save details” to save.", values };
  }
  const result = await saveSchemeDetails(viewer, schemeId, input);
  if (!result.changed) return { success: "Nothing had changed, so nothing was saved.", values };
  refreshSchemePages();
  return {
    success: hasContent(input)
      ? `Saved. Carers in ${input.publicName} now see these details where the course says to ask your scheme.`
      : "Saved. There are no contacts or notes, so carers see the course as it is.",
    values,
  };
});
