"use server";
// The officer's actions for supporting a carer: start a supported session, print a paper workbook,
// find a workbook by its reference, type in its answers. Trainers and staff of the carer's scheme
// only (lib/access.ts: canSupport); none of them is allowed inside a supported session.
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeAction, safeFormAction } from "@/lib/actions/safe-action";
import { MODULE_SLUGS } from "@/lib/content/schemas";
import { enterWorkbookAnswers, findWorkbookReference, printWorkbook } from "@/lib/paper/workbook";
import { parseReference } from "@/lib/paper/reference";
import { setSupportedHint } from "@/lib/support/hint-cookie";
import { startSupportedSession } from "@/lib/support/session";
import { parseId } from "@/lib/trainer/scope";

const OFFICERS = ["trainer", "staff"] as const;

const personIdField = z.string().transform((v, ctx) => parseId(v) ?? (ctx.addIssue({ code: "custom", message: "Not a person" }), z.NEVER));

const startForm = z.object({ personId: personIdField });

/** A plain form (no JavaScript needed): the browser becomes the carer, for the course, until ended. */
export const startSupportedSessionAction = safeFormAction(
  {
    access: OFFICERS,
    schema: startForm,
    // Already open in this browser (another tab): back to the carer's page, which says so.
    shown: (_error, formData) => redirect(`/support/${parseId(formData.get("personId")) ?? ""}?problem=open`),
  },
  async ({ personId }, { viewer }) => {
    await startSupportedSession(viewer, personId);
    await setSupportedHint();
    redirect("/my?supported=started");
  },
);

const printForm = z.object({ personId: personIdField, moduleSlug: z.enum(MODULE_SLUGS) });

/** Draws a workbook for the carer's module and opens it to print. */
export const printWorkbookAction = safeFormAction({ access: OFFICERS, schema: printForm }, async ({ personId, moduleSlug }, { viewer }) => {
  const { reference } = await printWorkbook(viewer, personId, moduleSlug);
  redirect(`/support/paper/${reference}/print`);
});

const findForm = z.object({ reference: z.string({ error: "Enter the reference number from the top of the answer sheet" }).max(40, "The reference number has 10 digits") });

/** The reference from the top of an answer sheet: its entry form, or what is wrong with it. */
export const findWorkbookAction = safeAction({ access: OFFICERS, schema: findForm }, async ({ reference }, { viewer, values }) => {
  const found = await findWorkbookReference(viewer, reference);
  if (!found.ok) return { errors: [{ field: "reference", message: found.message }], values };
  redirect(`/support/paper/${found.reference}`);
});

const entryForm = z.object({
  reference: z.string().transform((v, ctx) => {
    const parsed = parseReference(v);
    return parsed.ok ? parsed.reference : (ctx.addIssue({ code: "custom", message: "Not a reference" }), z.NEVER);
  }),
});

/**
 * The answers ticked on a sheet, typed in: scored by the server as an online attempt, once. A sheet
 * entered already (even by someone pressing at the same moment) goes to the one result, saying so.
 */
export const enterAnswersAction = safeAction(
  {
    access: OFFICERS,
    schema: entryForm,
    invalid: (_error, values) => ({ message: "Something was wrong with that form. Go back to the workbook and try again.", values }),
  },
  async ({ reference }, { viewer, formData, values }) => {
    const result = await enterWorkbookAnswers(viewer, reference, Object.fromEntries(formData));
    if (!result.ok && "errors" in result) return { errors: result.errors, values };
    redirect(`/support/paper/${reference}/result?${result.ok ? "entered=1" : "already=1"}`);
  },
);
