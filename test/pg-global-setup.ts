// Vitest's global setup for the PostgreSQL pass (TEST_ENGINE=postgres): makes one migrated template
// database, from which every test's fresh database is copied (CREATE DATABASE … TEMPLATE, ~80 ms),
// and drops the template and every database this run made at the end. The SQLite pass needs none.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { buildPgPoolOptions } from "../db/pg-connection-options";
import { migratePostgres } from "../db/pg-migrate";
import { withDatabase } from "./helpers/pg";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template database, and the prefix of every database this run makes. */
    pgTemplate: string;
    pgPrefix: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_ENGINE !== "postgres") return;
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_ENGINE=postgres needs TEST_DATABASE_URL (scripts/test-all.sh starts a throwaway server and sets it).");
  const caFile = process.env.TEST_DATABASE_CA_FILE || undefined;
  const prefix = `slt_run_${process.pid}_`;
  const template = `${prefix}template`;
  const admin = new pg.Client(buildPgPoolOptions({ url, caFile }));
  await admin.connect();
  await admin.query(`drop database if exists ${template} with (force)`);
  await admin.query(`create database ${template}`);
  await migratePostgres({ connection: buildPgPoolOptions({ url: withDatabase(url, template), caFile }) });
  project.provide("pgTemplate", template);
  project.provide("pgPrefix", prefix);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${prefix}%`]);
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}
