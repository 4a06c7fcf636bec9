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
};

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
