"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/viewer";
import { NotAllowed, REASON_MAX, revoke } from "@/lib/certificates/access";
import { type FormState, formValues, zodErrors } from "@/lib/form-state";
import { showNoAccess } from "@/lib/http-status";

const revokeForm = z.object({
  certificateId: z.coerce.number().int().positive(),
  reason: z
    .string({ error: "Enter the reason for revoking this certificate" })
    .trim()
    .min(1, "Enter the reason for revoking this certificate")
    .max(REASON_MAX, `The reason must be ${REASON_MAX} characters or fewer`),
  confirm: z.literal("yes", { error: "Tick the box to confirm you want to revoke this certificate" }),
});

export async function revokeCertificateAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireRole(["trainer", "admin"]);
  const values = formValues(formData, ["confirm"]);
  const parsed = revokeForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: zodErrors(parsed.error), values };
  let result;
  try {
    // Checks again that this viewer may revoke this certificate: the form is no proof of that.
    result = await revoke(viewer, parsed.data.certificateId, parsed.data.reason);
  } catch (error) {
    if (error instanceof NotAllowed) showNoAccess();
    throw error;
  }
  if (!result.ok) return { message: result.message };
  revalidatePath(`/certificates/${parsed.data.certificateId}`);
  // Back to the certificate, which now says it is revoked (works the same without JavaScript).
  redirect(`/certificates/${parsed.data.certificateId}?revoked=1`);
}
