import "server-only";
// The audit log page: every trainer action and every completion in a scheme, newest first,
// filtered by the person it is about and by action.
import { findPersonById } from "@/db/queries/people";
import { auditPage, findPeopleInScheme } from "@/db/queries/trainer-audit";
import type { Viewer } from "../access";
import { AUDIT_ACTION_LABEL, auditActionLabel, auditDetailsText } from "./audit-words";
import { parseId, requireScheme } from "./scope";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = { person: number | null; action: string | null; q: string; before: { at: number; id: number } | null };

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const one = (k: string) => (Array.isArray(params[k]) ? params[k]![0] : (params[k] as string | undefined));
  const action = one("action");
  const before = one("before")?.match(/^(\d{1,15})-(\d{1,15})$/);
  return {
    person: parseId(one("person")),
    action: action && /^[a-z][a-z-]{0,60}$/.test(action) ? action : null,
    q: (one("q") ?? "").trim().slice(0, 100),
    before: before ? { at: Number(before[1]), id: Number(before[2]) } : null,
  };
}

export async function auditLogFor(viewer: Viewer, schemeId: number, f: AuditFilters) {
  await requireScheme(viewer, schemeId);
  // A person from another scheme shows nothing (their entries are not in this scheme's log anyway).
  const person = f.person !== null ? await findPersonById(f.person) : undefined;
  const subject = person && person.schemeId === schemeId ? { id: person.id, name: person.name } : null;
  const rows = f.person !== null && !subject ? [] : await auditPage({ schemeId, subjectPersonId: subject?.id, action: f.action ?? undefined, before: f.before ?? undefined, limit: AUDIT_PAGE_SIZE + 1 });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const entries = rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
    ...r,
    at: new Date(r.at),
    label: auditActionLabel(r.action),
    detailsText: auditDetailsText(r.details),
  }));
  const last = entries.at(-1);
  return {
    subject,
    entries,
    nextBefore: more && last ? `${last.at.getTime()}-${last.id}` : null,
    matches: f.q && f.person === null ? await findPeopleInScheme(schemeId, f.q, 20) : [],
    actions: Object.entries(AUDIT_ACTION_LABEL).map(([value, label]) => ({ value, label })),
  };
}
