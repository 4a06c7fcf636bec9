import "server-only";
// What the reminders job reads and writes.
import { and, eq, isNull } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, type Tx } from "../client";
import { dialect as d } from "../dialect";
import { certificates, digestsSent, people, remindersSent, type ReminderStage } from "../tables";

/** Certificates still in force (not revoked, not superseded) of active people, with who holds them. */
export async function liveCertificatesOfActivePeople(db: DbOrTx = reader()) {
  return await db
    .select({
      certificateId: certificates.id,
      personId: people.id,
      name: people.name,
      email: people.email,
      schemeId: certificates.schemeId,
      issuedOn: certificates.issuedOn,
      expiresOn: certificates.expiresOn,
      contentVersion: certificates.contentVersion,
    })
    .from(certificates)
    .innerJoin(people, eq(people.id, certificates.personId))
    .where(and(isNull(certificates.revokedAt), isNull(certificates.supersededAt), eq(people.active, true)));
}

export async function sentStagesByCertificate(db: DbOrTx = reader()): Promise<Map<number, Set<ReminderStage>>> {
  const map = new Map<number, Set<ReminderStage>>();
  for (const row of await db.select({ certificateId: remindersSent.certificateId, stage: remindersSent.stage }).from(remindersSent)) {
    if (!map.has(row.certificateId)) map.set(row.certificateId, new Set());
    map.get(row.certificateId)!.add(row.stage);
  }
  return map;
}

/** Records a reminder; false if that stage was already sent for that certificate (another run won). */
export async function recordReminder(values: { personId: number; certificateId: number; stage: ReminderStage; sentAt: Date }, tx?: Tx): Promise<boolean> {
  return await onWriter(tx, async (db) => {
    return d.changes(await db.insert(remindersSent).values(values).onConflictDoNothing()) === 1;
  });
}

export async function remindersOfPerson(personId: number, db: DbOrTx = reader()) {
  return await db.select().from(remindersSent).where(eq(remindersSent.personId, personId));
}

export async function recordDigest(trainerId: number, day: string, sentAt: Date, tx?: Tx): Promise<boolean> {
  return await onWriter(tx, async (db) => {
    return d.changes(await db.insert(digestsSent).values({ trainerId, day, sentAt }).onConflictDoNothing()) === 1;
  });
}
