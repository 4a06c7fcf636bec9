// Raw access to the SQLite engine, for what the query layer does not do: backups and restores,
// integrity checks, bulk seeding and tests that look at tables directly. Kept in db/ so nothing
// else imports better-sqlite3; a second engine brings its own tools (pg_dump …), not this module.
import BetterSqlite3 from "better-sqlite3";
// Types only from ./client: loading it would load "server-only", and this module is also used
// outside the site (the end-to-end helpers, under Playwright).
import type { Db, SqliteDb } from "./client";

/** The part of a better-sqlite3 connection the tools use. */
export type RawConnection = Pick<BetterSqlite3.Database, "prepare" | "pragma" | "transaction" | "exec" | "close" | "backup" | "open" | "inTransaction">;

/** The write connection of an open database (for tests and tools that write outside the lock). */
export function rawConnection(db: Db): RawConnection {
  if (db.engine !== "sqlite") throw new Error("rawConnection works on the SQLite file only; this database is PostgreSQL.");
  return (db as SqliteDb).client();
}

/** A connection of its own to a database file, with the pragmas a second connection needs. */
export function openRawConnection(path: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): RawConnection {
  const connection = new BetterSqlite3(path, options);
  connection.pragma("busy_timeout = 5000");
  if (!options.readonly) connection.pragma("foreign_keys = ON");
  return connection;
}

/** Row counts of every table but SQLite's and drizzle's own, by name. */
export function tableCounts(connection: RawConnection): Record<string, number> {
  const tables = connection
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (connection.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
}
