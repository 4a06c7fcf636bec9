import "server-only";
// The embedded engine: one SQLite file through better-sqlite3 (the default, and the one-command start).
//
// - a READ connection (query_only) for ordinary reads. In WAL mode it only ever sees committed
//   data, so a read never sees another request's uncommitted rows.
// - a WRITE connection for every write. Write transactions are `BEGIN IMMEDIATE … COMMIT` (ROLLBACK
//   on a throw) behind an in-process async lock, so one request at a time writes in this process
//   while the callback awaits; BEGIN IMMEDIATE and busy_timeout serialise against other processes.
// ":memory:" (tests) has one connection for both: another database would be another connection.
import BetterSqlite3 from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Conn, Db, Tx } from "./client";
import * as schema from "./schema";

export const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");

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

/** One open SQLite database: its read and write connections and the lock in front of the writer. */
export class SqliteDb implements Db {
  readonly engine = "sqlite" as const;
  readonly lock = new AsyncLock();
  constructor(
    readonly path: string,
    readonly read: Conn,
    /** Use only through transaction() and single(). */
    readonly writer: Tx,
    private readonly clients: BetterSqlite3.Database[],
  ) {}

  get location(): string {
    return this.path;
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      const client = this.client();
      client.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(this.writer);
        client.exec("COMMIT");
        return result;
      } catch (error) {
        if (client.inTransaction) client.exec("ROLLBACK");
        throw error;
      }
    });
  }

  async single<T>(fn: (conn: Tx) => Promise<T> | T): Promise<T> {
    return this.lock.run(async () => fn(this.writer));
  }

  async ping(): Promise<void> {
    this.client().prepare("select 1").get();
  }

  close(): void {
    for (const c of this.clients) if (c.open) c.close();
  }

  /** @internal for db/ modules that need the engine's own client (backup, raw checks). */
  client(): BetterSqlite3.Database {
    return this.clients[0]!;
  }
}

/**
 * Each connection's page cache, in KiB (SQLite's default is 2 MiB). The training matrix reads every
 * person of a scheme and their live certificate on each view: with 10,000 people that is ~25 MB of
 * pages, which a 2 MiB cache fetched from the operating system again every time (its SQL took a
 * fifth less time with the pages kept here). It fills only as pages are read.
 */
const CACHE_KIB = 64 * 1024;

function connect(path: string, readOnly: boolean): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`cache_size = -${CACHE_KIB}`);
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
 * - cache_size: see CACHE_KIB.
 */
export function openDatabase(path: string): SqliteDb {
  if (path !== ":memory:") mkdirSync(dirname(resolve(/*turbopackIgnore: true*/ path)), { recursive: true });
  const writeClient = connect(path, false);
  const writer = drizzle(writeClient, { schema }) as unknown as Tx;
  migrate(writer, { migrationsFolder: MIGRATIONS_FOLDER });
  if (path === ":memory:") return new SqliteDb(path, writer, writer, [writeClient]);
  const readClient = connect(path, true);
  return new SqliteDb(path, drizzle(readClient, { schema }) as unknown as Conn, writer, [writeClient, readClient]);
}
