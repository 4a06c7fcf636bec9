// Input schemas shared by server actions (and safe for client components: no server imports).
import { z } from "zod";

export const emailField = z
  .string({ error: "Enter your email address" })
  .trim()
  .min(1, "Enter your email address")
  .max(254, "Email address must be 254 characters or fewer")
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }))
  .transform((v) => v.toLowerCase());

export const nameField = z
  .string({ error: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(100, "Name must be 100 characters or fewer")
  .refine((v) => !/[\u0000-\u001f\u007f<>]/.test(v), "Name must not contain < > or control characters")
  // Direction overrides can make a name display as something else on a certificate.
  .refine((v) => !/[\u202a-\u202e\u2066-\u2069]/.test(v), "Name must not contain text-direction control characters");

/** A safe place to go back to after signing in: a path on this site, never another site. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 300) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\u0000-\u001f]/.test(value)) return null;
  return value;
}
