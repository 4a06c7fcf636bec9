// The PostgreSQL server a bench runs against: the one named by DATABASE_URL or TEST_DATABASE_URL,
// or a throwaway one started with scripts/lib/postgres.sh (the same code the test command uses),
// which this process may also restart. Each run gets a fresh database of its own on it.
import { spawn, spawnSync } from "node:child_process";
import pg from "pg";
import { buildPgPoolOptions } from "@/db/pg-connection-options";
import { withDatabase } from "../../test/helpers/pg";
import { ROOT, log } from "./server";

export type BenchPostgres = {
  /** The server's address (its own database, for creating and dropping others). */
  serverUrl: string;
  caFile?: string;
  /** True when this process started the server: then it may restart it. */
  throwaway: boolean;
  /**
   * Restarts it as its owner (`pg_ctl stop -m fast`, `downSeconds`, `pg_ctl start`; with no pause,
   * `pg_ctl restart -m fast`); resolves when it accepts connections again.
   */
  restart(downSeconds: number): Promise<void>;
  /** A new, empty database on the server; its URL. */
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  /** Drops nothing; stops the server if this process started it. */
  stop(): Promise<void>;
};

/** Runs bash with scripts/lib/postgres.sh sourced; resolves with stdout, rejects with its stderr. Async: the load carries on meanwhile. */
function postgresSh(script: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", `set -euo pipefail; source scripts/lib/postgres.sh; ${script}`], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`scripts/lib/postgres.sh: ${script.split(" ")[0]} failed (${code}):\n${err}`))));
  });
}

async function adminQuery(url: string, caFile: string | undefined, text: string): Promise<void> {
  const client = new pg.Client(buildPgPoolOptions({ url, caFile, connectTimeoutMs: 10_000 }));
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Database names made here are plain identifiers: checked, since they go into SQL as they are. */
function checkedName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  return name;
}

export async function benchPostgres(): Promise<BenchPostgres> {
  const given = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  const givenCa = process.env.DATABASE_CA_FILE || process.env.TEST_DATABASE_CA_FILE || undefined;
  const common = (serverUrl: string, caFile: string | undefined) => ({
    serverUrl,
    caFile,
    async createDatabase(name: string) {
      await adminQuery(serverUrl, caFile, `create database ${checkedName(name)}`);
      return withDatabase(serverUrl, name);
    },
    async dropDatabase(name: string) {
      await adminQuery(serverUrl, caFile, `drop database if exists ${checkedName(name)} with (force)`);
    },
  });
  if (given) {
    log(`using the PostgreSQL server at ${given.replace(/\/\/[^@/]*@/, "//…@")} (not restarted: it is not this script's)`);
    return {
      ...common(given, givenCa),
      throwaway: false,
      restart: () => Promise.reject(new Error("the server was given (DATABASE_URL or TEST_DATABASE_URL): this script does not restart it")),
      stop: async () => {},
    };
  }
  const out = await postgresSh(
    'ensure_postgres_installed >&2 && start_throwaway_postgres >&2 && printf "%s\\n%s\\n%s\\n" "$TEST_DATABASE_URL" "$PG_THROWAWAY_DIR" "$PG_THROWAWAY_BIN"',
    { TEST_DATABASE_URL: "" },
  );
  const [url, dir, bin] = out.trim().split("\n");
  if (!url || !dir || !bin) throw new Error(`start_throwaway_postgres said nothing usable: ${out}`);
  log(`started a throwaway PostgreSQL at ${url} (${dir})`);
  // The shell functions know their server by these globals: set them before each call.
  const withServer = (call: string) => `PG_THROWAWAY_DIR="$SLT_DIR"; PG_THROWAWAY_BIN="$SLT_BIN"; ${call}`;
  const env = { SLT_DIR: dir, SLT_BIN: bin };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await postgresSh(withServer("stop_throwaway_postgres"), env);
  };
  // Never leave a server behind when the bench ends early.
  process.once("exit", () => {
    if (!stopped) {
      // Synchronous on exit: a last attempt; the folder is in /tmp either way.
      spawnSync("bash", ["-c", `source scripts/lib/postgres.sh; ${withServer("stop_throwaway_postgres")}`], { cwd: ROOT, env: { ...process.env, ...env } });
    }
  });
  return {
    ...common(url, undefined),
    throwaway: true,
    restart: async (downSeconds: number) => {
      await postgresSh(withServer(`restart_throwaway_postgres fast ${Math.max(0, Math.round(downSeconds))}`), env);
    },
    stop,
  };
}
