import "server-only";
// Deactivating and reactivating people from the trainer pages. lib/people.ts does the change (and
// ends the person's sessions); this adds the checks the trainer pages need.
import type { Viewer } from "../access";
import { setActive } from "../people";
import { requireManagedPerson } from "./scope";
import { NotAllowed } from "../errors";

export async function changeActive(viewer: Viewer, personId: number, active: boolean): Promise<{ name: string }> {
  const person = await requireManagedPerson(viewer, personId);
  // An anonymised person cannot come back: their name and address are gone.
  if (active && person.anonymisedAt) throw new NotAllowed();
  return await setActive(viewer, person.id, active);
}
