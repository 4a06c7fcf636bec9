import "server-only";
// Which scheme a trainer page is about. A trainer sees only their own scheme; an admin sees any,
// named by ?scheme=<id> (with no scheme named, the admin is shown a picker). Everyone else sees none.
import { findScheme, findPersonById, listSchemes } from "@/db/queries/people";
import { type Viewer, canManageScheme } from "../access";
import { NotAllowed } from "../errors";


export type SchemeScope = { id: number; name: string; /** Links keep ?scheme=<id> (admins). */ explicit: boolean };

/** A positive whole number from a query or form value, or null. */
export function parseId(value: unknown): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== "string" && typeof text !== "number") return null;
  const s = String(text).trim();
  if (!/^[1-9][0-9]{0,15}$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The scheme the viewer asked for (or their own). Null when an admin has not chosen one yet.
 * Throws NotAllowed for carers and staff, for a trainer asking for another scheme, and for a
 * scheme that does not exist.
 */
export async function resolveScheme(viewer: Viewer, requested: unknown): Promise<SchemeScope | null> {
  if (viewer.role !== "trainer" && viewer.role !== "admin") throw new NotAllowed();
  const given = requested === undefined || requested === null || requested === "" ? null : parseId(requested);
  if (requested !== undefined && requested !== null && requested !== "" && given === null) throw new NotAllowed();
  if (viewer.role === "trainer") {
    if (viewer.schemeId === null || (given !== null && given !== viewer.schemeId)) throw new NotAllowed();
    const scheme = await findScheme(viewer.schemeId);
    if (!scheme) throw new NotAllowed();
    return { id: scheme.id, name: scheme.name, explicit: false };
  }
  if (given === null) return null;
  const scheme = await findScheme(given);
  if (!scheme || !canManageScheme(viewer, scheme.id)) throw new NotAllowed();
  return { id: scheme.id, name: scheme.name, explicit: true };
}

/** The schemes an admin may pick from. */
export async function schemesToPick(viewer: Viewer) {
  if (viewer.role !== "admin") throw new NotAllowed();
  return await listSchemes();
}

/** A scheme the viewer manages, by id, for library functions; NotAllowed otherwise. */
export async function requireScheme(viewer: Viewer, schemeId: number) {
  if (!canManageScheme(viewer, schemeId)) throw new NotAllowed();
  const scheme = await findScheme(schemeId);
  if (!scheme) throw new NotAllowed();
  return scheme;
}

/**
 * The scope of a page about one scheme's record (a person, an intake), once the viewer may manage
 * that scheme; ?scheme is kept in links for admins. NotAllowed otherwise.
 */
export async function schemeScopeOf(viewer: Viewer, schemeId: number): Promise<SchemeScope> {
  const scheme = await requireScheme(viewer, schemeId);
  return { id: scheme.id, name: scheme.name, explicit: viewer.role === "admin" };
}

/**
 * A person in a scheme the viewer manages (never an admin, who belongs to no scheme). Someone in
 * another scheme, and someone who does not exist, are both NotAllowed: no hint which it was.
 */
export async function requireManagedPerson(viewer: Viewer, personId: number) {
  const person = Number.isSafeInteger(personId) && personId > 0 ? await findPersonById(personId) : undefined;
  if (!person || person.schemeId === null || person.role === "admin" || !canManageScheme(viewer, person.schemeId)) throw new NotAllowed();
  return person;
}

/** A path under /trainer, keeping ?scheme=<id> for admins and any other query values given. */
export function trainerHref(scope: Pick<SchemeScope, "id" | "explicit">, path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  if (scope.explicit) params.set("scheme", String(scope.id));
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
