import "server-only";
// The training matrix in bulk: every person's cycle and status, computed in SQL for a whole scheme
// (10,000 people and years of history), then filtered, sorted and paged in SQL. Only the page's rows
// get their per-module detail. The rules are lib/training/state.ts's trainingState() and
// lib/refresher.ts's refresherState(), restated set-wise; test/integration/trainer-matrix.test.ts
// checks that the two agree.
//
// Indexes it relies on: people_scheme_role (the scheme's people), certificates_person (each
// person's certificates), module_completions_once (person, module, cycle: one lookup per cell) and
// quiz_attempts_person_module (person, module: "started in this cycle").
import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, reader } from "../client";
import { dialect as d, escapeLike } from "../dialect";

export type MatrixStatus = "not-started" | "in-progress" | "complete" | "due-soon" | "overdue" | "lapsed";
export type MatrixSort = "name" | "status" | "expiry" | "intake";

export type MatrixQuery = {
  schemeId: number;
  /** Today in England, YYYY-MM-DD. */
  today: string;
  /** Content versions an admin marked for retraining, with the London date of the mark. */
  retrain: { contentVersion: string; markedOn: string }[];
  /** The course's module slugs, in order: one group of cell columns each. */
  modules: readonly string[];
  /**
   * lib/refresher.ts's rules: the window opens windowDays before expiry; retraining is due
   * retrainDays after a mark. The two limits are today's dates for them, worked out once by lib/
   * with lib/dates.ts (db/ does no calendar arithmetic of its own): a certificate expiring on or
   * before windowLimit has its window open; one that expired before lapsedLimit has lapsed.
   */
  rules: { windowDays: number; retrainDays: number; windowLimit: string; lapsedLimit: string };
  intakeId?: number | "none";
  role?: "carer" | "staff" | "trainer";
  status?: MatrixStatus;
  /** Part of a name or email address. */
  search?: string;
  /** current: active people (the default); left: deactivated; all: both. */
  account?: "current" | "left" | "all";
  /** Only these people (tests, and a person's own page). */
  personIds?: number[];
  sort?: MatrixSort;
  desc?: boolean;
  limit?: number;
  offset?: number;
};

export type MatrixModuleRow = {
  completedOn: string | null;
  score: number | null;
  total: number | null;
  assisted: number | null;
  started: number;
  /** Issue 16: the officer of a supported session, or who typed in a paper workbook, and their name. */
  supportedByPersonId: number | null;
  paperEnteredByPersonId: number | null;
  officerName: string | null;
};

export type MatrixRow = {
  id: number;
  name: string;
  email: string;
  role: "carer" | "staff" | "trainer";
  intakeId: number | null;
  intakeName: string | null;
  active: number;
  deactivatedAt: number | null;
  anonymisedAt: number | null;
  status: MatrixStatus;
  cycle: number;
  isRefresher: number;
  certId: number | null;
  certCycle: number | null;
  issuedOn: string | null;
  expiresOn: string | null;
  dueOn: string | null;
  windowOpensOn: string | null;
  certAssisted: number | null;
  modules: MatrixModuleRow[];
};

/** The scheme's people matching every filter except status, with their cycle and status. */
function stateCte(q: MatrixQuery): SQL {
  const where: SQL[] = [sql`p.scheme_id = ${q.schemeId}`, sql`p.role <> 'admin'`];
  const account = q.account ?? "current";
  if (account === "current") where.push(sql`p.active = ${d.true}`);
  if (account === "left") where.push(sql`p.active = ${d.false}`);
  if (q.intakeId === "none") where.push(sql`p.intake_id is null`);
  else if (q.intakeId !== undefined) where.push(sql`p.intake_id = ${q.intakeId}`);
  if (q.role) where.push(sql`p.role = ${q.role}`);
  if (q.search && q.search.trim()) {
    const like = `%${escapeLike(q.search.trim())}%`;
    where.push(sql`(${d.likeNoCase(sql`p.name`, like)} or ${d.likeNoCase(sql`p.email`, like)})`);
  }
  if (q.personIds) where.push(q.personIds.length ? sql`p.id in (${sql.join(q.personIds.map((id) => sql`${id}`), sql`, `)})` : d.false);

  const retrain = q.retrain.length
    ? sql.join(q.retrain.map((r) => sql`select ${r.contentVersion} as content_version, ${r.markedOn} as marked_on`), sql` union all `)
    : sql`select null as content_version, null as marked_on where ${d.false}`;
  // Date arithmetic on today is done once, in lib/trainer/matrix.ts (windowLimit, lapsedLimit),
  // instead of on every certificate: "today >= expiry - 60 days" is "expiry <= today + 60 days".
  const { windowDays, retrainDays, windowLimit, lapsedLimit } = q.rules;
  // The refresher's dates, as lib/refresher.ts has them (r.marked_on / b.issued_on / b.expires_on).
  const markedOrIssued = d.greatest(sql`r.marked_on`, sql`b.issued_on`);
  const retrainDue = d.least(sql`b.expires_on`, d.addDays(markedOrIssued, retrainDays));
  const windowOpens = d.least(d.addDays(sql`b.expires_on`, -windowDays), markedOrIssued);

  return sql`
    retrain as (${retrain}),
    base as (
      select p.id, p.name, p.email, p.role, p.intake_id, p.active, p.deactivated_at, p.anonymised_at,
        c.id as cert_id, c.cycle as cert_cycle, c.issued_on, c.expires_on, c.content_version
      from people p
      -- The live certificate with the latest expiry (then the highest id): one that no other live
      -- one of theirs beats. Said as a join, not as "c.id = (select … limit 1)": PostgreSQL ran
      -- that subquery twice per person beside a hash of every certificate (3–4 times slower);
      -- SQLite runs both forms alike, through certificates_one_live.
      left join certificates c on c.person_id = p.id and c.revoked_at is null and c.superseded_at is null
        and not exists (
          select 1 from certificates c2
          where c2.person_id = p.id and c2.revoked_at is null and c2.superseded_at is null
            and (c2.expires_on > c.expires_on or (c2.expires_on = c.expires_on and c2.id > c.id)))
      where ${sql.join(where, sql` and `)}
    ),
    refresher as (
      select b.*, r.marked_on,
        case when b.cert_id is null then null
             when r.marked_on is null then
               case when b.expires_on < ${q.today} then 'overdue' when b.expires_on <= ${windowLimit} then 'due-soon' else 'complete' end
             else
               case when ${q.today} > ${retrainDue} then 'overdue'
                    when ${q.today} >= ${windowOpens} then 'due-soon'
                    else 'complete' end
        end as cert_state
      from base b left join retrain r on r.content_version = b.content_version
    ),
    cycled as (
      select r.*,
        case when r.cert_id is null then coalesce((select max(c.cycle) from certificates c where c.person_id = r.id), 0) + 1
             when r.cert_state = 'complete' then r.cert_cycle
             else r.cert_cycle + 1 end as cycle
      from refresher r
    ),
    state as materialized (
      select c.*,
        case when c.cert_id is not null then
               case when c.cert_state = 'overdue' and c.expires_on < ${lapsedLimit} then 'lapsed' else c.cert_state end
             when exists (select 1 from module_completions mc where mc.person_id = c.id and mc.cycle = c.cycle)
               or exists (select 1 from quiz_attempts qa where qa.person_id = c.id and qa.cycle = c.cycle) then 'in-progress'
             else 'not-started' end as status,
        ${d.boolToInt(sql`case when c.cert_id is not null then c.cycle > c.cert_cycle else c.cycle > 1 end`)} as is_refresher
      from cycled c
    )`;
}

/** The ORDER BY for a sort, on the columns of `t` (the state row with its intake's name and start). */
function orderBy(t: string, sort: MatrixSort, desc: boolean): SQL {
  const c = (column: string) => sql.raw(`${t}.${column}`);
  const dir = sql.raw(desc ? "desc" : "asc");
  const byName = sql`${d.noCase(c("name"))} ${dir}, ${c("id")} ${dir}`;
  switch (sort) {
    case "status": {
      const urgency = sql`case ${c("status")} when 'lapsed' then 0 when 'overdue' then 1 when 'due-soon' then 2 when 'not-started' then 3 when 'in-progress' then 4 else 5 end`;
      return sql`${urgency} ${dir}, ${c("expires_on")} ${dir}, ${byName}`;
    }
    case "expiry":
      // People with no certificate come last either way.
      return sql`${c("expires_on")} is null, ${c("expires_on")} ${dir}, ${byName}`;
    case "intake":
      return sql`${c("intake_start")} is null, ${c("intake_start")} ${dir}, ${c("intake_name")} ${dir}, ${byName}`;
    default:
      return byName;
  }
}

export type MatrixCounts = { status: MatrixStatus; people: number; valid: number }[];

export type MatrixResult = { rows: MatrixRow[]; counts: MatrixCounts; /** Rows matching every filter, before paging. */ total: number };

/**
 * One page of the matrix (or every row, with no limit), each with its module cells, and the count
 * of people in each status (over every filter except status). One statement: the people's states
 * are worked out once and used for both.
 */
export async function matrixQuery(q: MatrixQuery, db: DbOrTx = reader()): Promise<MatrixResult> {
  const statusWhere = q.status ? sql`where s.status = ${q.status}` : sql``;
  const limit = q.limit === undefined ? sql`` : sql`limit ${q.limit} offset ${q.offset ?? 0}`;
  const { windowDays, retrainDays } = q.rules;
  const m = (n: number, column: string) => sql.raw(`m${n}${column}`);
  // "Started" is a scalar subquery with limit 1, not exists(): PostgreSQL made each exists() a
  // hashed subplan over every attempt at the module (a scan of the whole table per module, even for
  // a page of 50); this way it looks up the few people without a completion, as SQLite does.
  const cells = q.modules.map(
    (slug, n) => sql`,
      ${m(n, ".completed_on")} as ${m(n, "_completed_on")}, ${m(n, ".score")} as ${m(n, "_score")},
      ${m(n, ".total")} as ${m(n, "_total")}, ${m(n, ".assisted")} as ${m(n, "_assisted")},
      ${m(n, ".supported_by_person_id")} as ${m(n, "_supported_by")}, ${m(n, ".paper_entered_by_person_id")} as ${m(n, "_paper_by")},
      ${m(n, "o.name")} as ${m(n, "_officer")},
      case when ${m(n, ".id")} is not null then 1
           when (select 1 from quiz_attempts qa
                 where qa.person_id = pg.id and qa.module_slug = ${slug} and qa.cycle = pg.cycle limit 1) is null then 0
           else 1 end as ${m(n, "_started")}`,
  );
  const joins = q.modules.map(
    (slug, n) => sql`
      left join module_completions ${m(n, "")}
        on ${m(n, ".person_id")} = pg.id and ${m(n, ".module_slug")} = ${slug} and ${m(n, ".cycle")} = pg.cycle
      left join people ${m(n, "o")}
        on ${m(n, "o.id")} = coalesce(${m(n, ".paper_entered_by_person_id")}, ${m(n, ".supported_by_person_id")})`,
  );
  const query = sql`
    with ${stateCte(q)},
    counts as (
      select s.status, ${d.count()} as people, ${d.sumInt(sql`case when s.expires_on >= ${q.today} then 1 else 0 end`)} as valid
      from state s group by s.status
    ),
    page as (
      select x.* from (
        select s.*, i.name as intake_name, i.start_date as intake_start
        from state s left join intakes i on i.id = s.intake_id
        ${statusWhere}
      ) x
      order by ${orderBy("x", q.sort ?? "name", Boolean(q.desc))}
      ${limit}
    )
    select pg.id, pg.name, pg.email, pg.role, pg.intake_id, pg.intake_name, pg.active, pg.deactivated_at, pg.anonymised_at,
      pg.status, pg.cycle, pg.is_refresher, pg.cert_id, pg.cert_cycle, pg.issued_on, pg.expires_on,
      case when pg.cert_id is null then null
           when pg.marked_on is null then ${d.addDays(sql`pg.expires_on`, -windowDays)}
           else ${d.least(d.addDays(sql`pg.expires_on`, -windowDays), d.greatest(sql`pg.marked_on`, sql`pg.issued_on`))} end as window_opens_on,
      case when pg.cert_id is null then null
           when pg.marked_on is null then pg.expires_on
           else ${d.least(sql`pg.expires_on`, d.addDays(d.greatest(sql`pg.marked_on`, sql`pg.issued_on`), retrainDays))} end as due_on,
      case when pg.cert_id is null then null
           else ${d.boolToInt(d.jsonArrayHasTrue(sql`cert.modules`, "assisted"))} end as cert_assisted,
      ${d.jsonRows([sql`status`, sql`people`, sql`valid`], sql`from counts`)} as counts
      ${sql.join(cells, sql``)}
    from page pg
    -- Joined by id for the "assisted" flag: as exists (select … where c.id = pg.cert_id), PostgreSQL
    -- read the JSON of every certificate in the database to hash the answer.
    left join certificates cert on cert.id = pg.cert_id
    ${sql.join(joins, sql``)}
    order by ${orderBy("pg", q.sort ?? "name", Boolean(q.desc))}`;
  const raw = await d.rows(db, query);
  const rows = raw.map((r) => ({
    id: r.id as number,
    name: r.name as string,
    email: r.email as string,
    role: r.role as MatrixRow["role"],
    intakeId: (r.intake_id as number | null) ?? null,
    intakeName: (r.intake_name as string | null) ?? null,
    active: r.active as number,
    deactivatedAt: (r.deactivated_at as number | null) ?? null,
    anonymisedAt: (r.anonymised_at as number | null) ?? null,
    status: r.status as MatrixStatus,
    cycle: r.cycle as number,
    isRefresher: r.is_refresher as number,
    certId: (r.cert_id as number | null) ?? null,
    certCycle: (r.cert_cycle as number | null) ?? null,
    issuedOn: (r.issued_on as string | null) ?? null,
    expiresOn: (r.expires_on as string | null) ?? null,
    dueOn: (r.due_on as string | null) ?? null,
    windowOpensOn: (r.window_opens_on as string | null) ?? null,
    certAssisted: (r.cert_assisted as number | null) ?? null,
    modules: q.modules.map((_, n) => ({
      completedOn: (r[`m${n}_completed_on`] as string | null) ?? null,
      score: (r[`m${n}_score`] as number | null) ?? null,
      total: (r[`m${n}_total`] as number | null) ?? null,
      assisted: (r[`m${n}_assisted`] as number | null) ?? null,
      started: Number(r[`m${n}_started`] ?? 0),
      supportedByPersonId: (r[`m${n}_supported_by`] as number | null) ?? null,
      paperEnteredByPersonId: (r[`m${n}_paper_by`] as number | null) ?? null,
      officerName: (r[`m${n}_officer`] as string | null) ?? null,
    })),
  }));
  const first = raw[0];
  const counts = first
    ? d.parseJson<[MatrixStatus, unknown, unknown][]>(first.counts).map(([status, people, valid]) => ({ status, people: d.toNumber(people), valid: d.toNumber(valid) }))
    : await matrixCounts(q, db);
  // Everyone matching the filters: the people counted under the status asked for, or under any.
  const total = counts.filter((c) => !q.status || c.status === q.status).reduce((n, c) => n + c.people, 0);
  return { rows, counts, total };
}

/** How many people are in each status, and how many of them hold a valid certificate (status filter ignored). */
export async function matrixCounts(q: MatrixQuery, db: DbOrTx = reader()): Promise<MatrixCounts> {
  return (
    await d.rows<{ status: MatrixStatus; people: unknown; valid: unknown }>(
      db,
      sql`
    with ${stateCte(q)}
    select s.status as status, ${d.count()} as people,
      ${d.sumInt(sql`case when s.expires_on >= ${q.today} then 1 else 0 end`)} as valid
    from state s group by s.status`,
    )
  ).map((r) => ({ status: r.status, people: d.toNumber(r.people), valid: d.toNumber(r.valid) }));
}
