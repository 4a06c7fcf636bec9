// Tells db/client which database to use, from the environment (lib/env.ts is the only reader of
// process.env; db/ never imports lib/): PostgreSQL when DATABASE_URL is set, else the SQLite file.
// Imported for its effect by instrumentation.ts (the site), the root layout (pages rendered at build
// time) and the scripts; tests use useDatabase instead.
import { closeDb, configureDatabase, type DatabaseConfig, type Db, getDb, migrateDatabase } from "@/db/client";
import { databasePath, postgresFromEnv } from "./env";

export function databaseConfig(): DatabaseConfig {
  const postgres = postgresFromEnv();
  if (postgres) return { engine: "postgres", ...postgres };
  return { engine: "sqlite", path: databasePath() };
}

configureDatabase(databaseConfig);

/** The database named by the environment, opened and brought up to date (its migrations applied). */
export async function openConfiguredDatabase(): Promise<Db> {
  const db = getDb();
  await migrateDatabase(db);
  return db;
}

/** For scripts: closes the database when they are done (a PostgreSQL pool would keep them running). */
export async function closeConfiguredDatabase(): Promise<void> {
  await closeDb();
}
