import "server-only";
// The one place that opens the database. It reads no configuration itself: lib/database.ts passes
// the engine and location (from lib/env.ts) to configureDatabase, tests pass a database to useDatabase.
//
// Two engines behind one interface (Db): the embedded SQLite file (db/sqlite-db.ts, the default)
// and PostgreSQL (db/postgres-db.ts, when DATABASE_URL is set). The query layer is written once
// against db/tables.ts and db/dialect.ts; opening or using a database selects both (db/engine.ts).
//
// Writes that belong together run in writeTransaction. Inside it the callback's tx is the way to the
// database; query functions called without one join the transaction of the async context they run
// in (AsyncLocalStorage), and a nested writeTransaction fails loudly instead of waiting for a lock its
// own caller holds. A single write outside a transaction is a one-statement writeTransaction (query
// functions do this for you when given no tx).
import type BetterSqlite3 from "better-sqlite3";
import { TransactionRollbackError } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { AsyncLocalStorage } from "node:async_hooks";
import { join } from "node:path";
import type { EngineName } from "./dialect";
import { selectEngine } from "./engine";
import { openPostgres, type PostgresConfig, PostgresDb } from "./postgres-db";
import type * as schema from "./schema";
import { openDatabase, SqliteDb } from "./sqlite-db";

export { openDatabase, SqliteDb } from "./sqlite-db";
export { openPostgres, PostgresDb } from "./postgres-db";

/** Throw it inside writeTransaction to roll back (what drizzle's tx.rollback() threw). */
export { TransactionRollbackError };

/**
 * A drizzle connection: the read connection (or pool), or a write transaction's tx. Typed as the
 * SQLite one; on PostgreSQL it is drizzle's node-postgres database, whose builders take the same calls.
 */
export type Conn = BetterSQLite3Database<typeof schema> & { $client: BetterSqlite3.Database };
declare const txBrand: unique symbol;
/** The tx a writeTransaction callback is given: the only thing write queries accept. */
export type Tx = Conn & { readonly [txBrand]: true };
/** Anything reads may go through: the read connection or a tx. */
export type DbOrTx = Conn;

/** An open database, whichever the engine. */
export interface Db {
  readonly engine: EngineName;
  /** Where it is, for messages (never a password). */
  readonly location: string;
  /** Where reads outside a transaction go. */
  readonly read: Conn;
  /** Runs `fn` in one transaction on the engine (no joining: use writeTransaction). */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs one statement that is whole on its own, in turn with the engine's writers. */
  single<T>(fn: (conn: Tx) => Promise<T> | T): Promise<T>;
  /** Rejects when the database does not answer (the health check). */
  ping(): Promise<void>;
  close(): void | Promise<void>;
}

export type DatabaseConfig = { engine: "sqlite"; path: string } | ({ engine: "postgres" } & PostgresConfig);

export const DEFAULT_DATABASE_PATH = join("data", "shared-lives.db");

type Shared = {
  sharedLivesDb?: Db;
  sharedLivesDbKey?: string;
  sharedLivesConfig?: () => DatabaseConfig;
  sharedLivesTx?: AsyncLocalStorage<TxContext>;
};
type TxContext = { db: Db; tx: Tx; open: boolean };
// On globalThis: Next.js may load this module more than once (instrumentation, routes, hot reloads).
const shared = globalThis as unknown as Shared;
const transactions = (shared.sharedLivesTx ??= new AsyncLocalStorage<TxContext>());

// The engine this copy of db/ speaks (its dialect and tables). Not on globalThis: each copy of the
// module graph that Next.js loads (the instrumentation hook's, the routes') has its own
// db/dialect.ts and db/tables.ts, and each must be switched, or a route that finds the database
// opened by another copy would query PostgreSQL with the SQLite tables.
let engineHere: EngineName = "sqlite";
function speak(db: Db): Db {
  if (engineHere !== db.engine) {
    selectEngine(db.engine);
    engineHere = db.engine;
  }
  return db;
}
// A copy loaded after the database was opened switches at once, before any query is built.
if (shared.sharedLivesDb) speak(shared.sharedLivesDb);

/** Where getDb() opens the database; called by lib/database.ts with lib/env.ts's values. */
export function configureDatabase(config: () => DatabaseConfig): void {
  shared.sharedLivesConfig = config;
}

function keyOf(config: DatabaseConfig): string {
  return config.engine === "sqlite" ? `sqlite:${config.path}` : `postgres:${config.url}`;
}

/** Opens the database a configuration names (PostgreSQL: the pool only; see migrateDatabase). */
export function openConfigured(config: DatabaseConfig): Db {
  return config.engine === "sqlite" ? openDatabase(config.path) : openPostgres(config);
}

/**
 * The process-wide database, opened on first use (SQLite: and migrated; PostgreSQL: call
 * migrateDatabase() first, as lib/database.ts's openConfiguredDatabase does); cached across hot reloads.
 */
export function getDb(): Db {
  const configure = shared.sharedLivesConfig;
  const open = shared.sharedLivesDb;
  if (open && !configure) return speak(open);
  if (!configure) throw new Error("The database is not configured: import lib/database.ts (configureDatabase) before the first query.");
  const config = configure();
  const key = keyOf(config);
  if (open && shared.sharedLivesDbKey === key) return speak(open);
  const db = openConfigured(config);
  shared.sharedLivesDb = db;
  shared.sharedLivesDbKey = key;
  return speak(db);
}

/** Brings the database's schema up to date: SQLite did so on opening; PostgreSQL under its advisory lock. */
export async function migrateDatabase(db: Db): Promise<void> {
  if (db instanceof PostgresDb) await db.migrate();
}

/** For tests and tools: use this database as the process-wide one (until the next call). */
export function useDatabase(db: Db): void {
  shared.sharedLivesDb = db;
  shared.sharedLivesDbKey = undefined;
  shared.sharedLivesConfig = undefined;
  speak(db);
}

function currentTransaction(): TxContext | undefined {
  const context = transactions.getStore();
  return context?.open ? context : undefined;
}

/** Where a read goes by default: the current transaction's tx, else the read connection. */
export function reader(): DbOrTx {
  return currentTransaction()?.tx ?? getDb().read;
}

/**
 * Runs writes that belong together in one transaction. SQLite: IMMEDIATE, on the write connection,
 * one at a time in this process (the write lock is taken at the start, so two requests cannot both
 * read, decide and then fail to upgrade to a write). PostgreSQL: on a pooled connection of its own.
 * Commits when `fn` resolves, rolls back when it throws.
 */
export async function writeTransaction<T>(fn: (tx: Tx) => Promise<T> | T, db: Db = getDb()): Promise<T> {
  if (currentTransaction()?.db === db) {
    throw new Error("writeTransaction was called inside another write transaction: use the tx you were given.");
  }
  return db.transaction(async (tx) => {
    const context: TxContext = { db, tx, open: true };
    try {
      return await transactions.run(context, () => fn(tx));
    } finally {
      context.open = false;
    }
  });
}

/**
 * One statement that is whole on its own (an upsert), without BEGIN … COMMIT around it (SQLite: in
 * turn with the write transactions); inside a transaction it joins it.
 */
export async function singleWrite<T>(fn: (conn: Tx) => T, db: Db = getDb()): Promise<T> {
  const current = currentTransaction();
  if (current) return fn(current.tx);
  return db.single(fn);
}

/**
 * How write queries run: on the tx given, else in the current transaction, else as a
 * one-statement writeTransaction of their own.
 */
export async function onWriter<T>(tx: Tx | undefined, fn: (tx: Tx) => Promise<T> | T): Promise<T> {
  if (tx) return fn(tx);
  const current = currentTransaction();
  if (current) return fn(current.tx);
  return await writeTransaction(fn);
}

/** @internal the SQLite database behind `db`, for SQLite-only tools; throws on PostgreSQL. */
export function sqliteOnly(db: Db, what: string): SqliteDb {
  if (db instanceof SqliteDb) return db;
  throw new Error(`${what} works on the SQLite file only; this database is PostgreSQL.`);
}

/** Closes the process-wide database (scripts, before they exit: a PostgreSQL pool keeps a process alive). */
export async function closeDb(): Promise<void> {
  const open = shared.sharedLivesDb;
  shared.sharedLivesDb = undefined;
  shared.sharedLivesDbKey = undefined;
  await open?.close();
}
