// The shape every form action returns, shared by server actions and the client form shell.
// No server imports here: client components import this file.
import type { z } from "zod";

export type FieldError = { field: string; message: string };

export type FormState = {
  /** In page order, so the error summary lists them as the page shows them. */
  errors?: FieldError[];
  /** A problem not tied to one field (shown in the error summary). */
  message?: string;
  /** Shown as a success notice. */
  success?: string;
  /** Values to put back in the fields after an error (never passwords). */
  values?: Record<string, string>;
};

export const emptyFormState: FormState = {};

/** Turns zod issues into field errors, keeping the first message for each field. */
export function zodErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: issue.message });
  }
  return out;
}

/** Plain text values of a form, without files, for putting back into fields. */
export function formValues(formData: FormData, omit: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !omit.includes(key)) out[key] = value.slice(0, 2000);
  }
  return out;
}

export function errorFor(state: FormState | undefined, field: string): string | undefined {
  return state?.errors?.find((e) => e.field === field)?.message;
}
