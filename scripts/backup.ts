// A consistent copy of the live database, taken while the site runs: `npm run backup [-- <file>]`.
//
// It uses SQLite's VACUUM INTO, which reads one snapshot of the database inside a single read
// transaction (writers carry on meanwhile, thanks to WAL) and writes it out as a new, compact file.
// Never copy the .db file itself while the site runs: the last commits may still be in the -wal
// file, and a copy taken during a write can be torn.
//
// The copy is written beside its final name, checked (PRAGMA integrity_check), flushed to disk and
// only then renamed into place, so a crash never leaves a half-written backup under the real name.
// It holds personal data: it is created readable by its owner only (mode 600).
//
// Default file: data/backups/shared-lives-YYYY-MM-DDTHH-MM-SSZ.db, beside the database.
// Restore with `npm run restore -- <file>` (scripts/restore.ts; docs/operations.md).
//
// With DATABASE_URL=postgres://… set, it runs pg_dump -Fc instead (db/pg-backup.ts), into
// data/backups/<database>-YYYY-MM-DDTHH-MM-SSZ.dump, with the same care (mode 600, renamed into place).
import { type RawConnection, openRawConnection } from "@/db/raw";
import { existsSync, mkdirSync, renameSync, rmSync, chmodSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { databasePath as databasePathFromEnv, postgresFromEnv } from "@/lib/env";
import { fsyncPath } from "@/db/fsync";

export type BackupResult = { file: string; bytes: number; tables: Record<string, number>; ms: number };

/** Row counts of the tables people care about, to print and to compare after a restore. */
export function tableCounts(db: RawConnection): Record<string, number> {
  const tables = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
}


export function defaultBackupPath(databasePath: string, at = new Date()): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  return join(dirname(resolve(databasePath)), "backups", `${basename(databasePath, ".db")}-${stamp}.db`);
}

/** Writes a consistent copy of `databasePath` to `outPath` (which must not exist yet). */
export function backupDatabase(databasePath: string, outPath: string): BackupResult {
  const started = Date.now();
  const source = resolve(databasePath);
  const out = resolve(outPath);
  if (!existsSync(source)) throw new Error(`There is no database at ${source}.`);
  if (existsSync(out)) throw new Error(`${out} already exists. Choose a new file name; a backup never overwrites another.`);
  mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });

  // Read-only: a backup never changes the live database. busy_timeout lets it wait out a checkpoint.
  const db = openRawConnection(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("VACUUM INTO ?").run(partial);
  } finally {
    db.close();
  }
  chmodSync(partial, 0o600);

  const copy = openRawConnection(partial, { readonly: true });
  let tables: Record<string, number>;
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The copy failed its integrity check: ${check}`);
    tables = tableCounts(copy);
  } finally {
    copy.close();
  }
  fsyncPath(partial);
  renameSync(partial, out);
  fsyncPath(dirname(out));
  return { file: out, bytes: statSync(out).size, tables, ms: Date.now() - started };
}

/** The URL without its password, to print. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");
}

function printCounts(tables: Record<string, number>): string {
  return Object.entries(tables)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n}`)
    .join(", ");
}

if (process.argv[1]?.endsWith("backup.ts")) {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const postgres = postgresFromEnv();
  if (args.includes("--help") || args.length > 1) {
    console.log(
      "Usage: npm run backup [-- <backup file>]\n" +
        "Copies the database while the site runs: with DATABASE_URL (postgres://…) set, a pg_dump -Fc of that database\n" +
        "(default data/backups/<database>-<time>.dump); otherwise the SQLite file named by DATABASE_PATH (default data/shared-lives.db).",
    );
    process.exit(args.includes("--help") ? 0 : 1);
  }
  if (postgres) {
    // Loaded only here, so the SQLite path needs nothing of pg.
    import("@/db/pg-backup")
      .then(async ({ backupPostgres, defaultPgBackupPath }) => {
        const result = await backupPostgres(postgres, args[0] ?? defaultPgBackupPath(postgres.url));
        console.log(
          `Backed up ${redactUrl(postgres.url)} to ${result.file} (pg_dump -Fc, ${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.ms} ms); archive checked.\n${printCounts(result.tables)}`,
        );
      })
      .catch((error) => {
        console.error(`Backup failed: ${(error as Error).message}`);
        process.exit(1);
      });
  } else {
    const databasePath = databasePathFromEnv();
    try {
      const result = backupDatabase(databasePath, args[0] ?? defaultBackupPath(databasePath));
      console.log(`Backed up ${databasePath} to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.ms} ms); integrity ok.\n${printCounts(result.tables)}`);
    } catch (error) {
      console.error(`Backup failed: ${(error as Error).message}`);
      process.exit(1);
    }
  }
}
