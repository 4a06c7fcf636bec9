// The engine module: what each difference means, checked by running it on SQLite. A PostgreSQL
// dialect must pass the same expectations (issue 14 runs this file against both).
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { dialect as d, escapeLike } from "@/db/dialect";
import { freshDatabase } from "../helpers/db";

let db: Db;
beforeEach(() => {
  db = freshDatabase();
});

const one = (expr: ReturnType<typeof sql>) => Object.values(db.read.get<Record<string, unknown>>(sql`select ${expr} as v`))[0];

describe("the SQLite dialect", () => {
  it("adds whole days to YYYY-MM-DD text, across month, year and leap day", () => {
    expect(one(d.addDays(sql`${"2027-02-28"}`, 1))).toBe("2027-03-01");
    expect(one(d.addDays(sql`${"2028-02-28"}`, 1))).toBe("2028-02-29");
    expect(one(d.addDays(sql`${"2027-01-10"}`, -60))).toBe("2026-11-11");
    expect(one(d.addDays(sql`${"2026-12-31"}`, 0))).toBe("2026-12-31");
  });

  it("least and greatest of two values (not the aggregates)", () => {
    expect(one(d.least(sql`${"2027-01-01"}`, sql`${"2026-06-01"}`))).toBe("2026-06-01");
    expect(one(d.greatest(sql`${3}`, sql`${7}`))).toBe(7);
  });

  it("finds a true key in a JSON array of objects", () => {
    expect(d.toNumber(one(d.boolToInt(d.jsonArrayHasTrue(sql`${JSON.stringify([{ assisted: false }, { assisted: true }])}`, "assisted"))))).toBe(1);
    expect(d.toNumber(one(d.boolToInt(d.jsonArrayHasTrue(sql`${JSON.stringify([{ assisted: false }])}`, "assisted"))))).toBe(0);
  });

  it("aggregates rows into one JSON array of arrays, read back with parseJson", () => {
    const rows = one(d.jsonRows([sql`x`, sql`y`], sql`from (select 1 as x, 'a' as y union all select 2, 'b')`));
    expect(d.parseJson(rows)).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
  });

  it("counts as numbers, and reports rows changed", () => {
    db.client().exec("insert into schemes (name) values ('a'), ('b')");
    expect(d.toNumber(one(sql`(select ${d.count()} from schemes)`))).toBe(2);
    expect(d.changes(db.writer.run(sql`update schemes set name = name || '!'`))).toBe(2);
  });

  it("orders and matches case-insensitively, with % and _ taken literally when escaped", () => {
    db.client().exec("insert into schemes (name) values ('beta'), ('Alpha'), ('50%_off')");
    expect(db.read.all<{ name: string }>(sql`select name from schemes order by ${d.noCase(sql`name`)}`).map((r) => r.name)).toEqual(["50%_off", "Alpha", "beta"]);
    expect(db.read.all(sql`select name from schemes where ${d.likeNoCase(sql`name`, "%ALPH%")}`)).toEqual([{ name: "Alpha" }]);
    expect(db.read.all(sql`select name from schemes where ${d.likeNoCase(sql`name`, `%${escapeLike("%_")}%`)}`)).toEqual([{ name: "50%_off" }]);
    expect(db.read.all(sql`select name from schemes where ${d.likeNoCase(sql`name`, `%${escapeLike("a_p")}%`)}`)).toEqual([]);
  });

  it("writes true and false so that boolean columns compare", () => {
    db.client().exec("insert into schemes (id, name) values (1, 's'); insert into people (scheme_id, name, email, role, active) values (1, 'a', 'a@x', 'carer', 1), (1, 'b', 'b@x', 'carer', 0)");
    expect(db.read.all(sql`select name from people where active = ${d.true}`)).toEqual([{ name: "a" }]);
    expect(db.read.all(sql`select name from people where active = ${d.false}`)).toEqual([{ name: "b" }]);
  });

  it("knows a unique violation when it sees one", () => {
    db.client().exec("insert into schemes (name) values ('a')");
    let error: unknown;
    try {
      db.client().exec("insert into schemes (name) values ('a')");
    } catch (e) {
      error = e;
    }
    expect(d.isUniqueViolation(error)).toBe(true);
    expect(d.isUniqueViolation(new Error("other"))).toBe(false);
  });

  it("a write that does not wait for the disk leaves the connection's durability as it was", () => {
    const sync = () => db.client().pragma("synchronous", { simple: true });
    const before = sync();
    expect(d.withoutWaitingForDisk(db.writer, () => db.client().prepare("insert into schemes (name) values ('x')").run().changes)).toBe(1);
    expect(sync()).toBe(before);
  });
});
