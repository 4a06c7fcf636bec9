import "server-only";
// The one place that opens the SQLite database. Every other module asks getDb() for it.
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");
export const DEFAULT_DATABASE_PATH = join("data", "shared-lives.db");

/**
 * Opens a database file (or ":memory:"), sets the pragmas every connection needs and applies any
 * migrations it has not had yet.
 *
 * - WAL lets readers carry on while one writer writes.
 * - synchronous=FULL: in WAL mode every commit is fsync'd before it is acknowledged, so an answer
 *   or certificate the site has confirmed survives a power cut, not only a crash of the process
 *   (NORMAL would survive a crash but could lose the last commits on power loss). The cost is one
 *   fsync per write transaction, small next to the rendering work of a page.
 * - busy_timeout: a writer waits up to 5 s for another instead of failing with SQLITE_BUSY.
 */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(resolve(/*turbopackIgnore: true*/ path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

const globalForDb = globalThis as unknown as { sharedLivesDb?: Db; sharedLivesDbPath?: string };

export function databasePath(): string {
  return process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}

/** The process-wide connection, opened (and migrated) on first use; cached across hot reloads. */
export function getDb(): Db {
  const path = databasePath();
  if (!globalForDb.sharedLivesDb || globalForDb.sharedLivesDbPath !== path) {
    globalForDb.sharedLivesDb = openDatabase(path);
    globalForDb.sharedLivesDbPath = path;
  }
  return globalForDb.sharedLivesDb;
}

/** For tests: use this connection as the process-wide one. */
export function useDatabase(db: Db, path = ":memory:"): void {
  globalForDb.sharedLivesDb = db;
  globalForDb.sharedLivesDbPath = path;
  process.env.DATABASE_PATH = path;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * Runs writes that belong together in one IMMEDIATE transaction: the write lock is taken at the
 * start, so two requests cannot both read, decide and then fail to upgrade to a write.
 */
export function writeTransaction<T>(fn: (tx: Tx) => T, db: Db = getDb()): T {
  return db.transaction(fn, { behavior: "immediate" });
}
