// Building blocks for generated training history, shared by the demo (scripts/demo) and the large
// test scheme (scripts/seed-large.ts): people with their invitation, quiz attempts with every
// choice, completions (online or assisted), certificates that supersede each other, reminders and
// the audit entries that go with each. Rows collect in memory; db/queries/history.ts writes them.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { InferInsertModel } from "drizzle-orm";
import { type HistoryRows, type RowIds, emptyHistory } from "@/db/queries/history";
import type * as schema from "@/db/schema";
import type { ReminderStage, Role } from "@/db/schema";
import { newCertificateCode } from "@/lib/certificates/code";
import { course } from "@/lib/content/course";
import { scenarioBank } from "@/lib/content/scenarios";
import { addDays } from "@/lib/dates";
import { nextCertificateDates } from "@/lib/refresher";
import type { RandomSource } from "./random";

/** Milliseconds at `minutes` past midnight (UTC) on an ISO day. */
export const msOf = (iso: string, minutes = 600) => Date.parse(`${iso}T00:00:00Z`) + minutes * 60_000;

export type ModuleSlug = (typeof course.modules)[number];
export type ModuleDone = { slug: string; completedOn: string; score: number | null; total: number | null; assisted: boolean };
export type CertificateRow = InferInsertModel<typeof schema.certificates>;
export type LiveCertificate = { id: number; expiresOn: string; row: CertificateRow };

/** For each scenario of an attempt (in order), whether the final choice is the best one. */
export type RightAnswer = (scenarioId: string, index: number) => boolean;

export class History {
  readonly rows: HistoryRows = emptyHistory();
  readonly bank = scenarioBank();
  readonly scenarioIds = new Map(course.modules.map((m) => [m, [...this.bank.get(m)!.keys()]]));
  /** Each module's lesson pages, by slug. */
  readonly pages = new Map(
    course.modules.map((m) => [
      m,
      readdirSync(join(process.cwd(), "content", "modules", m))
        .filter((f) => f.endsWith(".mdx") && f !== "index.mdx")
        .map((f) => f.replace(/\.mdx$/, "")),
    ]),
  );

  constructor(
    readonly schemeId: number,
    private readonly ids: RowIds,
    private readonly r: RandomSource,
  ) {}

  audit(at: number, actorId: number | null, subject: number | null, action: string, details: Record<string, unknown> = {}): void {
    this.rows.audit.push({ at: new Date(at), actorId, schemeId: this.schemeId, subjectPersonId: subject, action, details });
  }

  intake(name: string, startDate: string, createdBy: number): number {
    const id = ++this.ids.intakes;
    const createdAt = msOf(startDate, 540) - 30 * 86_400_000;
    this.rows.intakes.push({ id, schemeId: this.schemeId, name, startDate, createdBy, createdAt: new Date(createdAt) });
    this.audit(createdAt, createdBy, null, "created-intake", { intakeId: id, name, startDate });
    return id;
  }

  /** A person who joined on `joined` by accepting an invitation from `invitedBy`. */
  person(p: { name: string; email: string; role: Role; joined: string; intakeId: number | null; invitedBy: number | null; passwordHash?: string | null; leftOn?: string | null }): number {
    const id = ++this.ids.people;
    this.rows.people.push({
      id,
      name: p.name,
      email: p.email,
      role: p.role,
      schemeId: this.schemeId,
      intakeId: p.intakeId,
      active: !p.leftOn,
      passwordHash: p.passwordHash ?? null,
      createdAt: new Date(msOf(p.joined, 540)),
      deactivatedAt: p.leftOn ? new Date(msOf(p.leftOn, 700)) : null,
    });
    this.rows.invitations.push({
      tokenHash: randomBytes(32).toString("hex"),
      email: p.email,
      name: p.name,
      role: p.role,
      schemeId: this.schemeId,
      intakeId: p.intakeId,
      invitedBy: p.invitedBy,
      createdAt: new Date(msOf(p.joined) - 3 * 86_400_000),
      expiresAt: new Date(msOf(p.joined) + 11 * 86_400_000),
      usedAt: new Date(msOf(p.joined, 540)),
      personId: id,
    });
    this.audit(msOf(p.joined, 540), id, id, "accepted-invitation");
    if (p.leftOn) this.audit(msOf(p.leftOn, 700), p.invitedBy, id, "deactivated");
    return id;
  }

  /** An invitation not (yet) accepted: open until `expiresAt`, which may have passed. */
  openInvitation(p: { email: string; name: string; role: Role; intakeId: number | null; invitedBy: number; createdAt: number }): void {
    const expiresAt = p.createdAt + 14 * 86_400_000;
    this.rows.invitations.push({ tokenHash: randomBytes(32).toString("hex"), email: p.email, name: p.name, role: p.role, schemeId: this.schemeId, intakeId: p.intakeId, invitedBy: p.invitedBy, createdAt: new Date(p.createdAt), expiresAt: new Date(expiresAt) });
    this.audit(p.createdAt, p.invitedBy, null, "invited", { email: p.email, role: p.role });
  }

  /** An attempt started and never submitted, with its first choice saved. */
  stalledAttempt(personId: number, moduleSlug: ModuleSlug, cycle: number, version: string, day: string): number {
    const aid = ++this.ids.attempts;
    const ids = this.r.sample(this.scenarioIds.get(moduleSlug)!, 5);
    this.rows.attempts.push({ id: aid, personId, moduleSlug, cycle, contentVersion: version, scenarioIds: ids, startedAt: new Date(msOf(day, 700)), total: 5 });
    this.rows.answers.push({ attemptId: aid, scenarioId: ids[0]!, optionId: "a", best: false, answeredAt: new Date(msOf(day, 702)) });
    this.audit(msOf(day, 700), personId, personId, "started-quiz", { attemptId: aid, module: moduleSlug, cycle });
    return aid;
  }

  /**
   * A submitted attempt: five drawn scenarios (or `scenarioIds`), a final choice for each (right when
   * `isRight` says so, otherwise one of the wrong options, `wrongChoice` to choose which), and now
   * and then a first choice changed before submitting.
   */
  attempt(a: {
    personId: number;
    moduleSlug: ModuleSlug;
    cycle: number;
    version: string;
    start: number;
    score: number;
    passed: boolean;
    scenarioIds?: string[];
    isRight?: RightAnswer;
    wrongChoice?: (scenarioId: string, wrong: { id: string }[]) => string;
  }): number {
    const aid = ++this.ids.attempts;
    const ids = a.scenarioIds ?? this.r.sample(this.scenarioIds.get(a.moduleSlug)!, 5);
    const isRight = a.isRight ?? ((_: string, i: number) => i < a.score);
    const wrongChoice = a.wrongChoice ?? ((_: string, wrong: { id: string }[]) => this.r.pick(wrong).id);
    ids.forEach((sid, i) => {
      const options = this.bank.get(a.moduleSlug)!.get(sid)!.options;
      const best = options.find((o) => o.best)!.id;
      const wrong = options.filter((o) => !o.best);
      if (this.r.chance(0.1)) this.rows.answers.push({ attemptId: aid, scenarioId: sid, optionId: this.r.pick(wrong).id, best: false, answeredAt: new Date(a.start + i * 60_000 + 10_000) });
      const right = isRight(sid, i);
      this.rows.answers.push({ attemptId: aid, scenarioId: sid, optionId: right ? best : wrongChoice(sid, wrong), best: right, answeredAt: new Date(a.start + i * 60_000 + 30_000) });
    });
    this.rows.attempts.push({ id: aid, personId: a.personId, moduleSlug: a.moduleSlug, cycle: a.cycle, contentVersion: a.version, scenarioIds: ids, startedAt: new Date(a.start), submittedAt: new Date(a.start + 8 * 60_000), score: a.score, total: 5, passed: a.passed });
    this.audit(a.start, a.personId, a.personId, "started-quiz", { attemptId: aid, module: a.moduleSlug, cycle: a.cycle });
    this.audit(a.start + 8 * 60_000, a.personId, a.personId, "submitted-quiz", { attemptId: aid, module: a.moduleSlug, score: a.score, total: 5, passed: a.passed });
    return aid;
  }

  /** A module passed online (with the attempt that passed it). */
  completion(personId: number, moduleSlug: string, cycle: number, version: string, day: string, attemptId: number, score: number): ModuleDone {
    this.rows.completions.push({ personId, moduleSlug, cycle, completedOn: day, recordedAt: new Date(msOf(day, 800)), score, total: 5, attemptId, contentVersion: version });
    this.audit(msOf(day, 800), personId, personId, "completed-module", { module: moduleSlug, cycle, completedOn: day });
    return { slug: moduleSlug, completedOn: day, score, total: 5, assisted: false };
  }

  /** A module done on paper with an officer, recorded by a trainer. */
  assistedCompletion(personId: number, moduleSlug: string, cycle: number, version: string, day: string, officer: string, recordedBy: number): ModuleDone {
    this.rows.completions.push({ personId, moduleSlug, cycle, completedOn: day, recordedAt: new Date(msOf(day, 800)), contentVersion: version, assisted: true, assistedBy: officer, evidence: "Completed the paper workbook with their officer.", recordedBy });
    this.audit(msOf(day, 800), recordedBy, personId, "recorded-assisted-completion", { module: moduleSlug, cycle, completedOn: day });
    return { slug: moduleSlug, completedOn: day, score: null, total: null, assisted: true };
  }

  /** The certificate the last module earns, superseding `previous` (the person's live one), if any. */
  certificate(personId: number, holderName: string, cycle: number, version: string, done: ModuleDone[], previous: LiveCertificate | null, titles?: Map<string, string>): LiveCertificate {
    const completedOn = done.at(-1)!.completedOn;
    const dates = nextCertificateDates(completedOn, previous);
    const id = ++this.ids.certificates;
    const row: CertificateRow = {
      id,
      code: newCertificateCode(),
      personId,
      schemeId: this.schemeId,
      holderName,
      courseId: course.id,
      courseTitle: course.title,
      contentVersion: version,
      cycle,
      issuedOn: dates.issuedOn,
      expiresOn: dates.expiresOn,
      modules: done.map((d) => ({ ...d, title: titles?.get(d.slug) ?? d.slug })),
      createdAt: new Date(msOf(completedOn, 810)),
    };
    this.rows.certificates.push(row);
    if (previous) {
      previous.row.supersededAt = new Date(msOf(completedOn, 810));
      previous.row.supersededById = id;
    }
    this.audit(msOf(completedOn, 810), personId, personId, "issued-certificate", { certificateId: id, cycle, expiresOn: dates.expiresOn, supersedes: previous?.id ?? null });
    return { id, expiresOn: dates.expiresOn, row };
  }

  revoke(cert: LiveCertificate, by: number, reason: string, at: number): void {
    cert.row.revokedAt = new Date(at);
    cert.row.revokedBy = by;
    cert.row.revokedReason = reason;
    this.audit(at, by, cert.row.personId, "revoked-certificate", { certificateId: cert.id, reason });
  }

  /**
   * The reminders a certificate's holder was sent: 30 and 7 days before expiry, on the day and the
   * day after, each up to `until` and before the certificate was renewed on `renewedOn`.
   */
  reminders(personId: number, cert: LiveCertificate, until: string, renewedOn: string | null): { stage: ReminderStage; on: string; sentAt: number }[] {
    const sent: { stage: ReminderStage; on: string; sentAt: number }[] = [];
    for (const [stage, offset] of [["30-days", -30], ["7-days", -7], ["due", 0], ["overdue", 1]] as const) {
      const on = addDays(cert.expiresOn, offset);
      if (on > until || (renewedOn && on >= renewedOn)) continue;
      const sentAt = msOf(on, 420);
      this.rows.reminders.push({ personId, certificateId: cert.id, stage, sentAt: new Date(sentAt) });
      sent.push({ stage, on, sentAt });
    }
    return sent;
  }
}
