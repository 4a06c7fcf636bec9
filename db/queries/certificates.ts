import "server-only";
// Certificates: issued once, never changed afterwards except to be revoked or superseded (the
// certificates_immutable trigger refuses anything else). Codes are stored in canonical form: 28
// Crockford base32 characters, no hyphens (lib/certificates/code.ts).
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, type Tx } from "../client";
import { dialect as d, first, one } from "../dialect";
import { prepared } from "../prepared";
import { certificates, schemes } from "../tables";

export type CertificateRow = typeof certificates.$inferSelect;
export type NewCertificate = Omit<typeof certificates.$inferInsert, "id" | "createdAt" | "revokedAt" | "revokedBy" | "revokedReason" | "supersededAt" | "supersededById">;
export type CertificateWithScheme = CertificateRow & { schemeName: string };

// A function, not a constant: the tables are the engine's (db/tables.ts), chosen after this module loads.
const withScheme = () => ({ certificate: certificates, schemeName: schemes.name });

function flatten(row: { certificate: CertificateRow; schemeName: string } | undefined): CertificateWithScheme | undefined {
  return row ? { ...row.certificate, schemeName: row.schemeName } : undefined;
}

/**
 * What the public verification page shows of a certificate, and what its status is worked out
 * from: nothing else is read (not the modules' JSON, not the scheme). It runs on every check, so it
 * is prepared once per connection (db/prepared.ts).
 */
export async function findPublicCertificateByCode(code: string, db: DbOrTx = reader()) {
  const statement = prepared(db, "public_certificate_by_code", (c) =>
    c
      .select({
        holderName: certificates.holderName,
        courseTitle: certificates.courseTitle,
        contentVersion: certificates.contentVersion,
        issuedOn: certificates.issuedOn,
        expiresOn: certificates.expiresOn,
        revokedAt: certificates.revokedAt,
        supersededAt: certificates.supersededAt,
      })
      .from(certificates)
      .where(eq(certificates.code, sql.placeholder("code")))
      .prepare(),
  );
  return first(await statement.execute({ code }));
}

/** The whole certificate with its scheme's name, by its code (canonical form). */
export async function findCertificateByCode(code: string, db: DbOrTx = reader()): Promise<CertificateWithScheme | undefined> {
  const statement = prepared(db, "certificate_by_code", (c) =>
    c.select(withScheme()).from(certificates).innerJoin(schemes, eq(schemes.id, certificates.schemeId)).where(eq(certificates.code, sql.placeholder("code"))).prepare(),
  );
  return flatten(first(await statement.execute({ code })));
}

export async function findCertificateById(id: number, db: DbOrTx = reader()): Promise<CertificateWithScheme | undefined> {
  return flatten(first(await db.select(withScheme()).from(certificates).innerJoin(schemes, eq(schemes.id, certificates.schemeId)).where(eq(certificates.id, id)).limit(1)));
}

/** Newest first. */
export async function listCertificatesOfPerson(personId: number, db: DbOrTx = reader()): Promise<CertificateRow[]> {
  return await db.select().from(certificates).where(eq(certificates.personId, personId)).orderBy(desc(certificates.issuedOn), desc(certificates.id));
}

/** The certificate that counts now: not revoked, not superseded; the latest expiry if several. */
export async function latestLiveCertificate(personId: number, db: DbOrTx = reader()): Promise<CertificateRow | undefined> {
  return first(await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.personId, personId), isNull(certificates.revokedAt), isNull(certificates.supersededAt)))
    .orderBy(desc(certificates.expiresOn), desc(certificates.id))
    .limit(1));
}

export async function insertCertificate(values: NewCertificate, tx?: Tx): Promise<CertificateRow> {
  return await onWriter(tx, async (db) => {
    return one(await db.insert(certificates).values(values).returning());
  });
}

/**
 * Inserts a certificate unless the person already holds a live one for that cycle
 * (certificates_one_live): undefined then, and the caller keeps the one already issued.
 */
export async function insertCertificateOnce(values: NewCertificate, tx?: Tx): Promise<CertificateRow | undefined> {
  return await onWriter(tx, async (db) => {
    return first(await db
      .insert(certificates)
      .values(values)
      // No conflict target: drizzle's sqlite-core puts a partial index's WHERE after DO NOTHING,
      // where SQLite refuses it. The table's only other unique key is one no insert repeats.
      .onConflictDoNothing()
      .returning());
  });
}

/** Marks `oldId` as replaced by `newId`. False if it was already superseded (nothing changed). */
export async function markSuperseded(oldId: number, newId: number, at: Date, tx?: Tx): Promise<boolean> {
  return await onWriter(tx, async (db) => {
    const result = await db
      .update(certificates)
      .set({ supersededAt: at, supersededById: newId })
      .where(and(eq(certificates.id, oldId), isNull(certificates.supersededAt)));
    return d.changes(result) === 1;
  });
}

/** Revokes a certificate. False if it was already revoked (nothing changed). */
export async function revokeCertificate(id: number, by: number, reason: string, at: Date, tx?: Tx): Promise<boolean> {
  return await onWriter(tx, async (db) => {
    const result = await db
      .update(certificates)
      .set({ revokedAt: at, revokedBy: by, revokedReason: reason })
      .where(and(eq(certificates.id, id), isNull(certificates.revokedAt)));
    return d.changes(result) === 1;
  });
}
