"use server";
import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { acceptInvitation } from "@/lib/invitations";
import { type FormState, formValues, zodErrors } from "@/lib/form-state";
import { nameField } from "@/lib/validation";

const acceptForm = z.object({
  token: z.string().max(100),
  name: nameField.refine(() => true, "Enter your name"),
  password: z.string({ error: "Enter a password" }).max(1024, "Password must be 128 characters or fewer"),
});

export async function acceptInvitationAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["password", "token"]);
  const parsed = acceptForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: zodErrors(parsed.error), values };
  const result = await acceptInvitation(parsed.data.token, parsed.data.name, parsed.data.password);
  if (!result.ok) {
    return result.field === "form" ? { message: result.message, values } : { errors: [{ field: result.field, message: result.message }], values };
  }
  await signIn("password", { email: result.email, password: parsed.data.password, redirectTo: "/my?welcome=1" });
  return {};
}
