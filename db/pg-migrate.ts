// Applies the PostgreSQL migrations (db/migrations-pg) under a session-level advisory lock.
//
// drizzle's migrator takes no lock: it reads the last applied migration outside its transaction,
// so two app instances starting together can both apply the same one (the second then fails
// half-way, or worse, applies a custom migration twice). Here every caller first takes
// pg_advisory_lock(MIGRATION_LOCK_KEY) on one dedicated connection, runs the migrator on that same
// connection (drizzle's transaction stays on a Client; only a Pool would hand it another), and
// unlocks in `finally`. The second instance waits, then finds nothing left to apply.
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { join } from "node:path";
import pg from "pg";

export const PG_MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations-pg");

/**
 * The advisory lock key for migrations: a constant every instance shares. Advisory locks are per
 * database, so instances on other databases of the same server do not wait for each other.
 * (0x534c54474d49, "SLTGMI" in ASCII: Shared Lives Training, migrations.)
 */
export const MIGRATION_LOCK_KEY = "91587296578889";

export type PgMigrateOptions = {
  /** Connection options for the one dedicated client (e.g. from buildPgPoolOptions). */
  connection: pg.ClientConfig;
  migrationsFolder?: string;
  /** Called once the lock is held, before migrating; for tests and logs. */
  onLocked?: () => void | Promise<void>;
};

/** Applies any migrations not yet applied. Safe to call from several processes at once. */
export async function migratePostgres(options: PgMigrateOptions): Promise<void> {
  // One client of our own, not one from the app's pool: the session settings below and the
  // session-level lock end with it, and no pool can hand the connection to anyone else meanwhile.
  const client = new pg.Client({ ...options.connection, application_name: "shared-lives migrate" });
  // A connection the server drops emits 'error' on the client besides failing the statement; with
  // no listener that would be an uncaught exception instead of the migration's own error.
  client.on("error", (error) => console.error("PostgreSQL: the migration connection failed:", error.message));
  await client.connect();
  let broken = false;
  try {
    // Migrations may build indexes on big tables: no statement timeout for them.
    await client.query("set statement_timeout = 0");
    await client.query("select pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
    try {
      await options.onLocked?.();
      await migrate(drizzle(client), { migrationsFolder: options.migrationsFolder ?? PG_MIGRATIONS_FOLDER });
    } finally {
      try {
        await client.query("select pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]);
      } catch (error) {
        // The connection is gone (and with it the lock); keep the migration's own error, if any.
        broken = true;
        console.error("could not release the migration lock (the connection ended, which releases it):", error);
      }
    }
  } finally {
    await client.end().catch((error: unknown) => {
      if (!broken) console.error("closing the migration connection failed:", error);
    });
  }
}
