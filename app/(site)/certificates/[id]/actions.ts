"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { REASON_MAX, revoke } from "@/lib/certificates/access";
import { zodErrors } from "@/lib/form-state";

const revokeForm = z.object({
  certificateId: z.coerce.number().int().positive(),
  reason: z
    .string({ error: "Enter the reason for revoking this certificate" })
    .trim()
    .min(1, "Enter the reason for revoking this certificate")
    .max(REASON_MAX, `The reason must be ${REASON_MAX} characters or fewer`),
  confirm: z.literal("yes", { error: "Tick the box to confirm you want to revoke this certificate" }),
});

export const revokeCertificateAction = safeAction(
  {
    access: ["trainer", "admin"],
    schema: revokeForm,
    omitValues: ["confirm"],
    // The certificate's id comes from the page, not from the trainer: a bad one is a stale or altered page.
    invalid: (error, values) =>
      error.issues.some((i) => i.path[0] === "certificateId")
        ? { message: "Something was wrong with that request. Reload the page and try again.", values }
        : { errors: zodErrors(error), values },
  },
  async (input, { viewer }) => {
    // revoke() checks again that this viewer may revoke this certificate: the form is no proof of that.
    const result = await revoke(viewer, input.certificateId, input.reason);
    if (!result.ok) return { message: result.message };
    revalidatePath(`/certificates/${input.certificateId}`);
    // Back to the certificate, which now says it is revoked (works the same without JavaScript).
    redirect(`/certificates/${input.certificateId}?revoked=1`);
  },
);
