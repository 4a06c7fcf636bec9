import "server-only";
// Decision analytics: for each scenario, how many answers chose each option. The answer that
// counts is the one in force when the quiz was submitted (the latest choice for that scenario in
// that attempt); attempts never submitted are left out.
import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, reader } from "../client";
import { dialect as d } from "../dialect";

export type AnalyticsQuery = {
  schemeId: number;
  /** Only attempts submitted at or after this time (ms), if given. */
  since?: number;
  intakeId?: number;
  role?: "carer" | "staff" | "trainer";
  /** first: recruitment training (cycle 1); refresher: later cycles. */
  cycle?: "first" | "refresher";
};

export type OptionCount = { scenarioId: string; optionId: string; answers: number };

export async function optionCounts(q: AnalyticsQuery, db: DbOrTx = reader()): Promise<OptionCount[]> {
  const where: SQL[] = [sql`p.scheme_id = ${q.schemeId}`, sql`a.submitted_at is not null`];
  if (q.since !== undefined) where.push(sql`a.submitted_at >= ${d.epochMs(q.since)}`);
  if (q.intakeId !== undefined) where.push(sql`p.intake_id = ${q.intakeId}`);
  if (q.role) where.push(sql`p.role = ${q.role}`);
  if (q.cycle === "first") where.push(sql`a.cycle = 1`);
  if (q.cycle === "refresher") where.push(sql`a.cycle > 1`);
  // The answer in force is the choice with no later choice for the same scenario in the same
  // attempt (one index seek on quiz_answers_attempt per answer).
  return (
    await d.rows<{ scenarioId: string; optionId: string; answers: unknown }>(
      db,
      sql`
    select qa.scenario_id as "scenarioId", qa.option_id as "optionId", ${d.count()} as answers
    from people p
    join quiz_attempts a on a.person_id = p.id
    join quiz_answers qa on qa.attempt_id = a.id
    where ${sql.join(where, sql` and `)}
      and not exists (select 1 from quiz_answers later
                      where later.attempt_id = qa.attempt_id and later.scenario_id = qa.scenario_id and later.id > qa.id)
    group by qa.scenario_id, qa.option_id`,
    )
  ).map((r) => ({ scenarioId: r.scenarioId, optionId: r.optionId, answers: d.toNumber(r.answers) }));
}
