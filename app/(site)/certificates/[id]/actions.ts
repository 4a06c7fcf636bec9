"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { REASON_MAX, revoke } from "@/lib/certificates/access";

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
  { access: ["trainer", "admin"], schema: revokeForm, omitValues: ["confirm"] },
  async (input, { viewer }) => {
    // revoke() checks again that this viewer may revoke this certificate: the form is no proof of that.
    const result = await revoke(viewer, input.certificateId, input.reason);
    if (!result.ok) return { message: result.message };
    revalidatePath(`/certificates/${input.certificateId}`);
    // Back to the certificate, which now says it is revoked (works the same without JavaScript).
    redirect(`/certificates/${input.certificateId}?revoked=1`);
  },
);
