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
export function setActive(viewer: Viewer, personId: number, active: boolean): { name: string } {
  const person = findPersonById(personId);
  if (!person || !canDeactivate(viewer, person)) throw new NotAllowed();
  writeTransaction((tx) => {
    const at = now();
    setPersonActive(person.id, active, at, tx);
    if (!active) revokeSessionsOfPerson(person.id, at, tx);
    audit({ actorId: viewer.personId, schemeId: person.schemeId, subjectPersonId: person.id, action: active ? "reactivated" : "deactivated" }, tx);
  });
  return { name: person.name };
}

/**
 * The outbox is a demo-mode tool: real sites send mail by SMTP. It shows only mail written in demo
 * mode to the demo accounts and to people invited in demo mode, so it can never hand a trainer the
 * sign-in link of a real person in their scheme.
 */
export function outboxFor(viewer: Viewer, limit = 50) {
  if (!env().demoMode) throw new NotAllowed();
  if (viewer.role === "admin") return listDemoOutbox(null, DEMO_EMAIL_DOMAIN, limit);
  if (viewer.role !== "trainer" || viewer.schemeId === null) throw new NotAllowed();
  return listDemoOutbox(viewer.schemeId, DEMO_EMAIL_DOMAIN, limit);
}

export function allSchemes(viewer: Viewer) {
  if (viewer.role !== "admin") throw new NotAllowed();
  return listSchemes();
}

export function createScheme(viewer: Viewer, name: string): { ok: true; id: number } | { ok: false; message: string } {
  if (viewer.role !== "admin") throw new NotAllowed();
  if (findSchemeByName(name)) return { ok: false, message: "A scheme with this name already exists" };
  return writeTransaction((tx) => {
    const scheme = insertScheme(name, tx);
    audit({ actorId: viewer.personId, schemeId: scheme.id, action: "created-scheme", details: { name } }, tx);
    return { ok: true as const, id: scheme.id };
  });
}
