// Moves the site from its SQLite file to PostgreSQL:
//   npm run db:copy -- --to postgres://user:password@host:5432/training [--from data/shared-lives.db] [--ca-file ca.pem]
//
// Copies every row of the SQLite database into an EMPTY PostgreSQL database (migrated first), in
// one PostgreSQL transaction, keeping ids; then compares the row count of every table and prints
// them. It refuses a target that holds any row, and changes nothing when anything fails.
// The logic is in db/copy.ts; docs/operations.md ("PostgreSQL") says when and how to use it.
//
// Exit status: 0 copied and counts equal; 1 refused or failed (nothing copied); 2 bad arguments.
import { parseArgs } from "node:util";
import { copySqliteToPostgres, CopyRefusedError } from "@/db/copy";
import { buildPgPoolOptions, PgConnectionOptionsError } from "@/db/pg-connection-options";
import { databasePath, postgresFromEnv } from "@/lib/env";

const USAGE = `Usage: npm run db:copy -- --to postgres://user:password@host:5432/database [--from <sqlite file>] [--ca-file <ca.pem>]

Copies every row of the SQLite database into an empty PostgreSQL database, in one transaction.
  --to       the PostgreSQL database to fill (must have no rows; it is migrated first).
             sslmode=require / verify-full in the URL are honoured.
  --from     the SQLite file (default: DATABASE_PATH, else data/shared-lives.db). The site may keep
             running: the file is read in one read transaction, and later writes are not copied.
  --ca-file  a PEM file of the CA that signed the server's certificate (default: DATABASE_CA_FILE).
  --batch    rows per INSERT (default 1000).`;

function usage(message?: string): never {
  if (message) console.error(`db:copy: ${message}\n`);
  (message ? console.error : console.log)(USAGE);
  process.exit(message ? 2 : 0);
}

/** The URL without its password, to print. */
function redact(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");
}

async function main(): Promise<void> {
  let values: { to?: string; from?: string; "ca-file"?: string; batch?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2).filter((a) => a !== "--"),
      options: { to: { type: "string" }, from: { type: "string" }, "ca-file": { type: "string" }, batch: { type: "string" }, help: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  if (values.help) usage();
  if (!values.to) usage("--to postgres://… is required");
  if (!/^postgres(ql)?:\/\//i.test(values.to)) usage("--to must be a postgres:// or postgresql:// URL");
  const batch = values.batch === undefined ? undefined : Number(values.batch);
  if (batch !== undefined && (!Number.isInteger(batch) || batch < 1)) usage("--batch must be a whole number of at least 1");
  const from = values.from ?? databasePath();

  let connection;
  try {
    connection = buildPgPoolOptions({ url: values.to, caFile: values["ca-file"] ?? postgresFromEnv()?.caFile });
  } catch (error) {
    if (error instanceof PgConnectionOptionsError) usage(error.message.replace(/^DATABASE_URL/, "--to"));
    throw error;
  }

  console.log(`Copying ${from} into ${redact(values.to)} …`);
  try {
    const result = await copySqliteToPostgres({
      from,
      to: connection,
      batchSize: batch,
      onTable: (table, rows, ms) => console.log(`  ${table.padEnd(20)} ${String(rows).padStart(9)} rows  ${ms} ms`),
    });
    console.log(`\nRow counts (SQLite → PostgreSQL), all equal:`);
    for (const t of result.tables) console.log(`  ${t.table.padEnd(20)} ${String(t.sqlite).padStart(9)} → ${t.postgres}`);
    console.log(`Copied ${result.rows} rows in ${(result.ms / 1000).toFixed(1)} s. Identity sequences moved past the highest ids.`);
  } catch (error) {
    const refused = error instanceof CopyRefusedError;
    console.error(`\ndb:copy ${refused ? "refused" : "failed"}: ${(error as Error).message}`);
    if (!refused && (error as { cause?: unknown }).cause) console.error(`  cause: ${String((error as { cause: Error }).cause.message ?? (error as { cause: unknown }).cause)}`);
    if (!refused) console.error("Nothing was copied: the PostgreSQL transaction was rolled back.");
    process.exit(1);
  }
}

void main();
