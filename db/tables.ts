// The tables the query layer uses, from the engine in use: db/schema.ts (SQLite, the default) or
// db/schema-pg.ts (PostgreSQL), switched by selectEngineTables() (db/engine.ts's selectEngine) once, at
// start, before the first query. Queries import tables from here, never from a schema module; both
// schemas give the same row types (test/unit/schema-parity.test.ts), so the SQLite tables' types
// serve for both. ES module live bindings: every importer sees the switch.
import type { EngineName } from "./dialect";
import * as pgSchema from "./schema-pg";
import * as sqliteSchema from "./schema";

export type { CertificateModule, ReminderStage, Role, SupportedSessionEndReason } from "./schema";
export { OUTBOX_TRANSPORTS, REMINDER_STAGES, ROLES, SUPPORTED_SESSION_END_REASONS } from "./schema";

export let schemes = sqliteSchema.schemes;
export let intakes = sqliteSchema.intakes;
export let people = sqliteSchema.people;
export let sessions = sqliteSchema.sessions;
export let signInAttempts = sqliteSchema.signInAttempts;
export let invitations = sqliteSchema.invitations;
export let signInLinks = sqliteSchema.signInLinks;
export let outbox = sqliteSchema.outbox;
export let auditLog = sqliteSchema.auditLog;
export let pageReads = sqliteSchema.pageReads;
export let checkAnswers = sqliteSchema.checkAnswers;
export let quizAttempts = sqliteSchema.quizAttempts;
export let quizAnswers = sqliteSchema.quizAnswers;
export let moduleCompletions = sqliteSchema.moduleCompletions;
export let certificates = sqliteSchema.certificates;
export let retrainVersions = sqliteSchema.retrainVersions;
export let remindersSent = sqliteSchema.remindersSent;
export let digestsSent = sqliteSchema.digestsSent;
export let rateLimits = sqliteSchema.rateLimits;
export let jobLocks = sqliteSchema.jobLocks;
export let supportedSessions = sqliteSchema.supportedSessions;
export let paperWorkbooks = sqliteSchema.paperWorkbooks;
export let schemeDetails = sqliteSchema.schemeDetails;

/**
 * A table under another name, to join it twice (the officer and the carer are both people).
 * drizzle's alias() is the same engine-neutral Proxy in sqlite-core and pg-core (both call
 * TableAliasProxyHandler); this one is typed by the SQLite tables, as every table here is.
 */
export { alias as aliasTable } from "drizzle-orm/sqlite-core";

/** Serves the tables of `engine` to every importer. */
export function selectEngineTables(engine: EngineName): void {
  // The pg-core tables have the same columns and row types; the query builders take them at run time.
  const s = (engine === "postgres" ? pgSchema : sqliteSchema) as unknown as typeof sqliteSchema;
  schemes = s.schemes;
  intakes = s.intakes;
  people = s.people;
  sessions = s.sessions;
  signInAttempts = s.signInAttempts;
  invitations = s.invitations;
  signInLinks = s.signInLinks;
  outbox = s.outbox;
  auditLog = s.auditLog;
  pageReads = s.pageReads;
  checkAnswers = s.checkAnswers;
  quizAttempts = s.quizAttempts;
  quizAnswers = s.quizAnswers;
  moduleCompletions = s.moduleCompletions;
  certificates = s.certificates;
  retrainVersions = s.retrainVersions;
  remindersSent = s.remindersSent;
  digestsSent = s.digestsSent;
  rateLimits = s.rateLimits;
  jobLocks = s.jobLocks;
  supportedSessions = s.supportedSessions;
  paperWorkbooks = s.paperWorkbooks;
  schemeDetails = s.schemeDetails;
}
