// Turns a cast (scripts/demo/cast.ts) into a scheme's rows, dated from `today`: intakes, people and
// their invitations, lessons read, quiz attempts with realistic wrong choices, completions (some
// assisted), certificates (superseded by refreshers, one revoked), the reminders and digests sent
// up to yesterday with their emails, an expired invitation, and the audit entries for all of it.
import type { RowIds } from "@/db/queries/history";
import { course } from "@/lib/content/course";
import { addDays } from "@/lib/dates";
import { digestMessage, reminderMessage } from "@/lib/reminders/messages";
import { History, type LiveCertificate, type ModuleDone, type ModuleSlug, msOf } from "../lib/history";
import { randomSource } from "../lib/random";
import { HARD_SCENARIOS, type SchemeCast, type Story } from "./cast";

const OFFICER = "Jo Bloggs (Shared Lives officer)";
const monthYear = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

export type BuildInput = {
  cast: SchemeCast;
  schemeId: number;
  trainer: { id: number; email: string };
  today: string;
  ids: RowIds;
  passwordHash: string;
  seed: number;
};

export function buildScheme({ cast, schemeId, trainer, today, ids, passwordHash, seed }: BuildInput): History {
  const r = randomSource(seed);
  const trainerId = trainer.id;
  const h = new History(schemeId, ids, r);
  const day = (offset: number) => addDays(today, offset);
  const yesterday = day(-1);
  const version = course.version;
  const intakeIds = cast.intakes.map((offset) => h.intake(`${monthYear.format(new Date(`${day(offset)}T12:00:00Z`))} intake`, day(offset), trainerId));
  const remindersByDay = new Map<string, { name: string; stage: "30-days" | "7-days" | "due" | "overdue"; dueOn: string }[]>();

  /** One module's quiz, taken until passed (at most three tries), on `on`. */
  function passQuiz(personId: number, slug: ModuleSlug, cycle: number, on: string, avoid: Set<string>, drawnNow: Set<string>): ModuleDone {
    const pool = h.scenarioIds.get(slug)!;
    const fresh = pool.filter((s) => !avoid.has(s));
    let attemptId = 0;
    let score = 0;
    for (let t = 1; t <= 3; t++) {
      const drawn = r.sample(fresh.length >= 5 ? fresh : pool, 5);
      const right = drawn.map((s) => t === 3 || r.chance(HARD_SCENARIOS.has(s) ? 0.4 : 0.93));
      score = right.filter(Boolean).length;
      const passed = score >= 4;
      attemptId = h.attempt({
        personId,
        moduleSlug: slug,
        cycle,
        version,
        start: msOf(on, 600 + t * 40),
        score,
        passed,
        scenarioIds: drawn,
        isRight: (_, i) => right[i]!,
        // Most people who get a hard one wrong choose the same tempting answer.
        wrongChoice: (sid, wrong) => (HARD_SCENARIOS.has(sid) && r.chance(0.75) ? wrong[0]!.id : r.pick(wrong).id),
      });
      drawn.forEach((s) => drawnNow.add(s));
      if (passed) break;
    }
    return h.completion(personId, slug, cycle, version, on, attemptId, score);
  }

  function story(s: Story): void {
    const leftOn = s.left === undefined ? null : day(s.left);
    const id = h.person({
      name: s.name,
      email: s.email,
      role: s.role,
      joined: day(s.joined),
      intakeId: s.intake === null ? null : intakeIds[s.intake]!,
      invitedBy: trainerId,
      passwordHash: s.account ? passwordHash : null,
      leftOn,
    });
    // The scenarios of the person's last cycle: a refresher draws others, so it teaches something new.
    const noneSeen = () => new Map<ModuleSlug, Set<string>>(course.modules.map((m) => [m, new Set<string>()]));
    let lastCycle = noneSeen();
    let previous: LiveCertificate | null = null;
    let cycle = 0;
    const read = (on: string) => {
      for (const m of course.modules) for (const page of h.pages.get(m)!) h.rows.pageReads.push({ personId: id, moduleSlug: m, pageSlug: page, firstReadAt: new Date(msOf(on, 560)), lastReadAt: new Date(msOf(on, 590)) });
    };
    const certificates: LiveCertificate[] = [];
    for (const [n, c] of s.cycles.entries()) {
      cycle++;
      const days = [day(c.on - 4), day(c.on - 2), day(c.on)];
      if (cycle === 1 && c.assisted !== "all") read(days[0]!);
      const thisCycle = noneSeen();
      const done = course.modules.map((slug, i) =>
        c.assisted === "all" || (c.assisted === "one" && i === 1)
          ? h.assistedCompletion(id, slug, cycle, version, days[i]!, OFFICER, trainerId)
          : passQuiz(id, slug, cycle, days[i]!, lastCycle.get(slug)!, thisCycle.get(slug)!),
      );
      lastCycle = thisCycle;
      const cert = h.certificate(id, s.name, cycle, version, done, previous);
      certificates.push(cert);
      previous = cert;
      if (n === 0 && s.revokedFirst) {
        h.revoke(cert, trainerId, s.revokedFirst, msOf(day(c.on + 10), 660));
        previous = null;
      }
    }
    if (s.open) {
      cycle++;
      const from = day(s.open.from);
      if (cycle === 1) read(from);
      course.modules.slice(0, s.open.modules).forEach((slug, i) => passQuiz(id, slug, cycle, addDays(from, i), lastCycle.get(slug)!, new Set()));
      if (s.open.stalled) h.stalledAttempt(id, course.modules[s.open.modules]!, cycle, version, addDays(from, s.open.modules));
    }
    // Reminders up to yesterday (today's are the reminders job's, run after seeding), and their emails.
    const stop = leftOn && leftOn < yesterday ? leftOn : yesterday;
    certificates.forEach((cert, i) => {
      const renewed = cert.row.revokedAt ? day(s.cycles[i]!.on + 10) : i + 1 < s.cycles.length ? day(s.cycles[i + 1]!.on) : null;
      for (const sent of h.reminders(id, cert, stop, renewed)) {
        const message = reminderMessage(s.name, sent.stage, cert.expiresOn);
        h.rows.outbox.push({ schemeId, personId: id, toAddress: s.email, ...message, kind: `reminder-${sent.stage}`, createdAt: new Date(sent.sentAt), transport: "demo-outbox" });
        const list = remindersByDay.get(sent.on) ?? [];
        list.push({ name: s.name, stage: sent.stage, dueOn: cert.expiresOn });
        remindersByDay.set(sent.on, list);
      }
    });
  }

  for (const s of cast.people) story(s);

  // The trainer's digest on each day reminders went out.
  for (const [on, items] of remindersByDay) {
    const at = new Date(msOf(on, 425));
    h.rows.digests.push({ trainerId, day: on, sentAt: at });
    h.rows.outbox.push({ schemeId, personId: trainerId, toAddress: trainer.email, ...digestMessage(items), kind: "trainer-digest", createdAt: at, transport: "demo-outbox" });
  }

  // An invitation nobody took up, which ran out.
  if (cast.intakes.length > 1) {
    h.openInvitation({ email: "nadia.hussain@demo.example", name: "Nadia Hussain", role: "carer", intakeId: intakeIds[1]!, invitedBy: trainerId, createdAt: msOf(day(-40), 600) });
  }
  return h;
}
