// Tells db/client where the database is, from the environment (lib/env.ts is the only reader of
// process.env; db/ never imports lib/). Imported for its effect by instrumentation.ts (the site),
// the root layout (pages rendered at build time) and the scripts; tests use useDatabase instead.
import { configureDatabase, type Db, getDb } from "@/db/client";
import { databasePath } from "./env";

export function databaseConfig() {
  return { path: databasePath() };
}

configureDatabase(databaseConfig);

/** The database named by the environment, opened (and migrated) now. */
export function openConfiguredDatabase(): Db {
  return getDb();
}
