import "server-only";
// The server engine: PostgreSQL through node-postgres (pg) with a connection pool, for deployments
// with several app instances on one shared database (DATABASE_URL).
//
// No in-process lock: each write transaction runs on a pooled connection of its own at PostgreSQL's
// default isolation (READ COMMITTED). What must not race is made safe in the database, so it holds
// across instances: unique (partial) indexes for every "at most one" rule, and dialect.lockFor()
// (a transaction-scoped advisory lock) where a decision must be serialised.
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Conn, Db, Tx } from "./client";
import { nameStatementsOnServer } from "./dialect";
import { buildPgPoolOptions, describeSsl, type PgConnectionInput } from "./pg-connection-options";
import { migratePostgres } from "./pg-migrate";
import * as schema from "./schema-pg";

export type PostgresConfig = Omit<PgConnectionInput, "readFile" | "applicationName"> & {
  /** Name the hot statements on the server (the default); false behind a pooler that cannot keep them. */
  namedStatements?: boolean;
};

/** What drizzle's node-postgres database offers that the shared query layer's types do not name. */
type PgDrizzle = {
  transaction<T>(fn: (tx: unknown) => Promise<T>): Promise<T>;
  execute(query: ReturnType<typeof sql>): Promise<{ rows: unknown[] }>;
};

export class PostgresDb implements Db {
  readonly engine = "postgres" as const;
  readonly read: Conn;
  private migrated: Promise<void> | null = null;

  constructor(
    readonly config: PostgresConfig,
    readonly pool: pg.Pool,
    readonly options: pg.PoolConfig,
  ) {
    // The query layer is typed against the SQLite tables; both schemas give the same row types
    // (test/unit/schema-parity.test.ts) and drizzle's builders take either at run time.
    this.read = drizzle(pool, { schema }) as unknown as Conn;
  }

  /** The server and database, never the password: for logs. */
  get location(): string {
    const u = safeUrl(this.config.url);
    return `${u} (${describeSsl(this.options)})`;
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return (this.read as unknown as PgDrizzle).transaction((tx) => fn(tx as Tx));
  }

  async single<T>(fn: (conn: Tx) => Promise<T> | T): Promise<T> {
    return fn(this.read as Tx);
  }

  async ping(): Promise<void> {
    await (this.read as unknown as PgDrizzle).execute(sql`select 1`);
  }

  /** Applies any migrations not yet applied (once per process; safe with several instances). */
  migrate(): Promise<void> {
    this.migrated ??= migratePostgres({ connection: this.options }).catch((error: unknown) => {
      this.migrated = null;
      throw error;
    });
    return this.migrated;
  }

  async close(): Promise<void> {
    if (this.pool.ended || this.pool.ending) return; // closing twice is harmless, as on SQLite
    await this.pool.end();
  }
}

function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    u.search = "";
    return u.toString();
  } catch {
    return "postgres://(unreadable address)";
  }
}

/** Opens a pool on DATABASE_URL; connections are made on first use. Call migrate() before serving. */
export function openPostgres(config: PostgresConfig): PostgresDb {
  // A request waits at most 5 s for a connection (node-postgres's default is for ever): when the
  // server is down, pages fail and /health says 503 instead of every request hanging.
  const options = buildPgPoolOptions({ connectTimeoutMs: 5_000, ...config, applicationName: "shared-lives" });
  const pool = new pg.Pool(options);
  watchConnections(pool);
  nameStatementsOnServer(config.namedStatements ?? true);
  return new PostgresDb(config, pool, options);
}

/**
 * Keeps a connection that the server drops (a restart, a failover, pg_terminate_backend) from
 * ending the process: node-postgres emits 'error' on the connection's Client, and an 'error' event
 * with no listener is thrown as an uncaught exception.
 *
 * The pool listens only while a connection is idle (and re-emits on the pool). A connection that
 * is checked out, say a write transaction between two statements, has no listener at all, and
 * `pg_ctl restart -m fast` under load killed a script outright that way ("terminating connection
 * due to administrator command", 57P01); `next start` survives only because Next.js logs uncaught
 * exceptions instead of exiting. So every connection gets its own listener when it is made. The
 * request using it still fails (its statement is rejected), and the pool never hands the broken
 * connection out again: it drops any connection that has failed when it is released.
 */
function watchConnections(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    client.on("error", (error) => console.error("PostgreSQL: a connection failed and will be replaced:", error.message));
  });
  // The pool re-emits an idle connection's error here; the listener above has logged it already.
  pool.on("error", () => {});
}
