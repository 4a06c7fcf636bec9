import "server-only";
// The one place that opens the database. It reads no configuration itself: lib/database.ts passes
// the location (from lib/env.ts) to configureDatabase, tests pass a database to useDatabase.
//
// Connections (a database file):
// - a READ connection (query_only) for ordinary reads. In WAL mode it only ever sees committed
//   data, so a read never sees another request's uncommitted rows.
// - a WRITE connection for every write. Writes that belong together run in writeTransaction:
//   `BEGIN IMMEDIATE … COMMIT` (ROLLBACK on a throw) behind an in-process async lock, so one request
//   at a time writes in this process while the callback awaits; BEGIN IMMEDIATE and busy_timeout
//   serialise against other processes. A single write outside a transaction is a one-statement
//   writeTransaction (query functions do this for you when given no tx).
// ":memory:" (tests) has one connection for both: another database would be another connection.
//
// Inside writeTransaction the callback's tx is the way to the database; query functions called
// without one join the transaction of the async context they run in (AsyncLocalStorage), and a
// nested writeTransaction fails loudly instead of waiting for a lock its own caller holds.
import BetterSqlite3 from "better-sqlite3";
import { TransactionRollbackError } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as schema from "./schema";

/** Throw it inside writeTransaction to roll back (what drizzle's tx.rollback() threw). */
export { TransactionRollbackError };

/** A drizzle connection: the read connection, or a write transaction's tx. */
export type Conn = BetterSQLite3Database<typeof schema> & { $client: BetterSqlite3.Database };
declare const txBrand: unique symbol;
/** The tx a writeTransaction callback is given: the only thing write queries accept. */
export type Tx = Conn & { readonly [txBrand]: true };
/** Anything reads may go through: the read connection or a tx. */
export type DbOrTx = Conn;

export type DatabaseConfig = { path: string };

export const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");
export const DEFAULT_DATABASE_PATH = join("data", "shared-lives.db");

/** Runs one async task at a time, in the order they asked. */
class AsyncLock {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/** One open database: its read and write connections and the lock in front of the writer. */
export class Db {
  readonly lock = new AsyncLock();
  constructor(
    readonly path: string,
    readonly read: Conn,
    /** Use only through writeTransaction. */
    readonly writer: Tx,
    private readonly clients: BetterSqlite3.Database[],
  ) {}

  close(): void {
    for (const c of this.clients) if (c.open) c.close();
  }

  /** @internal for db/ modules that need the engine's own client (backup, raw checks). */
  client(): BetterSqlite3.Database {
    return this.clients[0]!;
  }
}

function connect(path: string, readOnly: boolean): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  if (readOnly) sqlite.pragma("query_only = ON");
  return sqlite;
}

/**
 * Opens a database file (or ":memory:"), sets the pragmas every connection needs and applies any
 * migrations it has not had yet.
 *
 * - WAL lets readers carry on while one writer writes, and gives readers only committed data.
 * - synchronous=FULL: in WAL mode every commit is fsync'd before it is acknowledged, so an answer
 *   or certificate the site has confirmed survives a power cut, not only a crash of the process
 *   (NORMAL would survive a crash but could lose the last commits on power loss). The cost is one
 *   fsync per write transaction, small next to the rendering work of a page.
 * - busy_timeout: a writer waits up to 5 s for another instead of failing with SQLITE_BUSY.
 */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(resolve(/*turbopackIgnore: true*/ path)), { recursive: true });
  const writeClient = connect(path, false);
  const writer = drizzle(writeClient, { schema }) as unknown as Tx;
  migrate(writer, { migrationsFolder: MIGRATIONS_FOLDER });
  if (path === ":memory:") return new Db(path, writer, writer, [writeClient]);
  const readClient = connect(path, true);
  return new Db(path, drizzle(readClient, { schema }), writer, [writeClient, readClient]);
}

type Shared = {
  sharedLivesDb?: Db;
  sharedLivesConfig?: () => DatabaseConfig;
  sharedLivesTx?: AsyncLocalStorage<TxContext>;
};
type TxContext = { db: Db; tx: Tx; open: boolean };
// On globalThis: Next.js may load this module more than once (instrumentation, routes, hot reloads).
const shared = globalThis as unknown as Shared;
const transactions = (shared.sharedLivesTx ??= new AsyncLocalStorage<TxContext>());

/** Where getDb() opens the database; called by lib/database.ts with lib/env.ts's values. */
export function configureDatabase(config: () => DatabaseConfig): void {
  shared.sharedLivesConfig = config;
}

/** The process-wide database, opened (and migrated) on first use; cached across hot reloads. */
export function getDb(): Db {
  const config = shared.sharedLivesConfig;
  const open = shared.sharedLivesDb;
  if (open && (!config || open.path === config().path)) return open;
  if (!config) throw new Error("The database is not configured: import lib/database.ts (configureDatabase) before the first query.");
  shared.sharedLivesDb = openDatabase(config().path);
  return shared.sharedLivesDb;
}

/** For tests: use this database as the process-wide one (until the next call). */
export function useDatabase(db: Db): void {
  shared.sharedLivesDb = db;
  shared.sharedLivesConfig = () => ({ path: db.path });
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
 * Runs writes that belong together in one IMMEDIATE transaction on the write connection, one at a
 * time in this process: the write lock is taken at the start, so two requests cannot both read,
 * decide and then fail to upgrade to a write. Commits when `fn` resolves, rolls back when it throws.
 */
export async function writeTransaction<T>(fn: (tx: Tx) => Promise<T> | T, db: Db = getDb()): Promise<T> {
  if (currentTransaction()?.db === db) {
    throw new Error("writeTransaction was called inside another write transaction: use the tx you were given.");
  }
  return db.lock.run(async () => {
    const client = db.client();
    client.exec("BEGIN IMMEDIATE");
    const context: TxContext = { db, tx: db.writer, open: true };
    try {
      const result = await transactions.run(context, () => fn(db.writer));
      context.open = false;
      client.exec("COMMIT");
      return result;
    } catch (error) {
      context.open = false;
      if (client.inTransaction) client.exec("ROLLBACK");
      throw error;
    }
  });
}

/**
 * One statement that is whole on its own (an upsert), on the write connection, in turn with the
 * write transactions but without BEGIN … COMMIT around it; inside a transaction it joins it.
 */
export async function singleWrite<T>(fn: (conn: Tx) => T, db: Db = getDb()): Promise<T> {
  const current = currentTransaction();
  if (current) return fn(current.tx);
  return db.lock.run(async () => fn(db.writer));
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
