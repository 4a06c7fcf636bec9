// The rules for what a scheme may put in its details: UK phone numbers, email addresses, https:
// links, short plain text and short notes in a small Markdown subset (./note.ts). Pure.
import { z } from "zod";
import { isHttpsLink, ukPhoneDigits } from "./formats";
import { LIMITS } from "./limits";

export { LIMITS };

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f]/;
// Direction overrides can make text display as something else (a number as another number).
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** Anything that looks like an HTML tag, comment or declaration: "<b", "</", "<!", "<?". */
const HTML_TAG = /<[a-z!/?]/i;

/** Spaces tidied: no space at either end, runs of spaces and tabs as one. */
function tidyLine(value: string): string {
  return value.replace(/[ \t\u00a0]+/g, " ").trim();
}

/** A blank field means "none": null. */
const blankToNull = (value: string) => (value === "" ? null : value);

/** The targets of Markdown links in a note: "[text](target)". */
export function noteLinkTargets(note: string): string[] {
  return [...note.matchAll(/\[[^\]\n]*\]\(([^)\n]*)\)/g)].map((m) => (m[1] ?? "").trim());
}

/** Text of one line: trimmed, no control characters, no < > (no room for HTML), no direction tricks. */
export function shortText(label: string, max: number = LIMITS.short) {
  return z
    .string()
    .transform(tidyLine)
    .refine((v) => v.length <= max, `${label} must be ${max} characters or fewer`)
    .refine((v) => !CONTROL_OR_NEWLINE.test(v), `${label} must be on one line, without control characters`)
    .refine((v) => !/[<>]/.test(v), `${label} must not contain < or >`)
    .refine((v) => !BIDI.test(v), `${label} must not contain text-direction control characters`)
    .transform(blankToNull);
}

/** A UK phone number as the scheme writes it ("0300 123 4567"), checked, spaces tidied. */
export function phone(label: string) {
  return z
    .string()
    .transform(tidyLine)
    .refine((v) => v.length <= 30, `${label} must be 30 characters or fewer`)
    .refine((v) => v === "" || ukPhoneDigits(v) !== null, `Enter the ${label.toLowerCase()} as a UK phone number, like 0300 123 4567 or 01632 960001`)
    .transform(blankToNull);
}

export function email(label: string) {
  return z
    .string()
    .transform((v) => v.trim())
    .refine((v) => v.length <= LIMITS.email, `${label} must be ${LIMITS.email} characters or fewer`)
    .refine((v) => v === "" || z.email().safeParse(v).success, `Enter the ${label.toLowerCase()} in the correct format, like name@example.org`)
    .transform((v) => blankToNull(v.toLowerCase()));
}

export function link(label: string) {
  return z
    .string()
    .transform((v) => v.trim())
    .refine((v) => v.length <= LIMITS.link, `${label} must be ${LIMITS.link} characters or fewer`)
    .refine((v) => v === "" || isHttpsLink(v), `${label} must be a full web address starting with https://`)
    .transform(blankToNull);
}

/**
 * A short note in the small Markdown subset of lib/scheme-details/note.ts: lines, blank lines
 * between paragraphs, "- " lists, **bold** and [links](https://…). No HTML at all, and links only
 * to https: addresses. Line ends are kept (as \n).
 */
export function note(label: string) {
  return z
    .string()
    .transform((v) =>
      v
        .replace(/\r\n?/g, "\n")
        .split("\n")
        .map((line) => line.replace(/[ \t\u00a0]+$/g, ""))
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim(),
    )
    .refine((v) => v.length <= LIMITS.note, `${label} must be ${LIMITS.note} characters or fewer`)
    .refine((v) => !HTML_TAG.test(v), `${label} must not contain HTML such as <script>. Write plain text: **bold**, lists starting "- " and [links](https://…) are allowed`)
    .refine((v) => !CONTROL.test(v) && !BIDI.test(v), `${label} must not contain control characters`)
    .refine((v) => noteLinkTargets(v).every(isHttpsLink), `Links in ${label.toLowerCase()} must start with https://`)
    // Also outside Markdown links: a javascript: address is never something a carer should copy.
    .refine((v) => !/\b(javascript|vbscript):|\b(data|file):\S/i.test(v), `${label} must not contain javascript:, data: or file: addresses. Links must start with https://`)
    .transform(blankToNull);
}
