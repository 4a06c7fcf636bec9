// Puts a backup made by `npm run backup` back in place: `npm run restore -- <backup file> [--yes]`.
//
// Stop the site first (systemctl stop …, or Ctrl-C): a restore replaces every row, and people using
// the site meanwhile would lose what they did after the backup was taken.
//
// 1. Checks the backup (PRAGMA integrity_check) before touching anything.
// 2. Keeps the current database, if there is one, as a backup of its own
//    (data/backups/<name>-before-restore-<time>.db), so a restore can itself be undone.
// 3. Copies the backup into the database with SQLite's online backup API, which writes through
//    SQLite (the -wal and -shm files stay consistent) rather than replacing files under it.
// 4. Opens the result as the site would, which applies any migrations newer than the backup, and
//    checks it again.
//
// DATABASE_PATH names the database to restore into (default data/shared-lives.db).
//
// With DATABASE_URL=postgres://… set, the backup must be a pg_dump -Fc file (npm run backup makes
// one) and pg_restore puts it back in one transaction (db/pg-backup.ts; the same --yes is needed).
import { openRawConnection, rawConnection } from "@/db/raw";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { openDatabase } from "@/db/client";
import { unusedPath } from "@/db/unused-path";
import { databasePath as databasePathFromEnv, postgresFromEnv } from "@/lib/env";
import { backupDatabase, defaultBackupPath, redactUrl, tableCounts } from "./backup";

export type RestoreResult = { restored: string; from: string; safetyCopy: string | null; tables: Record<string, number> };

export async function restoreDatabase(backupPath: string, databasePath: string): Promise<RestoreResult> {
  const from = resolve(backupPath);
  const target = resolve(databasePath);
  if (!existsSync(from)) throw new Error(`There is no backup at ${from}.`);
  if (from === target) throw new Error("The backup and the database are the same file.");

  const source = openRawConnection(from, { readonly: true, fileMustExist: true });
  try {
    const check = source.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The backup failed its integrity check (${check}); nothing was changed.`);
    const migrated = source.prepare("select count(*) as n from sqlite_master where name = '__drizzle_migrations'").get() as { n: number };
    if (migrated.n !== 1) throw new Error("That file is not a backup of this site's database (no migrations table); nothing was changed.");

    let safetyCopy: string | null = null;
    if (existsSync(target)) {
      safetyCopy = unusedPath(defaultBackupPath(target).replace(/(\.db)$/, "-before-restore$1"));
      backupDatabase(target, safetyCopy);
    }
    mkdirSync(dirname(target), { recursive: true });
    await source.backup(target);
    const db = openDatabase(target); // WAL, pragmas and any newer migrations, as the site opens it
    try {
      const check2 = rawConnection(db).pragma("integrity_check", { simple: true });
      if (check2 !== "ok") throw new Error(`The restored database failed its integrity check: ${check2}`);
      return { restored: target, from, safetyCopy, tables: tableCounts(rawConnection(db)) };
    } finally {
      db.close();
    }
  } finally {
    source.close();
  }
}

if (process.argv[1]?.endsWith("restore.ts")) {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const file = args.find((a) => !a.startsWith("--"));
  const postgres = postgresFromEnv();
  const databasePath = databasePathFromEnv();
  const targetName = postgres ? `the PostgreSQL database ${redactUrl(postgres.url)} (DATABASE_URL)` : `${databasePath} (DATABASE_PATH)`;
  if (!file || args.includes("--help")) {
    console.log(`Usage: npm run restore -- <backup file> --yes\nReplaces ${targetName} with the backup. Stop the site first.`);
    process.exit(file ? 0 : 1);
  }
  if (!args.includes("--yes")) {
    console.error(`This replaces everything in ${targetName} with ${file}. Stop the site, then run again with --yes.`);
    process.exit(1);
  }
  const restore: Promise<{ restored: string; from: string; safetyCopy: string | null; tables: Record<string, number> }> = postgres
    ? import("@/db/pg-backup").then(({ restorePostgres }) => restorePostgres(postgres, file))
    : restoreDatabase(file, databasePath);
  restore
    .then((r) => {
      console.log(`Restored ${postgres ? redactUrl(postgres.url) : r.restored} from ${r.from}; ${postgres ? "pg_restore in one transaction, migrations applied" : "integrity ok"}.`);
      if (r.safetyCopy) console.log(`The database as it was before is kept in ${r.safetyCopy}.`);
      console.log(
        Object.entries(r.tables)
          .filter(([, n]) => n > 0)
          .map(([t, n]) => `${t} ${n}`)
          .join(", "),
      );
    })
    .catch((error) => {
      console.error(`Restore failed: ${(error as Error).message}`);
      process.exit(1);
    });
}
