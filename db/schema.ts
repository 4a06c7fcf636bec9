// The whole data model. Timestamps are integer milliseconds (Date in code); calendar dates that
// people read (certificate issue and expiry, intake start) are ISO "YYYY-MM-DD" text, so that a
// date never shifts with a time zone.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sqliteDialect } from "./dialect";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sqliteDialect.nowMs);

export const ROLES = ["carer", "staff", "trainer", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** A Shared Lives scheme: one organisation. One deployment can host several. */
export const schemes = sqliteTable("schemes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  createdAt: createdAt(),
});

/** A recruitment intake (cohort) inside a scheme. */
export const intakes = sqliteTable(
  "intakes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    schemeId: integer("scheme_id").notNull().references(() => schemes.id),
    name: text("name").notNull(),
    startDate: text("start_date").notNull(),
    createdBy: integer("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("intakes_scheme_name").on(t.schemeId, t.name)],
);

export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Null only for admins, who run the site across schemes.
    schemeId: integer("scheme_id").references(() => schemes.id),
    intakeId: integer("intake_id").references(() => intakes.id),
    name: text("name").notNull(),
    // Stored lower-cased; unique across the site so sign-in needs no scheme.
    email: text("email").notNull().unique(),
    role: text("role", { enum: ROLES }).notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    // Null until the person sets one (they may sign in by emailed link only).
    passwordHash: text("password_hash"),
    createdAt: createdAt(),
    deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
    anonymisedAt: integer("anonymised_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("people_scheme_role").on(t.schemeId, t.role), index("people_intake").on(t.intakeId)],
);

/**
 * Server-side sessions. The session cookie (an Auth.js JWT) carries only this id; every request
 * checks the row, so signing out or deactivation ends the session on the server.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    personId: integer("person_id").notNull().references(() => people.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("sessions_person").on(t.personId)],
);

/** Every password sign-in attempt, kept to throttle guessing (see lib/auth/throttle.ts). */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
  },
  (t) => [index("sign_in_attempts_email_at").on(t.email, t.at)],
);

/** Invitations by email: one-time, 14 days. Only a hash of the token is stored. */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    name: text("name"),
    role: text("role", { enum: ROLES }).notNull(),
    schemeId: integer("scheme_id").notNull().references(() => schemes.id),
    intakeId: integer("intake_id").references(() => intakes.id),
    invitedBy: integer("invited_by").references(() => people.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    personId: integer("person_id").references(() => people.id),
  },
  // invitations_intake: the intake list counts each intake's open invitations on every view of the
  // trainer workspace (and the matrix), which without it read every invitation once per intake.
  (t) => [index("invitations_scheme").on(t.schemeId), index("invitations_intake").on(t.intakeId)],
);

/** One-time sign-in links sent by email, valid 15 minutes. Only a hash of the token is stored. */
export const signInLinks = sqliteTable("sign_in_links", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tokenHash: text("token_hash").notNull().unique(),
  personId: integer("person_id").notNull().references(() => people.id),
  createdAt: createdAt(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  usedAt: integer("used_at", { mode: "timestamp_ms" }),
});

/** How a message left: by SMTP, kept in the outbox (no mail server), or kept as demo mail (demo mode). */
export const OUTBOX_TRANSPORTS = ["smtp", "outbox", "demo-outbox"] as const;

/** Every email the site sends. Without SMTP it stays here (the outbox) for a trainer to read. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    schemeId: integer("scheme_id").references(() => schemes.id),
    personId: integer("person_id").references(() => people.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    kind: text("kind").notNull(),
    createdAt: createdAt(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    transport: text("transport", { enum: OUTBOX_TRANSPORTS }).notNull(),
    error: text("error"),
  },
  (t) => [index("outbox_scheme").on(t.schemeId), index("outbox_to").on(t.toAddress)],
);

/** Append-only (triggers in the migrations refuse UPDATE and DELETE). Golden rule 7: keep a record. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorId: integer("actor_id"),
    schemeId: integer("scheme_id"),
    subjectPersonId: integer("subject_person_id"),
    action: text("action").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_scheme_at").on(t.schemeId, t.at),
    index("audit_subject").on(t.subjectPersonId),
    index("audit_action").on(t.action),
  ],
);

/** Pages a person has read, and when; the most recent is where they resume. */
export const pageReads = sqliteTable(
  "page_reads",
  {
    personId: integer("person_id").notNull().references(() => people.id),
    moduleSlug: text("module_slug").notNull(),
    pageSlug: text("page_slug").notNull(),
    firstReadAt: integer("first_read_at", { mode: "timestamp_ms" }).notNull(),
    lastReadAt: integer("last_read_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.moduleSlug, t.pageSlug] })],
);

/** Answers to in-page knowledge checks. Kept, but they never count towards completion. */
export const checkAnswers = sqliteTable(
  "check_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id").notNull().references(() => people.id),
    checkId: text("check_id").notNull(),
    optionIndex: integer("option_index").notNull(),
    correct: integer("correct", { mode: "boolean" }).notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("check_answers_person_check").on(t.personId, t.checkId)],
);

/**
 * A quiz attempt. `cycle` is the training cycle it belongs to: 1 is recruitment training, 2 the
 * first yearly refresher, and so on. `scenarioIds` is the drawn, ordered list.
 */
export const quizAttempts = sqliteTable(
  "quiz_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id").notNull().references(() => people.id),
    moduleSlug: text("module_slug").notNull(),
    cycle: integer("cycle").notNull(),
    contentVersion: text("content_version").notNull(),
    scenarioIds: text("scenario_ids", { mode: "json" }).notNull().$type<string[]>(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    score: integer("score"),
    total: integer("total").notNull(),
    passed: integer("passed", { mode: "boolean" }),
    // Issue 16. The officer whose supported session the attempt was started, answered or submitted
    // in (lib/support/), or null; and the paper workbook whose answers an officer typed in (at most
    // one attempt per workbook: quiz_attempts_one_per_workbook), or null.
    supportedByPersonId: integer("supported_by_person_id").references(() => people.id),
    paperWorkbookId: integer("paper_workbook_id").references(() => paperWorkbooks.id),
  },
  (t) => [
    index("quiz_attempts_person_module").on(t.personId, t.moduleSlug, t.startedAt),
    // A paper workbook is entered once: a second entry, even a concurrent one, conflicts here.
    uniqueIndex("quiz_attempts_one_per_workbook").on(t.paperWorkbookId).where(sql`paper_workbook_id is not null`),
    // At most one open (unsubmitted) attempt per person, module and cycle, whatever the engine and
    // however many writers: a concurrent second start conflicts and resumes the first.
    uniqueIndex("quiz_attempts_one_open").on(t.personId, t.moduleSlug, t.cycle).where(sql`submitted_at is null`),
  ],
);

/** Every choice made in an attempt, with its time. The latest row per scenario is the answer. */
export const quizAnswers = sqliteTable(
  "quiz_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    attemptId: integer("attempt_id").notNull().references(() => quizAttempts.id),
    scenarioId: text("scenario_id").notNull(),
    optionId: text("option_id").notNull(),
    best: integer("best", { mode: "boolean" }).notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("quiz_answers_attempt").on(t.attemptId, t.scenarioId), index("quiz_answers_scenario").on(t.scenarioId)],
);

/** A module completed in a cycle, by passing its quiz or by an assisted (paper) completion. */
export const moduleCompletions = sqliteTable(
  "module_completions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id").notNull().references(() => people.id),
    moduleSlug: text("module_slug").notNull(),
    cycle: integer("cycle").notNull(),
    completedOn: text("completed_on").notNull(),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
    score: integer("score"),
    total: integer("total"),
    attemptId: integer("attempt_id").references(() => quizAttempts.id),
    contentVersion: text("content_version").notNull(),
    assisted: integer("assisted", { mode: "boolean" }).notNull().default(false),
    assistedBy: text("assisted_by"),
    evidence: text("evidence"),
    recordedBy: integer("recorded_by").references(() => people.id),
    // Issue 16, copied from the attempt that completed it: a supported session's officer, or the
    // officer who typed in a paper workbook's answers (lib/training/route.ts names the route).
    supportedByPersonId: integer("supported_by_person_id").references(() => people.id),
    paperEnteredByPersonId: integer("paper_entered_by_person_id").references(() => people.id),
  },
  (t) => [uniqueIndex("module_completions_once").on(t.personId, t.moduleSlug, t.cycle)],
);

/**
 * How a module on a certificate was completed, as copied in at issue. `route` is absent on
 * certificates issued before issue 16 and on quizzes taken online: `assisted` says the rest.
 */
export type CertificateModule = {
  slug: string;
  title: string;
  completedOn: string;
  assisted: boolean;
  score: number | null;
  total: number | null;
  route?: "supported" | "paper";
};

/**
 * Certificates are never changed after issue (a trigger enforces it), except to be revoked or
 * superseded. The holder's name is copied in, as printed on the day.
 */
export const certificates = sqliteTable(
  "certificates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    personId: integer("person_id").notNull().references(() => people.id),
    schemeId: integer("scheme_id").notNull().references(() => schemes.id),
    holderName: text("holder_name").notNull(),
    courseId: text("course_id").notNull(),
    courseTitle: text("course_title").notNull(),
    contentVersion: text("content_version").notNull(),
    cycle: integer("cycle").notNull(),
    issuedOn: text("issued_on").notNull(),
    expiresOn: text("expires_on").notNull(),
    modules: text("modules", { mode: "json" }).notNull().$type<CertificateModule[]>(),
    createdAt: createdAt(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedBy: integer("revoked_by").references(() => people.id),
    revokedReason: text("revoked_reason"),
    supersededAt: integer("superseded_at", { mode: "timestamp_ms" }),
    supersededById: integer("superseded_by_id"),
  },
  (t) => [
    index("certificates_person").on(t.personId, t.issuedOn),
    index("certificates_scheme").on(t.schemeId, t.expiresOn),
    // At most one live (not revoked, not superseded) certificate per person and cycle.
    uniqueIndex("certificates_one_live").on(t.personId, t.cycle).where(sql`revoked_at is null and superseded_at is null`),
  ],
);

/** Content versions an admin has marked as needing retraining. */
export const retrainVersions = sqliteTable("retrain_versions", {
  contentVersion: text("content_version").primaryKey(),
  markedAt: integer("marked_at", { mode: "timestamp_ms" }).notNull(),
  markedBy: integer("marked_by").references(() => people.id),
  reason: text("reason"),
});

export const REMINDER_STAGES = ["30-days", "7-days", "due", "overdue"] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

/** One row per reminder sent: the unique index makes each stage once per certificate (cycle). */
export const remindersSent = sqliteTable(
  "reminders_sent",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id").notNull().references(() => people.id),
    certificateId: integer("certificate_id").notNull().references(() => certificates.id),
    stage: text("stage", { enum: REMINDER_STAGES }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("reminders_once").on(t.certificateId, t.stage)],
);

/** Trainer digests: at most one per trainer per day. */
export const digestsSent = sqliteTable(
  "digests_sent",
  {
    trainerId: integer("trainer_id").notNull().references(() => people.id),
    day: text("day").notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.trainerId, t.day] })],
);

/**
 * Fixed-window request counts per key (e.g. "verify:203.0.113.9"), shared by every app process.
 * One atomic upsert per request (db/queries/rate-limits.ts); rows of past windows are pruned by
 * the daily job.
 */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

/**
 * Locks for jobs that must not run twice at once (the daily reminders and anonymisation), shared
 * by every process. Taken by an atomic upsert that only succeeds when the lock is free or expired,
 * so a holder that crashed blocks others only until locked_until.
 */
export const jobLocks = sqliteTable("job_locks", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  lockedAt: integer("locked_at").notNull(),
  lockedUntil: integer("locked_until").notNull(),
});

/**
 * Each scheme's own contacts and short local notes, shown where the national course says "ask your
 * scheme" (issue 15). One row per scheme; every column but the name is optional. `revision` goes
 * up by one on every save: the per-scheme lesson pages' addresses carry it, so a save gives new
 * addresses and no app instance can serve an old copy under the new one.
 */
export const schemeDetails = sqliteTable(
  "scheme_details",
  {
    schemeId: integer("scheme_id").notNull().references(() => schemes.id),
    publicName: text("public_name").notNull(),
    adviceRole: text("advice_role"),
    adviceName: text("advice_name"),
    advicePhone: text("advice_phone"),
    adviceEmail: text("advice_email"),
    adviceHours: text("advice_hours"),
    outOfHoursPhone: text("out_of_hours_phone"),
    outOfHoursText: text("out_of_hours_text"),
    breachContact: text("breach_contact"),
    breachPhone: text("breach_phone"),
    breachEmail: text("breach_email"),
    breachWithin: text("breach_within"),
    dpLeadName: text("dp_lead_name"),
    dpLeadPhone: text("dp_lead_phone"),
    dpLeadEmail: text("dp_lead_email"),
    safeguardingName: text("safeguarding_name"),
    safeguardingHow: text("safeguarding_how"),
    safeguardingPhone: text("safeguarding_phone"),
    safeguardingLink: text("safeguarding_link"),
    secureSendingHow: text("secure_sending_how"),
    secureSendingLink: text("secure_sending_link"),
    noteAdvice: text("note_advice"),
    noteSafeguarding: text("note_safeguarding"),
    noteBreach: text("note_breach"),
    noteSending: text("note_sending"),
    noteRecords: text("note_records"),
    revision: integer("revision").notNull().default(1),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    updatedBy: integer("updated_by").references(() => people.id),
  },
  // A table-level key (not the column's own): the same required scheme_id on both engines.
  (t) => [primaryKey({ columns: [t.schemeId] })],
);

// ---- Issue 16: carers with limited IT. Kept together so the migrations can be renumbered. ----

export const SUPPORTED_SESSION_END_REASONS = ["ended", "expired", "signed-out", "not-allowed"] as const;
export type SupportedSessionEndReason = (typeof SUPPORTED_SESSION_END_REASONS)[number];

/**
 * A supported session: an officer's own signed-in session (sessions.id) acting as one carer, for
 * the course only (lib/support/). The officer's cookie never changes: every request reads the open
 * row for its session (at most one: supported_sessions_one_open), so the switch is server-side,
 * shared by every app instance, and ending it gives the officer's own account back at once.
 */
export const supportedSessions = sqliteTable(
  "supported_sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sessionId: text("session_id").notNull().references(() => sessions.id),
    officerId: integer("officer_id").notNull().references(() => people.id),
    personId: integer("person_id").notNull().references(() => people.id),
    schemeId: integer("scheme_id").notNull().references(() => schemes.id),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    lastActiveAt: integer("last_active_at", { mode: "timestamp_ms" }).notNull(),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    endReason: text("end_reason", { enum: SUPPORTED_SESSION_END_REASONS }),
  },
  (t) => [
    uniqueIndex("supported_sessions_one_open").on(t.sessionId).where(sql`ended_at is null`),
    index("supported_sessions_person").on(t.personId),
    index("supported_sessions_open_last_active").on(t.lastActiveAt).where(sql`ended_at is null`),
  ],
);

/**
 * A printed paper workbook: one module's lessons and a fixed set of scenarios, drawn for one carer
 * by the same rule as an online attempt, with an answer sheet carrying `reference`. The answers an
 * officer types in become a quiz attempt (quiz_attempts.paper_workbook_id), once.
 */
export const paperWorkbooks = sqliteTable(
  "paper_workbooks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reference: text("reference").notNull().unique(),
    personId: integer("person_id").notNull().references(() => people.id),
    schemeId: integer("scheme_id").notNull().references(() => schemes.id),
    moduleSlug: text("module_slug").notNull(),
    cycle: integer("cycle").notNull(),
    contentVersion: text("content_version").notNull(),
    scenarioIds: text("scenario_ids", { mode: "json" }).notNull().$type<string[]>(),
    printedBy: integer("printed_by").notNull().references(() => people.id),
    printedAt: integer("printed_at", { mode: "timestamp_ms" }).notNull(),
    enteredBy: integer("entered_by").references(() => people.id),
    enteredAt: integer("entered_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("paper_workbooks_person").on(t.personId, t.moduleSlug)],
);
