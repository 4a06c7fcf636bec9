// The PostgreSQL server the bench runs against (`npm run bench -- --engine postgres`): the one
// TEST_DATABASE_URL or DATABASE_URL names (the bench makes databases of its own on it, slt_bench_*,
// and never touches the database the address names), else a throwaway server started here with
// scripts/lib/postgres.sh and stopped at the end. The throwaway server keeps fsync on (--durable),
// so that a commit waits for the disk as it does on the SQLite file (synchronous=FULL). Only a
// throwaway server may be restarted (bench/instances.ts restarts it under load).
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import pg from "pg";
import { buildPgPoolOptions } from "@/db/pg-connection-options";
import { ROOT, log } from "./server";

export type PgServer = {
  /** An address on the server, for its maintenance database (never a bench database). */
  url: string;
  caFile?: string;
  /** Where it came from, for the report. */
  origin: string;
  /** The address of one database on the same server, with the same user, password and options. */
  database(name: string): string;
  /** A connection to the maintenance database, for CREATE and DROP DATABASE. */
  admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T>;
  /** True when this process started the server: then it may restart it. */
  throwaway: boolean;
  /**
   * Restarts a throwaway server as its owner (`pg_ctl stop -m fast`, `downSeconds`, `pg_ctl
   * start`; with no pause, `pg_ctl restart`); resolves when it accepts connections again.
   */
  restart(downSeconds: number): Promise<void>;
  stop(): void;
};

const POSTGRES_SH = join(ROOT, "scripts", "lib", "postgres.sh");

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs bash with scripts/lib/postgres.sh sourced, without blocking: the load carries on meanwhile. */
function postgresSh(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", `set -euo pipefail; source "$1"; ${script}`, "bench", POSTGRES_SH, ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`scripts/lib/postgres.sh failed (${code}):\n${err}`))));
  });
}

type Restart = ((downSeconds: number) => Promise<void>) | null;

function server(url: string, caFile: string | undefined, origin: string, stop: () => void, restart: Restart): PgServer {
  return {
    url,
    caFile,
    origin,
    throwaway: restart !== null,
    restart: restart ?? (() => Promise.reject(new Error("the server was given (TEST_DATABASE_URL or DATABASE_URL): the bench does not restart it"))),
    database: (name) => withDatabase(url, name),
    admin: async (fn) => {
      const client = new pg.Client({ ...buildPgPoolOptions({ url, caFile }), application_name: "shared-lives bench" });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    },
    stop,
  };
}

/** The server named by TEST_DATABASE_URL or DATABASE_URL, else a throwaway one (stopped by stop(), or at exit). */
export function benchPostgres(): PgServer {
  const given = process.env.TEST_DATABASE_URL ? "TEST_DATABASE_URL" : process.env.DATABASE_URL ? "DATABASE_URL" : null;
  if (given) {
    const caFile = (given === "TEST_DATABASE_URL" ? process.env.TEST_DATABASE_CA_FILE : process.env.DATABASE_CA_FILE) || undefined;
    log(`PostgreSQL: the server at ${given} (the bench's own databases on it: slt_bench_*)`);
    return server(process.env[given]!, caFile, `the server at ${given}`, () => {}, null);
  }
  const env = { ...process.env, TEST_DATABASE_URL: "", TEST_DATABASE_CA_FILE: "" };
  const started = spawnSync(
    "bash",
    ["-c", `source "$1" && ensure_postgres_installed && start_throwaway_postgres --durable >&2 && printf '%s\\n' "$TEST_DATABASE_URL" "$PG_THROWAWAY_DIR" "$PG_THROWAWAY_BIN"`, "bench", POSTGRES_SH],
    { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  const [url, dir, bin] = started.stdout.trim().split("\n");
  if (started.status !== 0 || !url || !dir || !bin) throw new Error("could not start a throwaway PostgreSQL (scripts/lib/postgres.sh); set TEST_DATABASE_URL to use a server of your own");
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync("bash", ["-c", `source "$1" && PG_THROWAWAY_DIR="$2" PG_THROWAWAY_BIN="$3" && stop_throwaway_postgres`, "bench", POSTGRES_SH, dir, bin], { cwd: ROOT, stdio: "inherit" });
    log("stopped the throwaway PostgreSQL");
  };
  // Never left running: also stopped when the bench fails or is interrupted.
  process.on("exit", stop);
  const restart = (downSeconds: number) =>
    postgresSh(`PG_THROWAWAY_DIR="$2" PG_THROWAWAY_BIN="$3" && restart_throwaway_postgres fast "$4"`, [dir, bin, String(Math.max(0, Math.round(downSeconds)))]);
  return server(url, undefined, "a throwaway server (scripts/lib/postgres.sh, fsync on)", stop, restart);
}

/** A fresh, empty database `name` (dropped first if it is there). */
export async function recreateDatabase(s: PgServer, name: string, template?: string): Promise<void> {
  const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
  await s.admin(async (c) => {
    await c.query(`drop database if exists ${q(name)} with (force)`);
    await c.query(`create database ${q(name)}${template ? ` template ${q(template)}` : ""}`);
  });
}
