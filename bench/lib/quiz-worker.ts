// One child process of test/integration/concurrency.test.ts: simulated learners taking every quiz
// through the real service (lib/quiz/service.ts), on the database named by DATABASE_PATH, with its
// own connection. Several of these run at once, so writers really contend for SQLite's lock.
//
// Every learner is driven by two processes at once: its "home" process, and a "twin" that behaves
// like a browser re-sending each request to another server process (a duplicate retry). The parent
// moves all processes through the same phases together, for each module in turn:
//   start  – home and twin both start-or-resume the quiz, twice each: one attempt must result;
//   answer – home answers question 1 wrong, again wrong, then best (two rows: every change is kept);
//            home and twin both answer questions 2..n with the best option, twice each (one row);
//   submit – home and twin both submit, twice each: one completion, and on the last module one
//            certificate.
// Inside a phase every learner runs at once; the outcome is exact whatever the interleaving.
//
// Run with fork() and: node --conditions=react-server --import tsx --import ./bench/lib/register-mdx.mjs
// Environment: DATABASE_PATH; QUIZ_WORKER = JSON { home: number[], twin: number[] } (person ids).
import { closeConfiguredDatabase, openConfiguredDatabase } from "@/lib/database";
import { findPersonById } from "@/db/queries/people";
import { findAttempt } from "@/db/queries/training";
import type { Viewer } from "@/lib/access";
import { scenariosOf } from "@/lib/content/scenarios";
import type { ModuleSlug } from "@/lib/content/schemas";
import { QuizError, answerScenario, startOrResumeAttempt, submitAttempt } from "@/lib/quiz/service";
import { moduleTitles } from "@/lib/training/complete";

export type Phase = "start" | "answer" | "submit";
export type PhaseMessage = { phase: Phase; module: ModuleSlug } | { phase: "exit" };
export type PhaseReport = {
  pid: number;
  phase: Phase | "ready" | "exit";
  operations: number;
  /** Refusals the script allows for (none are expected with phases, but they are not crashes). */
  refused: Record<string, number>;
  /** Anything thrown that is not a quiz refusal, SQLITE_BUSY above all. The test fails on any. */
  errors: { message: string; code?: string }[];
  /** Attempt id each learner's start calls returned, "personId:role" → ids (should all agree). */
  attempts: Record<string, number[]>;
  passed: number;
  certificates: number;
};

type Role = "home" | "twin";
type Learner = { viewer: Viewer; role: Role; attemptIds: Map<ModuleSlug, number> };

/** Yield to the event loop so this process's learners interleave with each other. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function option(moduleSlug: ModuleSlug, scenarioId: string, best: boolean): string {
  return scenariosOf(moduleSlug).get(scenarioId)!.options.find((o) => o.best === best)!.id;
}

function emptyReport(phase: PhaseReport["phase"]): PhaseReport {
  return { pid: process.pid, phase, operations: 0, refused: {}, errors: [], attempts: {}, passed: 0, certificates: 0 };
}

async function op<T>(report: PhaseReport, fn: () => T | Promise<T>): Promise<T | undefined> {
  await tick();
  report.operations++;
  try {
    return await fn();
  } catch (error) {
    if (error instanceof QuizError) {
      report.refused[error.problem] = (report.refused[error.problem] ?? 0) + 1;
      return undefined;
    }
    const e = error as { message?: string; code?: string };
    report.errors.push({ message: String(e.message ?? error), code: e.code });
    return undefined;
  }
}

async function runPhase(learners: Learner[], phase: Phase, moduleSlug: ModuleSlug): Promise<PhaseReport> {
  const report = emptyReport(phase);
  await Promise.all(
    learners.map(async (l) => {
      const { viewer } = l;
      const key = `${viewer.personId}:${l.role}`;
      if (phase === "start") {
        for (let i = 0; i < 2; i++) {
          const attempt = await op(report, async () => await startOrResumeAttempt(viewer, moduleSlug));
          if (!attempt) continue;
          l.attemptIds.set(moduleSlug, attempt.id);
          (report.attempts[key] ??= []).push(attempt.id);
        }
        return;
      }
      const attemptId = l.attemptIds.get(moduleSlug);
      if (attemptId === undefined) return;
      if (phase === "answer") {
        // The scenario ids come from the attempt the start phase returned.
        const ids = (await findAttempt(attemptId))!.scenarioIds;
        if (l.role === "home") {
          await op(report, async () => await answerScenario(viewer, attemptId, ids[0]!, option(moduleSlug, ids[0]!, false)));
          await op(report, async () => await answerScenario(viewer, attemptId, ids[0]!, option(moduleSlug, ids[0]!, false)));
          await op(report, async () => await answerScenario(viewer, attemptId, ids[0]!, option(moduleSlug, ids[0]!, true)));
        }
        for (const id of ids.slice(1)) {
          await op(report, async () => await answerScenario(viewer, attemptId, id, option(moduleSlug, id, true)));
          await op(report, async () => await answerScenario(viewer, attemptId, id, option(moduleSlug, id, true)));
        }
        return;
      }
      for (let i = 0; i < 2; i++) {
        const result = await op(report, async () => await submitAttempt(viewer, moduleSlug, attemptId));
        if (!result) continue;
        if (!result.passed) report.errors.push({ message: `attempt ${attemptId} of ${viewer.personId} did not pass` });
        else if (i === 0) report.passed++;
        if (result.certificateId) report.certificates++;
      }
    }),
  );
  return report;
}

async function main() {
  const plan = JSON.parse(process.env.QUIZ_WORKER ?? "{}") as { home?: number[]; twin?: number[] };
  await openConfiguredDatabase(); // open (and migrate: a no-op here) before the phases start
  const learners: Learner[] = [];
  for (const [role, ids] of [["home", plan.home ?? []], ["twin", plan.twin ?? []]] as const) {
    for (const personId of ids) {
      const p = await findPersonById(personId);
      if (!p) throw new Error(`no person ${personId}`);
      learners.push({ role, attemptIds: new Map(), viewer: { personId, name: p.name, email: p.email, role: p.role, schemeId: p.schemeId, sessionId: `worker-${process.pid}` } });
    }
  }
  // Load the course (and its MDX) now, so the first submit phase measures no start-up.
  await moduleTitles();

  process.on("message", (message: PhaseMessage) => {
    if (message.phase === "exit") {
      void closeConfiguredDatabase().finally(() => process.send!(emptyReport("exit"), () => process.exit(0)));
      return;
    }
    runPhase(learners, message.phase, message.module).then(
      (report) => process.send!(report),
      (error) => process.send!({ ...emptyReport(message.phase as Phase), errors: [{ message: String((error as Error).stack ?? error) }] }),
    );
  });
  process.send!(emptyReport("ready"));
}

main().catch((error) => {
  process.send?.({ ...emptyReport("ready"), errors: [{ message: String((error as Error).stack ?? error), code: (error as { code?: string }).code }] });
  process.exitCode = 1;
});
