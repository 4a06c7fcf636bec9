// The demo (npm run demo): written only in demo mode, every status a trainer meets on whatever day
// it runs, data that passes the same checks as real data, and safe to run again.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { findPersonByEmail, findSchemeByName } from "@/db/queries/people";
import { setTestNow } from "@/lib/clock";
import { resetEnvCache } from "@/lib/env";
import { NotAllowed } from "@/lib/errors";
import { decisionAnalytics, parseAnalyticsFilters } from "@/lib/trainer/analytics";
import { matrixAll, parseMatrixFilters } from "@/lib/trainer/matrix";
import { PERSON_STATUSES } from "@/lib/trainer/status";
import { demoCertificateCode } from "@/lib/demo/guide";
import { DEMO_CAST, LEFT, RIVERSIDE_CAST } from "@/scripts/demo/cast";
import { DEMO_SCHEME, DemoModeOff, RIVERSIDE_SCHEME, seedDemo } from "@/scripts/seed-demo";
import { freshDatabase, makePerson, rowCounts, viewerOf, onPostgres, rawTime, sqlRow, sqlRows, sqlRun } from "../helpers/db";
import { expectMatrixAgreesWithTrainingState } from "../helpers/matrix-agreement";

let db: Db;
const q = async <T,>(sql: string, ...args: unknown[]) => await sqlRows<T>(db, sql, ...args);
const n = async (sql: string, ...args: unknown[]) => (await sqlRow<{ n: number }>(db, sql, ...args))!.n;
/** A number in an audit entry's JSON details, compared as text on both engines. */
const detail = (column: string, key: string) => (onPostgres ? `(${column} ->> '${key}')` : `cast(json_extract(${column}, '$.${key}') as text)`);
const text = (column: string) => `cast(${column} as text)`;

beforeEach(async () => {
  process.env.DEMO_MODE = "true";
  resetEnvCache();
  db = await freshDatabase();
});
afterEach(() => {
  delete process.env.DEMO_MODE;
  resetEnvCache();
  setTestNow(null);
});

async function trainerOf(email: string) {
  const person = (await findPersonByEmail(email))!;
  return viewerOf(person);
}

describe("the demo guard", () => {
  it.each([undefined, "false", "0"])("writes nothing when DEMO_MODE is %s", async (value) => {
    if (value === undefined) delete process.env.DEMO_MODE;
    else process.env.DEMO_MODE = value;
    resetEnvCache();
    const before = await rowCounts(db);
    await expect(seedDemo()).rejects.toBeInstanceOf(DemoModeOff);
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe("the demo scheme", () => {
  // Today, a leap day, the day the clocks go forward, and New Year's Eve.
  it.each(["2026-12-01T09:00:00Z", "2028-02-29T12:00:00Z", "2027-03-28T00:30:00Z", "2027-12-31T23:30:00Z"])(
    "seeded on %s has every status, as each story intends, agreeing with the per-person rule",
    async (at) => {
      setTestNow(at);
      const seed = await seedDemo();
      expect(seed.seconds).toBeLessThan(5);
      const today = seed.today;
      const scheme = (await findSchemeByName(DEMO_SCHEME))!;
      const trainer = await trainerOf("trainer@demo.example");
      const people = await q<{ id: number; email: string; active: number | boolean }>("select id, email, active from people where scheme_id = ?", scheme.id);
      expect(people.length).toBeGreaterThanOrEqual(38);
      const statuses = await expectMatrixAgreesWithTrainingState(db, trainer, scheme.id, people.map((p) => p.id), today);

      for (const story of DEMO_CAST.people) {
        const person = people.find((p) => p.email === story.email)!;
        if (story.expect === LEFT) expect([story.name, Boolean(person.active)]).toEqual([story.name, false]);
        else expect([story.name, statuses.get(person.id)]).toEqual([story.name, story.expect]);
      }
      // Every status shows among current people, and some have left.
      const current = (await matrixAll(trainer, scheme.id, parseMatrixFilters({}), { today })).rows;
      expect(new Set(current.map((r) => r.status))).toEqual(new Set(PERSON_STATUSES));
      expect((await matrixAll(trainer, scheme.id, parseMatrixFilters({ account: "left" }), { today })).rows.length).toBe(DEMO_CAST.people.filter((s) => s.expect === LEFT).length);
      // The demo carer starts with nothing done; the refresher carer's refresher is due.
      const byEmail = (email: string) => current.find((r) => r.email === email) ?? current.find((r) => r.id === people.find((p) => p.email === email)!.id)!;
      expect(byEmail("carer@demo.example").status).toBe(PERSON_STATUSES[0]);
      expect(byEmail("refresher@demo.example").status).toBe(DEMO_CAST.people.find((s) => s.email === "refresher@demo.example")!.expect);
    },
  );

  it("has certificates valid, superseded and revoked, an assisted completion, wrong choices for analytics, reminders and invitations", async () => {
    const seed = await seedDemo();
    const scheme = (await findSchemeByName(DEMO_SCHEME))!;
    const s = scheme.id;
    expect(await n("select count(*) as n from certificates where scheme_id = ? and superseded_at is not null", s)).toBeGreaterThan(3);
    expect(await n("select count(*) as n from certificates where scheme_id = ? and revoked_at is not null", s)).toBe(1);
    expect(await n("select count(*) as n from certificates where scheme_id = ? and revoked_at is null and superseded_at is null and expires_on >= ?", s, seed.today)).toBeGreaterThan(10);
    expect(await n("select count(*) as n from module_completions c join people p on p.id = c.person_id where p.scheme_id = ? and c.assisted", s)).toBeGreaterThan(0);

    const analytics = await decisionAnalytics(await trainerOf("trainer@demo.example"), s, parseAnalyticsFilters({}));
    expect(analytics.totalAnswers).toBeGreaterThan(100);
    expect(analytics.worst.length).toBeGreaterThan(2);
    for (const w of analytics.worst) expect(w.commonWrong).not.toBeNull();

    expect(await n("select count(*) as n from outbox where scheme_id = ? and kind like 'reminder-%'", s)).toBeGreaterThan(10);
    expect(await n("select count(*) as n from outbox where scheme_id = ? and kind = 'trainer-digest'", s)).toBeGreaterThan(3);
    const now = Date.now();
    expect(await n("select count(*) as n from invitations where scheme_id = ? and used_at is null and expires_at > ?", s, rawTime(now))).toBe(1);
    expect(await n("select count(*) as n from invitations where scheme_id = ? and used_at is null and expires_at <= ?", s, rawTime(now))).toBe(1);
    expect(await n("select count(*) as n from outbox where kind = 'invitation' and to_address = 'noah.bennett@demo.example'")).toBe(1);

    // The certificate the guide offers is real and valid.
    const code = await demoCertificateCode();
    expect((await q<{ expires_on: string }>("select expires_on from certificates where code = ? and revoked_at is null and superseded_at is null", code))[0]!.expires_on >= seed.today).toBe(true);
  });

  it("has an audit trail that matches what happened", async () => {
    await seedDemo();
    const missing = async (sql: string) => await n(`select count(*) as n from (${sql}) as m`);
    expect(await missing(`select id from certificates c where not exists (select 1 from audit_log a where a.action = 'issued-certificate' and ${detail("a.details", "certificateId")} = ${text("c.id")})`)).toBe(0);
    expect(await missing(`select id from certificates c where revoked_at is not null and not exists (select 1 from audit_log a where a.action = 'revoked-certificate' and ${detail("a.details", "certificateId")} = ${text("c.id")})`)).toBe(0);
    expect(await missing(`select id from quiz_attempts t where submitted_at is not null and not exists (select 1 from audit_log a where a.action = 'submitted-quiz' and ${detail("a.details", "attemptId")} = ${text("t.id")})`)).toBe(0);
    expect(await missing(`select id from quiz_attempts t where not exists (select 1 from audit_log a where a.action = 'started-quiz' and ${detail("a.details", "attemptId")} = ${text("t.id")})`)).toBe(0);
    expect(await missing(`select id from module_completions c where not exists (select 1 from audit_log a where a.subject_person_id = c.person_id and a.action = case when c.assisted then 'recorded-assisted-completion' else 'completed-module' end and ${detail("a.details", "module")} = ${text("c.module_slug")} and ${detail("a.details", "cycle")} = ${text("c.cycle")})`)).toBe(0);
    expect(await missing("select id from people p where deactivated_at is not null and not exists (select 1 from audit_log a where a.action = 'deactivated' and a.subject_person_id = p.id)")).toBe(0);
    // The guards still stand over the demo's rows.
    await expect(sqlRun(db, "update audit_log set action = 'x' where id = (select min(id) from audit_log)")).rejects.toThrow(/append-only/);
    await expect(sqlRun(db, "update certificates set expires_on = '2099-01-01' where id = (select min(id) from certificates)")).rejects.toThrow(/immutable/);
  });

  it("keeps the second scheme apart: its trainer sees only its people", async () => {
    await seedDemo();
    const demo = (await findSchemeByName(DEMO_SCHEME))!;
    const riverside = (await findSchemeByName(RIVERSIDE_SCHEME))!;
    const rhys = await trainerOf("riverside-trainer@demo.example");
    const rows = (await matrixAll(rhys, riverside.id, parseMatrixFilters({}))).rows;
    expect(rows.map((r) => r.name).sort()).toEqual([rhys.name, ...RIVERSIDE_CAST.people.map((p) => p.name)].sort());
    await expect(matrixAll(rhys, demo.id, parseMatrixFilters({}))).rejects.toThrow(NotAllowed);
    await expect(decisionAnalytics(rhys, demo.id, parseAnalyticsFilters({}))).rejects.toThrow(NotAllowed);
  });

  it("leaves the site able to add rows after it: the next ids follow the history's", async () => {
    // The history chooses its own ids; on PostgreSQL the identity sequences did not follow them, so
    // the first person a trainer added after the seed failed with a duplicate key.
    await seedDemo();
    const demo = (await findSchemeByName(DEMO_SCHEME))!;
    const highest = async (table: string) => await n(`select max(id) as n from ${table}`);
    const person = await makePerson("carer", demo.id);
    expect(person.id).toBeGreaterThan(0);
    expect(await n("select count(*) as n from people where id = ?", person.id)).toBe(1);
    expect(person.id).toBe(await highest("people"));
    const intake = await sqlRow<{ id: number }>(db, "insert into intakes (scheme_id, name, start_date) values (?, 'After the seed', '2027-01-01') returning id", demo.id);
    expect(intake!.id).toBe(await highest("intakes"));
    const attempt = await sqlRow<{ id: number }>(
      db,
      "insert into quiz_attempts (person_id, module_slug, cycle, content_version, scenario_ids, started_at, total) values (?, 'golden-rules', 1, 'v', '[]', ?, 5) returning id",
      person.id,
      rawTime(Date.now()),
    );
    expect(attempt!.id).toBe(await highest("quiz_attempts"));
    const certificate = await sqlRow<{ id: number }>(
      db,
      "insert into certificates (code, person_id, scheme_id, holder_name, course_id, course_title, content_version, cycle, issued_on, expires_on, modules) values ('AFTERTHESEED', ?, ?, 'x', 'c', 'C', 'v', 1, '2027-01-01', '2028-01-01', '[]') returning id",
      person.id,
      demo.id,
    );
    expect(certificate!.id).toBe(await highest("certificates"));
  });

  it("changes nothing when run again the same day, and keeps its history on a later day", async () => {
    setTestNow("2026-12-01T09:00:00Z");
    await seedDemo();
    const once = await rowCounts(db);
    const again = await seedDemo();
    expect(again.wroteHistory).toBe(false);
    expect(await rowCounts(db)).toEqual(once);

    setTestNow("2026-12-20T09:00:00Z");
    const later = await seedDemo();
    expect(later).toMatchObject({ wroteHistory: false, historyFrom: "2026-12-01", today: "2026-12-20" });
    const after = await rowCounts(db);
    // No new people or history, only the day's reminders (the job's usual work).
    for (const table of ["people", "certificates", "quiz_attempts", "module_completions", "invitations"]) expect([table, after[table]]).toEqual([table, once[table]]);
  });
});
