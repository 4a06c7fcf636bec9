"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { requestSignInLink } from "@/lib/auth/links";
import { type FormState, formValues, zodErrors } from "@/lib/form-state";
import { emailField, safeReturnPath } from "@/lib/validation";
import { LINK_MINUTES } from "@/lib/auth/links";
import { LOCKOUT_MS } from "@/lib/auth/throttle";

const passwordForm = z.object({
  email: emailField,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024, "Password is too long"),
});

export async function signInWithPassword(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["password"]);
  const parsed = passwordForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: zodErrors(parsed.error), values };
  try {
    await signIn("password", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeReturnPath(formData.get("next")) ?? "/dashboard",
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const throttled = "code" in error && error.code === "throttled";
      return {
        errors: [
          throttled
            ? { field: "email", message: `Too many wrong passwords for this account. For your safety, wait ${LOCKOUT_MS / 60_000} minutes and try again, or email yourself a sign-in link.` }
            : { field: "email", message: "The email address or password is not right. Check them and try again." },
        ],
        values,
      };
    }
    throw error; // the redirect after a successful sign-in
  }
  return {};
}

const linkForm = z.object({ email: emailField });

export async function emailMeALink(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = linkForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: zodErrors(parsed.error), values };
  await requestSignInLink(parsed.data.email, safeReturnPath(formData.get("next")));
  // The same answer whether or not there is an account, so the form cannot be used to find people.
  return {
    success: `If ${parsed.data.email} has an account, we have sent it a sign-in link. The link works once, for ${LINK_MINUTES} minutes.`,
  };
}

export async function signInWithLink(_state: FormState, formData: FormData): Promise<FormState> {
  try {
    await signIn("email-link", {
      token: String(formData.get("token") ?? ""),
      redirectTo: safeReturnPath(formData.get("next")) ?? "/dashboard",
    });
  } catch (error) {
    if (error instanceof AuthError) {
      return { message: "This sign-in link has already been used or has run out. Ask for a new link." };
    }
    throw error;
  }
  return {};
}
