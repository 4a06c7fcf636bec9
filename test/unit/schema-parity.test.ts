// The SQLite schema (db/schema.ts) and the PostgreSQL one (db/schema-pg.ts) must describe the same
// data model: the query layer is written once against either. This fails when they drift.
// The row types are checked by the type checker (`npx tsc --noEmit`): expectTypeOf does nothing
// at run time, so the type half of this file is enforced by the type-check step of the tests.
import { getTableColumns, is, type InferInsertModel, type InferSelectModel, type Table } from "drizzle-orm";
import { getTableConfig as getPgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as pg from "@/db/schema-pg";
import * as sqlite from "@/db/schema";

// ---- Types: every exported table has the same select and insert row on both engines. ----

type TablesOf<M> = { [K in keyof M as M[K] extends Table ? K : never]: M[K] };
type SelectRows<M> = { [K in keyof TablesOf<M>]: TablesOf<M>[K] extends Table ? InferSelectModel<TablesOf<M>[K]> : never };
type InsertRows<M> = { [K in keyof TablesOf<M>]: TablesOf<M>[K] extends Table ? InferInsertModel<TablesOf<M>[K]> : never };
type Exports<M> = { [K in keyof M as M[K] extends Table ? never : K]: M[K] };

describe("row types", () => {
  it("are identical for every table (checked by tsc)", () => {
    // All tables at once: also fails when one schema exports a table the other lacks.
    expectTypeOf<SelectRows<typeof sqlite>>().toEqualTypeOf<SelectRows<typeof pg>>();
    expectTypeOf<InsertRows<typeof sqlite>>().toEqualTypeOf<InsertRows<typeof pg>>();
    // The other exports (the enum lists, re-exported from db/schema.ts) have the same names, and
    // the enum types are the same unions. (The lists' values are compared at run time below.)
    expectTypeOf<keyof Exports<typeof sqlite>>().toEqualTypeOf<keyof Exports<typeof pg>>();
    expectTypeOf<sqlite.Role>().toEqualTypeOf<pg.Role>();
    expectTypeOf<sqlite.ReminderStage>().toEqualTypeOf<pg.ReminderStage>();

    // Table by table, so that a failure names the table.
    expectTypeOf<typeof sqlite.schemes.$inferSelect>().toEqualTypeOf<typeof pg.schemes.$inferSelect>();
    expectTypeOf<typeof sqlite.schemes.$inferInsert>().toEqualTypeOf<typeof pg.schemes.$inferInsert>();
    expectTypeOf<typeof sqlite.intakes.$inferSelect>().toEqualTypeOf<typeof pg.intakes.$inferSelect>();
    expectTypeOf<typeof sqlite.intakes.$inferInsert>().toEqualTypeOf<typeof pg.intakes.$inferInsert>();
    expectTypeOf<typeof sqlite.people.$inferSelect>().toEqualTypeOf<typeof pg.people.$inferSelect>();
    expectTypeOf<typeof sqlite.people.$inferInsert>().toEqualTypeOf<typeof pg.people.$inferInsert>();
    expectTypeOf<typeof sqlite.sessions.$inferSelect>().toEqualTypeOf<typeof pg.sessions.$inferSelect>();
    expectTypeOf<typeof sqlite.sessions.$inferInsert>().toEqualTypeOf<typeof pg.sessions.$inferInsert>();
    expectTypeOf<typeof sqlite.signInAttempts.$inferSelect>().toEqualTypeOf<typeof pg.signInAttempts.$inferSelect>();
    expectTypeOf<typeof sqlite.signInAttempts.$inferInsert>().toEqualTypeOf<typeof pg.signInAttempts.$inferInsert>();
    expectTypeOf<typeof sqlite.invitations.$inferSelect>().toEqualTypeOf<typeof pg.invitations.$inferSelect>();
    expectTypeOf<typeof sqlite.invitations.$inferInsert>().toEqualTypeOf<typeof pg.invitations.$inferInsert>();
    expectTypeOf<typeof sqlite.signInLinks.$inferSelect>().toEqualTypeOf<typeof pg.signInLinks.$inferSelect>();
    expectTypeOf<typeof sqlite.signInLinks.$inferInsert>().toEqualTypeOf<typeof pg.signInLinks.$inferInsert>();
    expectTypeOf<typeof sqlite.outbox.$inferSelect>().toEqualTypeOf<typeof pg.outbox.$inferSelect>();
    expectTypeOf<typeof sqlite.outbox.$inferInsert>().toEqualTypeOf<typeof pg.outbox.$inferInsert>();
    expectTypeOf<typeof sqlite.auditLog.$inferSelect>().toEqualTypeOf<typeof pg.auditLog.$inferSelect>();
    expectTypeOf<typeof sqlite.auditLog.$inferInsert>().toEqualTypeOf<typeof pg.auditLog.$inferInsert>();
    expectTypeOf<typeof sqlite.pageReads.$inferSelect>().toEqualTypeOf<typeof pg.pageReads.$inferSelect>();
    expectTypeOf<typeof sqlite.pageReads.$inferInsert>().toEqualTypeOf<typeof pg.pageReads.$inferInsert>();
    expectTypeOf<typeof sqlite.checkAnswers.$inferSelect>().toEqualTypeOf<typeof pg.checkAnswers.$inferSelect>();
    expectTypeOf<typeof sqlite.checkAnswers.$inferInsert>().toEqualTypeOf<typeof pg.checkAnswers.$inferInsert>();
    expectTypeOf<typeof sqlite.quizAttempts.$inferSelect>().toEqualTypeOf<typeof pg.quizAttempts.$inferSelect>();
    expectTypeOf<typeof sqlite.quizAttempts.$inferInsert>().toEqualTypeOf<typeof pg.quizAttempts.$inferInsert>();
    expectTypeOf<typeof sqlite.quizAnswers.$inferSelect>().toEqualTypeOf<typeof pg.quizAnswers.$inferSelect>();
    expectTypeOf<typeof sqlite.quizAnswers.$inferInsert>().toEqualTypeOf<typeof pg.quizAnswers.$inferInsert>();
    expectTypeOf<typeof sqlite.moduleCompletions.$inferSelect>().toEqualTypeOf<typeof pg.moduleCompletions.$inferSelect>();
    expectTypeOf<typeof sqlite.moduleCompletions.$inferInsert>().toEqualTypeOf<typeof pg.moduleCompletions.$inferInsert>();
    expectTypeOf<typeof sqlite.certificates.$inferSelect>().toEqualTypeOf<typeof pg.certificates.$inferSelect>();
    expectTypeOf<typeof sqlite.certificates.$inferInsert>().toEqualTypeOf<typeof pg.certificates.$inferInsert>();
    expectTypeOf<typeof sqlite.retrainVersions.$inferSelect>().toEqualTypeOf<typeof pg.retrainVersions.$inferSelect>();
    expectTypeOf<typeof sqlite.retrainVersions.$inferInsert>().toEqualTypeOf<typeof pg.retrainVersions.$inferInsert>();
    expectTypeOf<typeof sqlite.remindersSent.$inferSelect>().toEqualTypeOf<typeof pg.remindersSent.$inferSelect>();
    expectTypeOf<typeof sqlite.remindersSent.$inferInsert>().toEqualTypeOf<typeof pg.remindersSent.$inferInsert>();
    expectTypeOf<typeof sqlite.digestsSent.$inferSelect>().toEqualTypeOf<typeof pg.digestsSent.$inferSelect>();
    expectTypeOf<typeof sqlite.digestsSent.$inferInsert>().toEqualTypeOf<typeof pg.digestsSent.$inferInsert>();
    expectTypeOf<typeof sqlite.supportedSessions.$inferSelect>().toEqualTypeOf<typeof pg.supportedSessions.$inferSelect>();
    expectTypeOf<typeof sqlite.supportedSessions.$inferInsert>().toEqualTypeOf<typeof pg.supportedSessions.$inferInsert>();
    expectTypeOf<typeof sqlite.paperWorkbooks.$inferSelect>().toEqualTypeOf<typeof pg.paperWorkbooks.$inferSelect>();
    expectTypeOf<typeof sqlite.paperWorkbooks.$inferInsert>().toEqualTypeOf<typeof pg.paperWorkbooks.$inferInsert>();
    expectTypeOf<typeof sqlite.schemeDetails.$inferSelect>().toEqualTypeOf<typeof pg.schemeDetails.$inferSelect>();
    expectTypeOf<typeof sqlite.schemeDetails.$inferInsert>().toEqualTypeOf<typeof pg.schemeDetails.$inferInsert>();
  });
});

// ---- Structure: what the database itself enforces, compared through drizzle's table configs. ----

/** One engine-neutral description of a table, built from either dialect's table config. */
type Shape = {
  exportName: string;
  columns: Record<
    string,
    { notNull: boolean; hasDefault: boolean; primary: boolean; unique: string | null; dataType: string; enumValues: string[] | null }
  >;
  primaryKey: string[];
  indexes: Record<string, { columns: string[]; unique: boolean; partial: boolean }>;
  uniqueConstraints: Record<string, string[]>;
  foreignKeys: string[];
  checks: string[];
};

type AnyConfig = ReturnType<typeof getSqliteTableConfig> | ReturnType<typeof getPgTableConfig>;

function columnName(c: unknown): string {
  // An index may be on an expression (SQL) rather than a column: name it by its text.
  if (c && typeof c === "object" && "name" in c && typeof (c as { name: unknown }).name === "string") return (c as { name: string }).name;
  return `<expression ${JSON.stringify((c as { queryChunks?: unknown })?.queryChunks ?? c)}>`;
}

function shapeOf(exportName: string, table: Table, config: AnyConfig, engine: "sqlite" | "pg"): Shape {
  const columns: Shape["columns"] = {};
  for (const col of Object.values(getTableColumns(table))) {
    const identity = engine === "pg" && Boolean((col as unknown as { generatedIdentity?: unknown }).generatedIdentity);
    const autoIncrement = engine === "sqlite" && Boolean((col as unknown as { autoIncrement?: boolean }).autoIncrement);
    columns[col.name] = {
      notNull: col.notNull,
      // An identity column (pg) and an AUTOINCREMENT primary key (SQLite) both fill themselves in.
      hasDefault: col.hasDefault || identity || autoIncrement,
      primary: col.primary,
      unique: col.isUnique ? (col.uniqueName ?? "") : null,
      dataType: col.dataType,
      enumValues: col.enumValues ? [...col.enumValues] : null,
    };
  }
  const pks = config.primaryKeys as { columns: { name: string }[] }[];
  const indexes: Shape["indexes"] = {};
  for (const idx of config.indexes as { config: { name?: string; columns: unknown[]; unique: boolean; where?: unknown } }[]) {
    const name = idx.config.name ?? "<unnamed>";
    indexes[name] = { columns: idx.config.columns.map(columnName), unique: idx.config.unique, partial: idx.config.where !== undefined };
  }
  const uniqueConstraints: Shape["uniqueConstraints"] = {};
  for (const u of config.uniqueConstraints as { getName(): string | undefined; columns: { name: string }[] }[]) {
    uniqueConstraints[u.getName() ?? "<unnamed>"] = u.columns.map((c) => c.name);
  }
  const foreignKeys = (config.foreignKeys as { reference(): { columns: { name: string }[]; foreignTable: Table; foreignColumns: { name: string }[] }; onDelete?: string; onUpdate?: string }[])
    .map((fk) => {
      const ref = fk.reference();
      const target = engine === "sqlite" ? getSqliteTableConfig(ref.foreignTable as SQLiteTable).name : getPgTableConfig(ref.foreignTable as PgTable).name;
      return `(${ref.columns.map((c) => c.name).join(",")}) -> ${target}(${ref.foreignColumns.map((c) => c.name).join(",")}) on delete ${fk.onDelete ?? "no action"} on update ${fk.onUpdate ?? "no action"}`;
    })
    .sort();
  return {
    exportName,
    columns,
    primaryKey: pks.flatMap((pk) => pk.columns.map((c) => c.name)),
    indexes,
    uniqueConstraints,
    foreignKeys,
    checks: (config.checks as { name: string }[]).map((c) => c.name).sort(),
  };
}

function shapes(engine: "sqlite" | "pg"): Map<string, Shape> {
  const out = new Map<string, Shape>();
  for (const [exportName, value] of Object.entries(engine === "sqlite" ? sqlite : pg)) {
    if (engine === "sqlite" && is(value, SQLiteTable)) {
      const config = getSqliteTableConfig(value);
      out.set(config.name, shapeOf(exportName, value, config, engine));
    } else if (engine === "pg" && is(value, PgTable)) {
      const config = getPgTableConfig(value);
      out.set(config.name, shapeOf(exportName, value, config, engine));
    }
  }
  return out;
}

const sqliteShapes = shapes("sqlite");
const pgShapes = shapes("pg");

describe("the PostgreSQL schema matches the SQLite one", () => {
  it("has the same tables, under the same export names", () => {
    expect(sqliteShapes.size).toBeGreaterThan(10);
    expect([...pgShapes.keys()].sort()).toEqual([...sqliteShapes.keys()].sort());
    for (const [name, s] of sqliteShapes) expect(pgShapes.get(name)?.exportName, name).toBe(s.exportName);
  });

  it("exports the same enum lists and other values", () => {
    const values = (m: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(m).filter(([, v]) => !is(v, SQLiteTable) && !is(v, PgTable)));
    expect(values(pg)).toEqual(values(sqlite));
  });

  for (const [name, lite] of sqliteShapes) {
    describe(name, () => {
      const other = () => {
        const p = pgShapes.get(name);
        if (!p) throw new Error(`table ${name} is missing from db/schema-pg.ts`);
        return p;
      };
      it("columns: names, nullability, has-default, primary, unique, data type, enum list", () => {
        expect(other().columns).toEqual(lite.columns);
      });
      it("primary key", () => {
        expect(other().primaryKey).toEqual(lite.primaryKey);
      });
      it("indexes: names, columns, unique, partial", () => {
        expect(other().indexes).toEqual(lite.indexes);
      });
      it("unique constraints", () => {
        expect(other().uniqueConstraints).toEqual(lite.uniqueConstraints);
      });
      it("foreign keys", () => {
        expect(other().foreignKeys).toEqual(lite.foreignKeys);
      });
      it("check constraints", () => {
        expect(other().checks).toEqual(lite.checks);
      });
    });
  }
});
