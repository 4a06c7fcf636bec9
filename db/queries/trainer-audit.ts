import "server-only";
// The audit log of a scheme, newest first, for the trainers' audit page. Paged with a cursor (the
// last entry's time and id), which walks the audit_scheme_at index instead of counting rows.
import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, reader } from "../client";
import { dialect as d, escapeLike } from "../dialect";

export type AuditPageQuery = {
  schemeId: number;
  subjectPersonId?: number;
  action?: string;
  /** Entries before this one (its time and id). */
  before?: { at: number; id: number };
  limit: number;
};

export type AuditPageRow = {
  id: number;
  at: number;
  actorId: number | null;
  actorName: string | null;
  subjectPersonId: number | null;
  subjectName: string | null;
  action: string;
  details: Record<string, unknown> | null;
};

export async function auditPage(q: AuditPageQuery, db: DbOrTx = reader()): Promise<AuditPageRow[]> {
  const where: SQL[] = [sql`a.scheme_id = ${q.schemeId}`];
  if (q.subjectPersonId !== undefined) where.push(sql`a.subject_person_id = ${q.subjectPersonId}`);
  if (q.action) where.push(sql`a.action = ${q.action}`);
  if (q.before) where.push(sql`(a.at < ${d.epochMs(q.before.at)} or (a.at = ${d.epochMs(q.before.at)} and a.id < ${q.before.id}))`);
  const rows = await d.rows<Omit<AuditPageRow, "at" | "details"> & { at: number | Date; details: unknown }>(db, sql`
    select a.id, a.at, a.actor_id as "actorId", actor.name as "actorName", a.subject_person_id as "subjectPersonId",
      subject.name as "subjectName", a.action, a.details
    from audit_log a
    left join people actor on actor.id = a.actor_id
    left join people subject on subject.id = a.subject_person_id
    where ${sql.join(where, sql` and `)}
    order by a.at desc, a.id desc
    limit ${q.limit}`);
  // Raw SQL gives each engine's own values: integer ms or a Date; JSON text or parsed jsonb.
  return rows.map((r) => ({ ...r, at: new Date(r.at).getTime(), details: r.details == null ? null : d.parseJson<Record<string, unknown>>(r.details) }));
}

/** People of a scheme whose name or email contains the text, for picking whose entries to see. */
export async function findPeopleInScheme(schemeId: number, text: string, limit: number, db: DbOrTx = reader()) {
  const like = `%${escapeLike(text)}%`;
  return await d.rows<{ id: number; name: string; email: string }>(db, sql`
    select id, name, email from people
    where scheme_id = ${schemeId} and (${d.likeNoCase(sql`name`, like)} or ${d.likeNoCase(sql`email`, like)})
    order by ${d.noCase(sql`name`)}, id limit ${limit}`);
}
