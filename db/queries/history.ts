// Bulk writes of generated history (the demo and the large test scheme): rows built in memory,
// written in one go, in an order the foreign keys accept. Nothing here is used by the site itself.
import { getTableName, type InferInsertModel, sql, type Table } from "drizzle-orm";
import { type DbOrTx, reader, type Tx } from "../client";
import { dialect as d, first } from "../dialect";
import * as schema from "../tables";

export type HistoryRows = {
  intakes: InferInsertModel<typeof schema.intakes>[];
  people: InferInsertModel<typeof schema.people>[];
  invitations: InferInsertModel<typeof schema.invitations>[];
  pageReads: InferInsertModel<typeof schema.pageReads>[];
  checkAnswers: InferInsertModel<typeof schema.checkAnswers>[];
  attempts: InferInsertModel<typeof schema.quizAttempts>[];
  answers: InferInsertModel<typeof schema.quizAnswers>[];
  completions: InferInsertModel<typeof schema.moduleCompletions>[];
  certificates: InferInsertModel<typeof schema.certificates>[];
  reminders: InferInsertModel<typeof schema.remindersSent>[];
  digests: InferInsertModel<typeof schema.digestsSent>[];
  outbox: InferInsertModel<typeof schema.outbox>[];
  audit: InferInsertModel<typeof schema.auditLog>[];
};

export function emptyHistory(): HistoryRows {
  return { intakes: [], people: [], invitations: [], pageReads: [], checkAnswers: [], attempts: [], answers: [], completions: [], certificates: [], reminders: [], digests: [], outbox: [], audit: [] };
}

export type RowIds = { people: number; intakes: number; attempts: number; certificates: number };

/** The highest id in use in each table whose ids generated rows choose themselves. */
export async function highestIds(db: DbOrTx = reader()): Promise<RowIds> {
  const row = first(await d.rows<RowIds>(db, sql`select
  (select coalesce(max(id), 0) from people) as people,
  (select coalesce(max(id), 0) from intakes) as intakes,
  (select coalesce(max(id), 0) from quiz_attempts) as attempts,
  (select coalesce(max(id), 0) from certificates) as certificates`));
  const n = (v: unknown) => d.toNumber(v);
  return { people: n(row?.people), intakes: n(row?.intakes), attempts: n(row?.attempts), certificates: n(row?.certificates) };
}

/**
 * Writes the rows inside the caller's transaction, in bulk (dialect.insertMany). Certificates are
 * written with their final superseded and revoked fields, so the immutability trigger never fires;
 * audit entries are written oldest first, only ever inserted. Where the rows chose their ids, the
 * table's next generated id is moved past them (PostgreSQL), so the site's own inserts still work.
 */
export async function insertHistory(rows: HistoryRows, tx: Tx): Promise<void> {
  const insert = async <T extends object>(table: Table, list: T[]) => {
    await d.insertMany(tx, table, list as Record<string, unknown>[]);
    if (list.some((row) => "id" in row && row.id != null)) await d.idsGivenIn(tx, getTableName(table));
  };
  await insert(schema.intakes, rows.intakes);
  await insert(schema.people, rows.people);
  await insert(schema.invitations, rows.invitations);
  await insert(schema.pageReads, rows.pageReads);
  await insert(schema.checkAnswers, rows.checkAnswers);
  await insert(schema.quizAttempts, rows.attempts);
  await insert(schema.quizAnswers, rows.answers);
  await insert(schema.moduleCompletions, rows.completions);
  await insert(schema.certificates, rows.certificates);
  await insert(schema.remindersSent, rows.reminders);
  await insert(schema.digestsSent, rows.digests);
  await insert(schema.outbox, rows.outbox);
  await insert(schema.auditLog, [...rows.audit].sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime()));
}
