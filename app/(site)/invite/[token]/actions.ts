"use server";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { signIn } from "@/lib/auth/config";
import { passwordField } from "@/lib/auth/password-policy";
import { zodErrors } from "@/lib/form-state";
import { acceptInvitation } from "@/lib/invitations";
import { nameField } from "@/lib/validation";

const acceptForm = z.object({
  token: z.string().max(100),
  name: nameField,
  // The policy's own rule; acceptInvitation checks it again with the person's email address.
  password: passwordField,
});

const LINK_PROBLEM = "This invitation link is not right. Open the link from your invitation email again.";

export const acceptInvitationAction = safeAction(
  {
    access: "public",
    schema: acceptForm,
    // The token is a hidden field from the link, not something the person typed: say so in words.
    invalid: (error, values) => (error.issues.some((i) => i.path[0] === "token") ? { message: LINK_PROBLEM, values } : { errors: zodErrors(error), values }),
  },
  async (input, { values }) => {
    const result = await acceptInvitation(input.token, input.name, input.password);
    if (!result.ok) {
      return result.field === "form" ? { message: result.message, values } : { errors: [{ field: result.field, message: result.message }], values };
    }
    await signIn("password", { email: result.email, password: input.password, redirectTo: "/my?welcome=1" });
    return {};
  },
);
