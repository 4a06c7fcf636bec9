"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth/viewer";
import { type FormState, formValues, zodErrors } from "@/lib/form-state";
import { NotAllowed, invite } from "@/lib/invitations";
import { createScheme } from "@/lib/people";
import { markVersionForRetraining } from "@/lib/content-versions";
import { emailField, nameField } from "@/lib/validation";

const schemeForm = z.object({ schemeName: nameField });

export async function createSchemeAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireRole(["admin"]);
  const values = formValues(formData);
  const parsed = schemeForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: zodErrors(parsed.error).map((e) => ({ ...e, message: e.message.replace("a name", "the scheme's name") })), values };
  const result = await createScheme(viewer, parsed.data.schemeName);
  if (!result.ok) return { errors: [{ field: "schemeName", message: result.message }], values };
  revalidatePath("/admin");
  return { success: `Scheme “${parsed.data.schemeName}” created. Now invite its first trainer.` };
}

const trainerForm = z.object({
  schemeId: z.coerce.number({ error: "Choose a scheme" }).int().positive("Choose a scheme"),
  name: nameField,
  email: emailField,
});

export async function inviteTrainerAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireRole(["admin"]);
  const values = formValues(formData);
  const parsed = trainerForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: zodErrors(parsed.error), values };
  try {
    const result = await invite(viewer, { ...parsed.data, role: "trainer" });
    if (!result.ok) return { errors: [{ field: result.field, message: result.message }], values };
  } catch (error) {
    if (error instanceof NotAllowed) return { errors: [{ field: "schemeId", message: "Choose a scheme" }], values };
    throw error;
  }
  revalidatePath("/admin");
  return { success: `Invitation sent to ${parsed.data.email}.` };
}

const retrainForm = z.object({
  version: z.string({ error: "Choose a version" }).regex(/^\d{4}\.\d+$/, "Choose a version"),
  reason: z.string({ error: "Say why people need to retrain" }).trim().min(1, "Say why people need to retrain").max(500, "Reason must be 500 characters or fewer"),
});

export async function markRetrainAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireRole(["admin"]);
  const values = formValues(formData);
  const parsed = retrainForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: zodErrors(parsed.error), values };
  const result = await markVersionForRetraining(viewer, parsed.data.version, parsed.data.reason);
  if (!result.ok) return { errors: [{ field: "version", message: result.message }], values };
  revalidatePath("/admin");
  return { success: `Version ${parsed.data.version} is marked. Everyone holding a certificate earned against it is now due to retrain.` };
}
