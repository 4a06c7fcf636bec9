import "server-only";
// Each scheme's own contacts and notes (issue 15): one row per scheme, written whole on each save.
import { eq, sql } from "drizzle-orm";
import { type DbOrTx, onWriter, reader, type Tx } from "../client";
import { first, one } from "../dialect";
import { prepared } from "../prepared";
import { schemeDetails } from "../tables";

export type SchemeDetailsRow = typeof schemeDetails.$inferSelect;
/** Every column a save writes (the name and each contact or note, null when not given). */
export type SchemeDetailsValues = Omit<SchemeDetailsRow, "schemeId" | "revision" | "updatedAt" | "updatedBy">;

/**
 * My training and every scheme's copy of a page read this on each view: prepared once per
 * connection (db/prepared.ts), since building a select of this many columns cost ten times the
 * lookup itself.
 */
export async function findSchemeDetails(schemeId: number, db: DbOrTx = reader()): Promise<SchemeDetailsRow | undefined> {
  const statement = prepared(db, "scheme_details_of", (c) =>
    c.select().from(schemeDetails).where(eq(schemeDetails.schemeId, sql.placeholder("schemeId"))).limit(1).prepare(),
  );
  return first(await statement.execute({ schemeId }));
}

/**
 * Writes the scheme's details: a new row at revision 1, or the row replaced and its revision one
 * higher (one statement, so two saves at once still give two revisions). Returns the row written.
 */
export async function upsertSchemeDetails(
  schemeId: number,
  values: SchemeDetailsValues,
  by: { at: Date; personId: number | null },
  tx?: Tx,
): Promise<SchemeDetailsRow> {
  return await onWriter(tx, async (db) => {
    return one(
      await db
        .insert(schemeDetails)
        .values({ ...values, schemeId, revision: 1, updatedAt: by.at, updatedBy: by.personId })
        .onConflictDoUpdate({
          target: schemeDetails.schemeId,
          set: { ...values, revision: sql`${schemeDetails.revision} + 1`, updatedAt: by.at, updatedBy: by.personId },
        })
        .returning(),
    );
  });
}
