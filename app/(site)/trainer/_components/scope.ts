import "server-only";
// Every trainer page starts here: who is asking (trainers and admins only; anyone else gets the 403
// page), and which scheme the page is about (?scheme=<id> for admins).
import { orNoAccessAsync } from "@/lib/http-status";
import type { Viewer } from "@/lib/access";
import { requireRole } from "@/lib/auth/viewer";
import { type SchemeScope, resolveScheme } from "@/lib/trainer/scope";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function trainerScope(params: Record<string, string | string[] | undefined>, returnTo: string): Promise<{ viewer: Viewer; scope: SchemeScope | null }> {
  const viewer = await requireRole(["trainer", "admin"], returnTo);
  return { viewer, scope: await orNoAccessAsync(async () => await resolveScheme(viewer, params.scheme)) };
}

/** Runs a library call, turning NotAllowed into the 403 page (one translation, in lib/http-status.ts). */
export { orNoAccessAsync as orForbiddenAsync };
