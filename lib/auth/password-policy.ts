// Password rules after NIST SP 800-63B: length, not composition. At least 8 characters, up to
// 128 allowed, no rules about symbols or digits, and never one of the common passwords in
// common-passwords.txt. Paste and password managers are welcome (see the forms' autocomplete).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

let denyList: Set<string> | null = null;

function commonPasswords(): Set<string> {
  denyList ??= new Set(
    readFileSync(join(process.cwd(), "lib", "auth", "common-passwords.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith("#")),
  );
  return denyList;
}

/** Returns the message to show, or null when the password is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  const length = [...password].length;
  if (length === 0) return "Enter a password";
  if (length < PASSWORD_MIN) return `Password must be ${PASSWORD_MIN} characters or more`;
  if (length > PASSWORD_MAX) return `Password must be ${PASSWORD_MAX} characters or fewer`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return "That password is too common. Choose one that is harder to guess, such as three random words";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower === local) return "Your password must not be your email address";
  if (/^(.)\1+$/.test(password)) return "Your password must not be one character repeated";
  return null;
}

/** A new password as a form field: the rule above, and nothing else (the one password rule). */
export const passwordField = z.string({ error: "Enter a password" }).superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
