import "server-only";
// Every trainer page starts here: who is asking (trainers and admins only; anyone else gets the 403
// page), and which scheme the page is about (?scheme=<id> for admins).
import { showNoAccess } from "@/lib/http-status";
import type { Viewer } from "@/lib/access";
import { requireRole } from "@/lib/auth/viewer";
import { NotAllowed, type SchemeScope, resolveScheme } from "@/lib/trainer/scope";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function trainerScope(params: Record<string, string | string[] | undefined>, returnTo: string): Promise<{ viewer: Viewer; scope: SchemeScope | null }> {
  const viewer = await requireRole(["trainer", "admin"], returnTo);
  return { viewer, scope: await orForbidden(async () => await resolveScheme(viewer, params.scheme)) };
}

/** Runs a library call, turning NotAllowed into the 403 page. */
export async function orForbidden<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof NotAllowed) showNoAccess();
    throw error;
  }
}

export async function orForbiddenAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof NotAllowed) showNoAccess();
    throw error;
  }
}

/** The scope of a page about one person: their scheme, with ?scheme kept for admins. */
export function personScope(viewer: Viewer, person: { schemeId: number }, schemeName: string): SchemeScope {
  return { id: person.schemeId, name: schemeName, explicit: viewer.role === "admin" };
}
