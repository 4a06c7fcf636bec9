"use server";
// Sign-in is for people who are not signed in yet: the actions are public, but their input is still
// parsed by the same wrapper as every other action.
import { AuthError } from "next-auth";
import { z } from "zod";
import { safeAction } from "@/lib/actions/safe-action";
import { signIn } from "@/lib/auth/config";
import { LINK_MINUTES, requestSignInLink } from "@/lib/auth/links";
import { PASSWORD_MAX } from "@/lib/auth/password-policy";
import { emailField, safeReturnPath } from "@/lib/validation";
import { LOCKOUT_MS } from "@/lib/auth/throttle";

const passwordForm = z.object({
  email: emailField,
  // Any length the policy allows (and a little more, for passwords set before a rule changed):
  // whether it is right is for the hash to say, not a length rule.
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(PASSWORD_MAX * 8, "Password is too long"),
  next: z.unknown().optional(),
});

export const signInWithPassword = safeAction({ access: "public", schema: passwordForm }, async (input, { values }) => {
  try {
    await signIn("password", { email: input.email, password: input.password, redirectTo: safeReturnPath(input.next) ?? "/dashboard" });
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
});

const linkForm = z.object({ email: emailField, next: z.unknown().optional() });

export const emailMeALink = safeAction({ access: "public", schema: linkForm }, async (input) => {
  await requestSignInLink(input.email, safeReturnPath(input.next));
  // The same answer whether or not there is an account, so the form cannot be used to find people.
  return {
    success: `If ${input.email} has an account, we have sent it a sign-in link. The link works once, for ${LINK_MINUTES} minutes.`,
  };
});

const LINK_PROBLEM = "This sign-in link has already been used or has run out. Ask for a new link.";
const linkSignInForm = z.object({ token: z.string().max(200), next: z.unknown().optional() });

export const signInWithLink = safeAction(
  { access: "public", schema: linkSignInForm, invalid: () => ({ message: LINK_PROBLEM }) },
  async (input) => {
    try {
      await signIn("email-link", { token: input.token, redirectTo: safeReturnPath(input.next) ?? "/dashboard" });
    } catch (error) {
      if (error instanceof AuthError) return { message: LINK_PROBLEM };
      throw error;
    }
    return {};
  },
);
