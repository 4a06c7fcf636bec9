"use server";
import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/viewer";
import { type FormState, formValues, zodErrors } from "@/lib/form-state";
import { NotAllowed, invite } from "@/lib/invitations";
import { setActive } from "@/lib/people";
import { emailField, nameField } from "@/lib/validation";

const inviteForm = z.object({
  name: z.union([z.literal(""), nameField]).optional(),
  email: emailField,
  role: z.enum(["carer", "staff", "trainer"], { error: "Choose whether they are a carer, staff member or trainer" }),
});

export async function invitePersonAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireRole(["trainer", "admin"]);
  const values = formValues(formData);
  const parsed = inviteForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: zodErrors(parsed.error), values };
  const schemeId = viewer.role === "admin" ? Number(formData.get("schemeId")) : viewer.schemeId;
  if (!schemeId || !Number.isInteger(schemeId)) return { message: "Choose a scheme", values };
  try {
    const result = await invite(viewer, { ...parsed.data, name: parsed.data.name || null, schemeId });
    if (!result.ok) return { errors: [{ field: result.field, message: result.message }], values };
  } catch (error) {
    if (error instanceof NotAllowed) forbidden();
    throw error;
  }
  revalidatePath("/trainer");
  return { success: `Invitation sent to ${parsed.data.email}. The link works for 14 days.` };
}

const personIdForm = z.object({ personId: z.coerce.number().int().positive(), active: z.enum(["true", "false"]) });

export async function setActiveAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireRole(["trainer", "admin"]);
  const parsed = personIdForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: "Something was wrong with that request. Reload the page and try again." };
  try {
    const { name } = setActive(viewer, parsed.data.personId, parsed.data.active === "true");
    revalidatePath("/trainer");
    return { success: parsed.data.active === "true" ? `${name} can sign in again.` : `${name} has been deactivated and signed out. Their records are kept.` };
  } catch (error) {
    if (error instanceof NotAllowed) forbidden();
    throw error;
  }
}
