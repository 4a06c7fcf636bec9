// Audit actions in plain words, for the audit log page, the person page and the filter list. An
// action not listed here is shown as its own name with hyphens as spaces.

import { ownValue } from "../own";

export const AUDIT_ACTION_LABEL: Record<string, string> = {
  invited: "Invited someone",
  "bulk-invited": "Invited a list of people",
  "accepted-invitation": "Accepted an invitation",
  "signed-in": "Signed in",
  "started-quiz": "Started a quiz",
  "submitted-quiz": "Submitted a quiz",
  "completed-module": "Completed a module",
  "recorded-assisted-completion": "Recorded an assisted completion",
  "issued-certificate": "Certificate issued",
  "revoked-certificate": "Certificate revoked",
  deactivated: "Deactivated",
  reactivated: "Reactivated",
  "created-intake": "Created an intake",
  "moved-to-intake": "Changed intake",
  "exported-matrix": "Exported the training matrix",
  "exported-person-data": "Produced a person's data file (subject access request)",
  "downloaded-own-data": "Downloaded their own data",
  anonymised: "Anonymised",
  "created-scheme": "Created a scheme",
  "updated-scheme-details": "Changed the scheme's contacts and notes",
  "marked-version-for-retraining": "Marked a course version for retraining",
  "seeded-demo-account": "Demo account created",
  "started-supported-session": "Started a supported session",
  "ended-supported-session": "Ended a supported session",
  "supported-session-expired": "Supported session ended by itself (not used for the idle time)",
  "printed-paper-workbook": "Printed a paper workbook",
  "entered-paper-answers": "Entered a paper workbook's answers (scored)",
};

export function auditActionLabel(action: string): string {
  return ownValue(AUDIT_ACTION_LABEL, action) ?? action.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/**
 * Details of an entry as short "key: value" phrases (ids and values as recorded), keys in
 * alphabetical order: PostgreSQL's jsonb keeps keys in an order of its own, not as written, and
 * the page must read the same on both engines.
 */
export function auditDetailsText(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k.replace(/([A-Z])/g, " $1").toLowerCase()}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join("; ");
}
