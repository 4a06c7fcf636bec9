import "server-only";
// A scheme's own details: read for the pages that show them, and saved by its trainers (or an
// admin) with an audit entry in the same transaction.
//
// Who sees what: a signed-in person sees only their own scheme's details (localCourseFor); the
// scheme's copies of the lesson and walk-through pages are reached only through signed addresses
// (lib/scheme-details/links.ts), which only pages that know who is asking hand out.
import { cache } from "react";
import { writeTransaction } from "@/db/client";
import { dialect } from "@/db/dialect";
import { type SchemeDetailsRow, findSchemeDetails, upsertSchemeDetails } from "@/db/queries/scheme-details";
import type { Viewer } from "../access";
import { audit } from "../audit";
import { now } from "../clock";
import { requireScheme } from "../trainer/scope";
import { DETAIL_FIELDS, type LocalCourse, type SchemeDetails, changedFields, hasContent } from "./form";
import type { SchemeDetailsInput } from "./schema";
import type { SchemeVersion } from "./page-keys";

export type { LocalCourse };

/** The details as the pages use them (no ids, no who-saved-when). */
export function toDetails(row: SchemeDetailsRow): SchemeDetails {
  const out = { publicName: row.publicName } as SchemeDetails;
  for (const f of DETAIL_FIELDS) if (f !== "publicName") out[f] = row[f];
  return out;
}

function local(row: SchemeDetailsRow | undefined): LocalCourse | null {
  if (!row) return null;
  const details = toDetails(row);
  return hasContent(details) ? { details, schemeId: row.schemeId, revision: row.revision, savedAt: row.updatedAt.getTime() } : null;
}

/**
 * The viewer's own scheme's details, or null: no scheme (an admin), or a scheme that has not given
 * any contacts yet (then every page reads as the national course). Once per request.
 */
export const localCourseFor = cache(async (viewer: Pick<Viewer, "schemeId"> | null): Promise<LocalCourse | null> => {
  if (!viewer || viewer.schemeId === null) return null;
  return local(await findSchemeDetails(viewer.schemeId));
});

/** A scheme's details by its id, for things of that scheme (its certificates, its reminders). */
export async function localCourseOfScheme(schemeId: number): Promise<LocalCourse | null> {
  return local(await findSchemeDetails(schemeId));
}

/**
 * The details for a scheme's copy of a page, from its signed address (already checked), when the
 * save it names is the scheme's latest. Null otherwise: the address is from before a later save (a
 * link someone kept, a copy another app instance still has) or from another database (one made
 * again, whose scheme of that number may be another scheme). Then the copy shows the page as
 * everyone reads it, never details it was not made for, and the next page it links to is the
 * reader's current copy.
 */
export async function localCourseOfPage(signed: SchemeVersion): Promise<LocalCourse | null> {
  const current = local(await findSchemeDetails(signed.schemeId));
  return current && current.revision === signed.revision && current.savedAt === signed.savedAt ? current : null;
}

/** The settings page: the scheme's saved details (null before the first save) and when they were saved. */
export async function schemeDetailsForManager(viewer: Viewer, schemeId: number) {
  const scheme = await requireScheme(viewer, schemeId);
  const row = await findSchemeDetails(scheme.id);
  return { schemeName: scheme.name, details: row ? toDetails(row) : null, revision: row?.revision ?? 0, updatedAt: row?.updatedAt ?? null };
}

export type SaveResult = { changed: false } | { changed: true; fields: string[]; revision: number };

/**
 * Saves a scheme's details (already checked by schemeDetailsForm) for a trainer of that scheme or
 * an admin; NotAllowed for anyone else. Read, compare and write under the scheme's lock, with the
 * audit entry (which fields changed, not their values) in the same transaction. A save that
 * changes nothing writes nothing.
 */
export async function saveSchemeDetails(viewer: Viewer, schemeId: number, input: SchemeDetailsInput): Promise<SaveResult> {
  const scheme = await requireScheme(viewer, schemeId);
  return await writeTransaction(async (tx) => {
    await dialect.lockFor(tx, `scheme-details:${scheme.id}`);
    const before = await findSchemeDetails(scheme.id, tx);
    const fields = changedFields(before ? toDetails(before) : null, input);
    if (before && fields.length === 0) return { changed: false as const };
    const row = await upsertSchemeDetails(scheme.id, input, { at: now(), personId: viewer.personId }, tx);
    await audit(
      { actorId: viewer.personId, schemeId: scheme.id, action: "updated-scheme-details", details: { fields, revision: row.revision } },
      tx,
    );
    return { changed: true as const, fields, revision: row.revision };
  });
}
