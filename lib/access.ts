// Who may see and do what: pure rules, unit-tested as a matrix. The data layer calls these before
// it reads or writes anything about a person.
import type { Role } from "@/db/schema";

export type Viewer = {
  personId: number;
  name: string;
  email: string;
  role: Role;
  schemeId: number | null;
  sessionId: string;
  /**
   * Set in a supported session (lib/support/): this browser is an officer's, acting as the person
   * above (personId is the carer's) for the course only. Absent or null otherwise.
   */
  supportedBy?: SupportedBy | null;
};

/** The officer running a supported session, and which one it is. */
export type SupportedBy = { officerId: number; officerName: string; supportedSessionId: number };

/**
 * Whether a page, action or route handler may be used in a supported session. Every one is
 * refused there unless it says "allowed": reading lessons, taking the quiz, the result and the
 * walk-through say so; a data export, a certificate, sign-in details and everything else of the
 * carer's account do not. Checked in one place for each way in: requireViewer/requireRole
 * (lib/auth/viewer.ts), safeAction/safeFormAction and routeHandler (lib/actions/).
 */
export type InSupportedSession = "allowed" | "refused";

export function refusedInSupportedSession(viewer: Viewer | null, rule: InSupportedSession = "refused"): boolean {
  return Boolean(viewer?.supportedBy) && rule !== "allowed";
}

export type SupportablePerson = { id: number; schemeId: number | null; role: Role; active: boolean };

/**
 * An officer may run a supported session for (or print a paper workbook for) a carer of their own
 * scheme: trainers and staff (Shared Lives officers), not from inside another supported session,
 * never for themselves. Admins belong to no scheme.
 */
export function canSupport(officer: Viewer, person: SupportablePerson): boolean {
  if (officer.supportedBy) return false;
  if (officer.role !== "trainer" && officer.role !== "staff") return false;
  if (officer.schemeId === null || officer.schemeId !== person.schemeId) return false;
  return person.role === "carer" && person.active && person.id !== officer.personId;
}

export type PersonRef = { id: number; schemeId: number | null };

/** Learners are carers and staff; trainers may also take the course for themselves. */
export function canTakeCourse(viewer: Viewer): boolean {
  return viewer.role !== "admin";
}

/** A trainer manages their own scheme; an admin manages every scheme. */
export function canManageScheme(viewer: Viewer, schemeId: number | null): boolean {
  if (viewer.role === "admin") return true;
  return viewer.role === "trainer" && schemeId !== null && viewer.schemeId === schemeId;
}

/** Anyone may see their own records; a trainer those of their scheme; an admin everyone's. */
export function canViewPerson(viewer: Viewer, person: PersonRef): boolean {
  if (viewer.personId === person.id) return true;
  return canManageScheme(viewer, person.schemeId);
}

/** Trainers invite carers and staff (and fellow trainers); only admins create admins. */
export function canInviteRole(viewer: Viewer, role: Role): boolean {
  if (viewer.role === "admin") return true;
  return viewer.role === "trainer" && role !== "admin";
}

/** A trainer may not deactivate themselves (a scheme would lose its last trainer by accident). */
export function canDeactivate(viewer: Viewer, person: PersonRef): boolean {
  return person.id !== viewer.personId && canManageScheme(viewer, person.schemeId);
}
