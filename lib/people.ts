import "server-only";
// Reading and changing people's records, always on behalf of a viewer whose rights are checked here.
import { writeTransaction } from "@/db/client";
import { listDemoOutbox } from "@/db/queries/outbox";
import { findPersonById, insertScheme, findSchemeByName, listSchemes, revokeSessionsOfPerson, setPersonActive } from "@/db/queries/people";
import { type Viewer, canDeactivate } from "./access";
import { audit } from "./audit";
import { now } from "./clock";
import { DEMO_EMAIL_DOMAIN } from "./demo/accounts";
import { env } from "./env";
import { NotAllowed } from "./errors";


/** Deactivate or reactivate; deactivation ends the person's sessions at once. Records stay. */
export async function setActive(viewer: Viewer, personId: number, active: boolean): Promise<{ name: string }> {
  const person = await findPersonById(personId);
  if (!person || !canDeactivate(viewer, person)) throw new NotAllowed();
  await writeTransaction(async (tx) => {
    const at = now();
    await setPersonActive(person.id, active, at, tx);
    if (!active) await revokeSessionsOfPerson(person.id, at, tx);
    await audit({ actorId: viewer.personId, schemeId: person.schemeId, subjectPersonId: person.id, action: active ? "reactivated" : "deactivated" }, tx);
  });
  return { name: person.name };
}

/**
 * The outbox is a demo-mode tool: real sites send mail by SMTP. It shows only mail written in demo
 * mode to the demo accounts and to people invited in demo mode, so it can never hand a trainer the
 * sign-in link of a real person in their scheme.
 */
export async function outboxFor(viewer: Viewer, limit = 50) {
  if (!env().demoMode) throw new NotAllowed();
  if (viewer.role === "admin") return await listDemoOutbox(null, DEMO_EMAIL_DOMAIN, limit);
  if (viewer.role !== "trainer" || viewer.schemeId === null) throw new NotAllowed();
  return await listDemoOutbox(viewer.schemeId, DEMO_EMAIL_DOMAIN, limit);
}

export async function allSchemes(viewer: Viewer) {
  if (viewer.role !== "admin") throw new NotAllowed();
  return await listSchemes();
}

export async function createScheme(viewer: Viewer, name: string): Promise<{ ok: true; id: number } | { ok: false; message: string }> {
  if (viewer.role !== "admin") throw new NotAllowed();
  if (await findSchemeByName(name)) return { ok: false, message: "A scheme with this name already exists" };
  return await writeTransaction(async (tx) => {
    const scheme = await insertScheme(name, tx);
    await audit({ actorId: viewer.personId, schemeId: scheme.id, action: "created-scheme", details: { name } }, tx);
    return { ok: true as const, id: scheme.id };
  });
}
