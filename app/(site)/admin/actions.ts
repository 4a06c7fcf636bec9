"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { markVersionForRetraining } from "@/lib/content-versions";
import { zodErrors } from "@/lib/form-state";
import { invite } from "@/lib/invitations";
import { createScheme } from "@/lib/people";
import { emailField, nameField } from "@/lib/validation";

const ADMINS = ["admin"] as const;

const schemeForm = z.object({ schemeName: nameField });

export const createSchemeAction = safeAction(
  {
    access: ADMINS,
    schema: schemeForm,
    invalid: (error, values) => ({ errors: zodErrors(error).map((e) => ({ ...e, message: e.message.replace("a name", "the scheme's name") })), values }),
  },
  async (input, { viewer, values }) => {
    const result = await createScheme(viewer, input.schemeName);
    if (!result.ok) return { errors: [{ field: "schemeName", message: result.message }], values };
    revalidatePath("/admin");
    return { success: `Scheme “${input.schemeName}” created. Now invite its first trainer.` };
  },
);

const trainerForm = z.object({
  schemeId: z.coerce.number({ error: "Choose a scheme" }).int().positive("Choose a scheme"),
  name: nameField,
  email: emailField,
});

export const inviteTrainerAction = safeAction(
  {
    access: ADMINS,
    schema: trainerForm,
    // An admin may invite to any scheme: NotAllowed here means the chosen scheme does not exist.
    notAllowed: (values) => ({ errors: [{ field: "schemeId", message: "Choose a scheme" }], values }),
  },
  async (input, { viewer, values }) => {
    const result = await invite(viewer, { ...input, role: "trainer" });
    if (!result.ok) return { errors: [{ field: result.field, message: result.message }], values };
    revalidatePath("/admin");
    return { success: `Invitation sent to ${input.email}.` };
  },
);

const retrainForm = z.object({
  version: z.string({ error: "Choose a version" }).regex(/^\d{4}\.\d+$/, "Choose a version"),
  reason: z.string({ error: "Say why people need to retrain" }).trim().min(1, "Say why people need to retrain").max(500, "Reason must be 500 characters or fewer"),
});

export const markRetrainAction = safeAction({ access: ADMINS, schema: retrainForm }, async (input, { viewer, values }) => {
  const result = await markVersionForRetraining(viewer, input.version, input.reason);
  if (!result.ok) return { errors: [{ field: "version", message: result.message }], values };
  revalidatePath("/admin");
  return { success: `Version ${input.version} is marked. Everyone holding a certificate earned against it is now due to retrain.` };
});
