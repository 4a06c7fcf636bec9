// A scheme's details: every field, with its label and hint for the settings form, and what the
// pages do with a set of details. No imports that the browser cannot run: the settings page's
// preview (a client component) uses this. The rules that check a submitted form: ./schema.ts.
import { LIMITS } from "./limits";

export type FieldKind = "name" | "text" | "long" | "phone" | "email" | "link" | "note";

export type FieldDef = { name: DetailField; kind: FieldKind; label: string; hint?: string; autoComplete?: string };

/** The form, in order, in groups: each group is one fieldset on the settings page. */
export const FIELD_GROUPS = [
  {
    id: "name",
    legend: "Your scheme's name",
    fields: [{ name: "publicName", kind: "name", label: "Name carers know your scheme by", hint: "For example, Riverside Shared Lives." }],
  },
  {
    id: "advice",
    legend: "Advice in office hours",
    hint: "Who a carer asks when they are not sure. Shown wherever the course says “ask your scheme” or “ask your Shared Lives officer”.",
    fields: [
      { name: "adviceRole", kind: "text", label: "Who to ask (a role)", hint: "For example, your Shared Lives officer, or the Shared Lives team." },
      { name: "adviceName", kind: "text", label: "A name to ask for (optional)", hint: "Only if the person is happy to be named." },
      { name: "advicePhone", kind: "phone", label: "Advice phone number", autoComplete: "off" },
      { name: "adviceEmail", kind: "email", label: "Advice email address", autoComplete: "off" },
      { name: "adviceHours", kind: "text", label: "Office hours", hint: "For example, Monday to Friday, 9am to 5pm." },
    ],
  },
  {
    id: "outOfHours",
    legend: "Out of hours and emergencies",
    fields: [
      { name: "outOfHoursPhone", kind: "phone", label: "Out of hours phone number", autoComplete: "off" },
      { name: "outOfHoursText", kind: "long", label: "Who answers out of hours, and when to ring", hint: "For example, the council's emergency duty team, evenings, weekends and bank holidays." },
    ],
  },
  {
    id: "breach",
    legend: "Data breaches",
    hint: "Who a carer tells when private information is lost or goes to the wrong person, and how fast.",
    fields: [
      { name: "breachContact", kind: "text", label: "Who to tell about a data breach", hint: "For example, your Shared Lives officer, or the duty officer." },
      { name: "breachWithin", kind: "text", label: "How fast to tell them", hint: "For example, straight away, and within one hour at the latest." },
      { name: "breachPhone", kind: "phone", label: "Data breach phone number", autoComplete: "off" },
      { name: "breachEmail", kind: "email", label: "Data breach email address", autoComplete: "off" },
    ],
  },
  {
    id: "dpLead",
    legend: "Data protection lead",
    fields: [
      { name: "dpLeadName", kind: "text", label: "Data protection lead (a name or role)" },
      { name: "dpLeadPhone", kind: "phone", label: "Data protection lead's phone number", autoComplete: "off" },
      { name: "dpLeadEmail", kind: "email", label: "Data protection lead's email address", autoComplete: "off" },
    ],
  },
  {
    id: "safeguarding",
    legend: "Safeguarding",
    hint: "How a carer raises a concern that a child or adult may be at risk of harm.",
    fields: [
      { name: "safeguardingName", kind: "text", label: "Local safeguarding adults board or team", hint: "For example, Riverside Safeguarding Adults Board." },
      { name: "safeguardingHow", kind: "long", label: "How to raise a concern", hint: "For example, ring the adult social care front door and say it is a safeguarding concern." },
      { name: "safeguardingPhone", kind: "phone", label: "Safeguarding phone number", autoComplete: "off" },
      { name: "safeguardingLink", kind: "link", label: "Safeguarding web page", hint: "A full address starting with https://" },
    ],
  },
  {
    id: "sending",
    legend: "Sending documents securely",
    fields: [
      { name: "secureSendingHow", kind: "long", label: "How your scheme sends private documents", hint: "For example, by Egress secure email: your officer sends you an invitation to set it up." },
      { name: "secureSendingLink", kind: "link", label: "Guide to secure sending (web page)", hint: "A full address starting with https://" },
    ],
  },
  {
    id: "notes",
    legend: "Short local notes",
    hint: `Optional. Each is shown at one point of the course, under your contacts. Up to ${LIMITS.note} characters. Plain text; you may use **bold**, lines starting “- ” for a list, and [link text](https://…).`,
    fields: [
      { name: "noteAdvice", kind: "note", label: "Note where the course says to ask for advice" },
      { name: "noteSafeguarding", kind: "note", label: "Note where someone may be at risk of harm" },
      { name: "noteBreach", kind: "note", label: "Note on data breaches" },
      { name: "noteSending", kind: "note", label: "Note on sending documents securely" },
      { name: "noteRecords", kind: "note", label: "Note on keeping and returning records" },
    ],
  },
] as const satisfies readonly { id: string; legend: string; hint?: string; fields: readonly FieldDef[] }[];

export const DETAIL_FIELDS = [
  "publicName",
  "adviceRole",
  "adviceName",
  "advicePhone",
  "adviceEmail",
  "adviceHours",
  "outOfHoursPhone",
  "outOfHoursText",
  "breachContact",
  "breachWithin",
  "breachPhone",
  "breachEmail",
  "dpLeadName",
  "dpLeadPhone",
  "dpLeadEmail",
  "safeguardingName",
  "safeguardingHow",
  "safeguardingPhone",
  "safeguardingLink",
  "secureSendingHow",
  "secureSendingLink",
  "noteAdvice",
  "noteSafeguarding",
  "noteBreach",
  "noteSending",
  "noteRecords",
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** Every field but the name; each may be null (not given). */
export type SchemeDetails = { publicName: string } & { [K in Exclude<DetailField, "publicName">]: string | null };

/**
 * What a page needs to show a scheme's details and link to its copies of the course pages: the
 * details, and the save its copies' signed addresses name (lib/scheme-details/links.ts).
 */
export type LocalCourse = { details: SchemeDetails; schemeId: number; revision: number; savedAt: number };

/** The fields whose values differ between two versions (for the audit log: names only, not values). */
export function changedFields(before: SchemeDetails | null, after: SchemeDetails): DetailField[] {
  return DETAIL_FIELDS.filter((f) => (before?.[f] ?? null) !== after[f]);
}

/** True when there is something to show a carer beyond the name: a contact or a note. */
export function hasContent(details: SchemeDetails | null | undefined): details is SchemeDetails {
  return Boolean(details && DETAIL_FIELDS.some((f) => f !== "publicName" && details[f]));
}

/** The form's starting values: the saved details, or just the scheme's own name. */
export function formDefaults(details: SchemeDetails | null, schemeName: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of DETAIL_FIELDS) out[f] = details?.[f] ?? "";
  if (!out.publicName) out.publicName = schemeName;
  return out;
}

/** The values of a form that the server has accepted (they are tidied already) as details. */
export function detailsFromValues(values: Record<string, string>): SchemeDetails {
  const out = { publicName: values.publicName ?? "" } as SchemeDetails;
  for (const f of DETAIL_FIELDS) if (f !== "publicName") out[f] = Object.hasOwn(values, f) && values[f] ? values[f]! : null;
  return out;
}
