// Backup and restore of a PostgreSQL database with pg_dump and pg_restore, for `npm run backup`
// and `npm run restore` when DATABASE_URL names PostgreSQL (scripts/backup.ts, scripts/restore.ts).
// In production the managed service's point-in-time recovery is the first line; these dumps are the
// portable copy you can keep off the service, move, and practise restoring (docs/operations.md).
//
// - pg_dump -Fc (custom format: compressed, restorable table by table) runs inside a snapshot this
//   module exports from a REPEATABLE READ transaction, so the row counts printed (read in that
//   transaction) are exactly what the file holds. The file is written beside its final name with
//   mode 600 (it holds personal data), checked with `pg_restore --list`, flushed and only then
//   renamed, like the SQLite backup.
// - Restore: checks the file first; keeps the current database as a dump of its own
//   (…-before-restore.dump) so the restore can be undone; then `pg_restore --clean --if-exists
//   --single-transaction --exit-on-error` (all or nothing), without owners or grants (a managed
//   service's restoring role may not be the original owner); then applies any newer migrations.
// - The password never appears on a command line (other users can see those in `ps`): it goes to
//   pg_dump/pg_restore in PGPASSWORD; a CA file in PGSSLROOTCERT. libpq reads sslmode from the URL.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, chmodSync, statSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import pg from "pg";
import { buildPgPoolOptions } from "./pg-connection-options";
import { migratePostgres } from "./pg-migrate";
import { fsyncPath } from "./fsync";
import { unusedPath } from "./unused-path";

export type PgTarget = { url: string; caFile?: string };
export type PgBackupResult = { file: string; bytes: number; tables: Record<string, number>; ms: number };
export type PgRestoreResult = { restored: string; from: string; safetyCopy: string; tables: Record<string, number>; ms: number };

/**
 * pg_dump or pg_restore: the newest of Debian's /usr/lib/postgresql/<major>/bin, else the one on
 * PATH. pg_dump must be at least the server's major version (it says so when it is not).
 */
// The search PATH is the process environment itself, not configuration (db/ may not import lib/env.ts).
// eslint-disable-next-line no-restricted-properties
export function findPgTool(name: "pg_dump" | "pg_restore", env: Record<string, string | undefined> = process.env, root = "/usr/lib/postgresql"): string {
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((d) => /^\d+(\.\d+)?$/.test(d) && existsSync(join(root, d, "bin", name)))
      .sort((a, b) => Number(b) - Number(a));
    if (majors.length) return join(root, majors[0]!, "bin", name);
  }
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(
    `${name} was not found (looked in /usr/lib/postgresql/*/bin and on PATH). Install the PostgreSQL client tools ` +
      `of the server's major version or newer (Debian/Ubuntu: apt-get install postgresql-client).`,
  );
}

/** The URL for libpq without its password, and the environment that carries the password. */
export function libpqConnection(target: PgTarget): { dbname: string; env: Record<string, string> } {
  const env: Record<string, string> = {};
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@/i.exec(target.url);
  let dbname = target.url;
  if (match) {
    const userinfo = match[2]!;
    const colon = userinfo.indexOf(":");
    if (colon >= 0) {
      env.PGPASSWORD = decodeURIComponent(userinfo.slice(colon + 1));
      dbname = match[1]! + userinfo.slice(0, colon) + "@" + target.url.slice(match[0].length);
    }
  }
  // node-postgres's own "no-verify" is not libpq's: libpq's nearest is require (TLS, no checks).
  dbname = dbname.replace(/([?&]sslmode=)no-verify\b/, "$1require");
  if (target.caFile) env.PGSSLROOTCERT = target.caFile;
  return { dbname, env };
}

/** The database's name from its URL, for file names. */
export function databaseNameOf(url: string): string {
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\/([^?#]*)/i.exec(url)?.[1];
  return decodeURIComponent(path || "postgres").replace(/[^A-Za-z0-9_.-]/g, "_");
}

export function defaultPgBackupPath(url: string, at = new Date(), folder = join("data", "backups")): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  return resolve(folder, `${databaseNameOf(url)}-${stamp}.dump`);
}

/** Row counts of every table in the public schema (exact: count(*)), in the client's transaction. */
export async function pgTableCounts(client: pg.ClientBase): Promise<Record<string, number>> {
  const tables = await client.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    counts[name] = (await client.query<{ n: number }>(`select count(*)::int as n from "${name.replace(/"/g, '""')}"`)).rows[0]!.n;
  }
  return counts;
}


/** Runs a tool, its stdout to `stdoutFd` if given; rejects with its stderr on a non-zero exit. */
function run(tool: string, args: string[], env: Record<string, string>, stdoutFd?: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    // The child inherits this environment (PATH, locale), with the connection settings added.
    // eslint-disable-next-line no-restricted-properties
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ["ignore", stdoutFd ?? "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolvePromise(out);
      else reject(new Error(`${tool.split("/").pop()} ${signal ? `was stopped by ${signal}` : `exited with ${code}`}: ${err.trim() || "(no message)"}`));
    });
  });
}

/** What a dump holds, from `pg_restore --list`; throws when the file is not a readable dump. */
async function listDump(file: string): Promise<string> {
  return run(findPgTool("pg_restore"), ["--list", file], {});
}

/** Writes a pg_dump -Fc of the database to `outPath` (which must not exist yet). */
export async function backupPostgres(target: PgTarget, outPath: string): Promise<PgBackupResult> {
  const started = Date.now();
  const out = resolve(outPath);
  if (existsSync(out)) throw new Error(`${out} already exists. Choose a new file name; a backup never overwrites another.`);
  const pgDump = findPgTool("pg_dump");
  mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });

  const client = new pg.Client({ ...buildPgPoolOptions({ url: target.url, caFile: target.caFile }), application_name: "shared-lives backup" });
  await client.connect();
  let tables: Record<string, number>;
  try {
    // One snapshot for the counts and the dump alike.
    await client.query("begin isolation level repeatable read read only");
    const snapshot = (await client.query<{ id: string }>("select pg_export_snapshot() as id")).rows[0]!.id;
    tables = await pgTableCounts(client);
    const { dbname, env } = libpqConnection(target);
    const fd = openSync(partial, "wx", 0o600);
    try {
      await run(pgDump, ["--format=custom", `--snapshot=${snapshot}`, "--dbname", dbname], env, fd);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    await client.query("commit");
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  try {
    const listing = await listDump(partial);
    if (!/TABLE DATA public people /.test(listing)) throw new Error("the dump has no data for the people table");
  } catch (error) {
    rmSync(partial, { force: true });
    throw new Error(`The dump failed its check (pg_restore --list): ${(error as Error).message}`);
  }
  chmodSync(partial, 0o600);
  renameSync(partial, out);
  fsyncPath(dirname(out));
  return { file: out, bytes: statSync(out).size, tables, ms: Date.now() - started };
}

/**
 * Replaces the database's contents with the dump at `backupPath`. Stop the site first. Keeps the
 * current contents in `safetyFolder` (default data/backups) before touching anything.
 */
export async function restorePostgres(target: PgTarget, backupPath: string, safetyFolder = join("data", "backups")): Promise<PgRestoreResult> {
  const started = Date.now();
  const from = resolve(backupPath);
  if (!existsSync(from)) throw new Error(`There is no backup at ${from}.`);
  let listing: string;
  try {
    listing = await listDump(from);
  } catch (error) {
    throw new Error(`That file is not a readable pg_dump archive (${(error as Error).message}); nothing was changed.`);
  }
  if (!/TABLE DATA public people /.test(listing) || !/TABLE DATA drizzle __drizzle_migrations /.test(listing)) {
    throw new Error("That file is not a backup of this site's database (no people or migrations table); nothing was changed.");
  }

  const safetyCopy = unusedPath(defaultPgBackupPath(target.url, new Date(), safetyFolder).replace(/\.dump$/, "-before-restore.dump"));
  await backupPostgres(target, safetyCopy);

  const { dbname, env } = libpqConnection(target);
  await run(
    findPgTool("pg_restore"),
    ["--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--dbname", dbname, from],
    env,
  );
  // As the site would on start: any migrations newer than the backup.
  await migratePostgres({ connection: buildPgPoolOptions({ url: target.url, caFile: target.caFile }) });

  const client = new pg.Client(buildPgPoolOptions({ url: target.url, caFile: target.caFile }));
  await client.connect();
  try {
    return { restored: databaseNameOf(target.url), from, safetyCopy, tables: await pgTableCounts(client), ms: Date.now() - started };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** For scripts: whether pg_dump can be found, without throwing. */
export function pgToolsAvailable(): boolean {
  try {
    findPgTool("pg_dump");
    findPgTool("pg_restore");
    return spawnSync(findPgTool("pg_dump"), ["--version"]).status === 0;
  } catch {
    return false;
  }
}
