// Makes the end-to-end suite's PostgreSQL database fresh: drops slt_e2e_<port> if a run left it
// and creates it empty (the seed script migrates it). Run by e2e/server.mjs with E2E_ENGINE=postgres.
import pg from "pg";
import { buildPgPoolOptions } from "../db/pg-connection-options";
import { E2E } from "./env";

async function main() {
  const target = E2E.postgres;
  if (!target) throw new Error("E2E_ENGINE is not postgres");
  // The only database this may drop: its name is made here from the port, never taken from outside.
  if (!/^slt_e2e_\d+$/.test(target.name)) throw new Error(`refusing to drop ${target.name}`);
  const admin = new pg.Client(buildPgPoolOptions({ url: target.serverUrl, caFile: target.caFile, applicationName: "e2e-setup" }));
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${target.name} with (force)`);
    await admin.query(`create database ${target.name}`);
  } finally {
    await admin.end();
  }
  console.log(`End-to-end database: PostgreSQL ${target.name}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
