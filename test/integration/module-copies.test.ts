// Next.js loads the db/ modules more than once in one process: the instrumentation hook's copy
// opens the database (on globalThis), and the routes' bundles each have their own db/dialect.ts and
// db/tables.ts. A copy that finds the database already open must speak that database's engine. It
// did not: on PostgreSQL every route queried with the SQLite tables and dialect, so signing in
// failed ("at" > a number of ms, not a timestamptz), JSON columns were parsed twice and the rate
// limit ran SQLite's pragma. vi.resetModules() gives a second copy of the modules, as Next.js does.
import { describe, expect, it, vi } from "vitest";
import { recordSignInAttempt } from "@/db/queries/auth";
import { freshDatabase, testEngine } from "../helpers/db";

describe("a second copy of the db modules in the same process", () => {
  it("uses the open database's tables and dialect, from the moment it is loaded", async () => {
    await freshDatabase();
    await recordSignInAttempt("copy@test.example", new Date(Date.now() - 1000), false);

    vi.resetModules();
    const auth = await import("@/db/queries/auth"); // loads the copy's db/client.ts, as a route does
    const tables = await import("@/db/tables");
    const { dialect } = await import("@/db/dialect");
    const schema = testEngine === "postgres" ? await import("@/db/schema-pg") : await import("@/db/schema");

    expect(dialect.name).toBe(testEngine);
    expect(tables.people).toBe(schema.people);
    expect(tables.signInAttempts).toBe(schema.signInAttempts);
    expect(await auth.recentFailureTimes("copy@test.example", new Date(Date.now() - 60_000))).toHaveLength(1);
  });
});
