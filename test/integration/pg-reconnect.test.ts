// PostgreSQL: a connection the server drops (a restart, a failover, an administrator) fails the
// work that was using it, never the process, and the pool carries on with new connections. Before
// db/postgres-db.ts gave every connection an 'error' listener, a connection dropped inside a write
// transaction, between two statements, was an uncaught exception: `pg_ctl restart -m fast` under
// load ended a script that way (bench/instances.ts restarts PostgreSQL under load, end to end).
// Runs only when TEST_DATABASE_URL names a server it may create databases on.
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type PostgresDb, openPostgres } from "@/db/client";
import { buildPgPoolOptions } from "@/db/pg-connection-options";
import { testPostgres, withDatabase } from "../helpers/pg";

const { baseUrl, caFile } = testPostgres("test/integration/pg-reconnect.test.ts", "dropped connections were not tested");

type Executes = { execute(query: ReturnType<typeof sql>): Promise<{ rows: Record<string, unknown>[] }> };

describe.skipIf(!baseUrl)("PostgreSQL connections the server drops", () => {
  const database = `slt_reconnect_${process.pid}_${Date.now().toString(36)}`;
  let admin: pg.Client;
  let db: PostgresDb;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    admin = new pg.Client(buildPgPoolOptions({ url: baseUrl!, caFile }));
    await admin.connect();
    await admin.query(`create database ${database}`);
    db = openPostgres({ url: withDatabase(baseUrl!, database), caFile, poolSize: 3 });
    process.on("uncaughtException", onUncaught);
  });

  beforeEach(() => {
    uncaught.length = 0;
  });

  afterAll(async () => {
    process.off("uncaughtException", onUncaught);
    await db?.close();
    if (admin) {
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
  });

  const terminate = async (where: string, ...params: unknown[]) => {
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database}' and ${where}`, params);
    // Let the server's "terminating connection" message reach the client while it runs nothing.
    await new Promise((r) => setTimeout(r, 200));
  };

  it("inside a write transaction, between two statements: that transaction fails, nothing else", async () => {
    const work = db.transaction(async (tx) => {
      const { rows } = await (tx as unknown as Executes).execute(sql`select pg_backend_pid() as pid`);
      await terminate("pid = $1", rows[0]!.pid);
      await (tx as unknown as Executes).execute(sql`select 1`);
    });
    await expect(work).rejects.toThrow();
    expect(uncaught).toEqual([]);
    await db.ping();
    expect(db.pool.totalCount).toBeLessThanOrEqual(3);
  });

  it("idle in the pool: replaced on next use", async () => {
    await Promise.all([db.ping(), db.ping(), db.ping()]);
    expect(db.pool.idleCount).toBeGreaterThan(0);
    await terminate("application_name = 'shared-lives'");
    expect(db.pool.idleCount).toBe(0);
    await db.ping();
    expect(uncaught).toEqual([]);
  });
});
