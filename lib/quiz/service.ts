import "server-only";
// Taking a quiz: start or resume an attempt, answer one scenario at a time (every choice kept with
// its time), check answers, submit. Every function takes the viewer and checks the attempt is
// theirs; scoring happens here, never in the browser. In a supported session the viewer is the
// carer and the attempt is theirs, marked with the officer (quiz_attempts.supported_by_person_id);
// a paper workbook's answers (lib/paper/) are drawn, scored and recorded by the same functions.
import { writeTransaction } from "@/db/client";
import { dialect } from "@/db/dialect";
import type { Tx } from "@/db/client";
import {
  type AttemptRow,
  answersOfAttempt,
  findAttempt,
  findAttemptWithChoice,
  findOpenAttempt,
  insertAnswer,
  insertAttemptUnlessOpen,
  listAttempts,
  markAttemptSubmitted,
  markAttemptSupported,
  scenariosSeenInCycle,
} from "@/db/queries/training";
import { type Viewer, canTakeCourse } from "../access";
import { audit } from "../audit";
import { now, today } from "../clock";
import { course, isModuleSlug } from "../content/course";
import type { ModuleSlug, Scenario } from "../content/schemas";
import { scenariosOf } from "../content/scenarios";
import { env } from "../env";
import { ShownError } from "../errors";
import { type ModuleTitles, completeModule, moduleTitles } from "../training/complete";
import { trainingState } from "../training/state";
import { drawScenarios } from "./draw";
import { type AnswerProblem, answerProblem, answerProblemMessages, unanswered } from "./rules";
import { latestAnswers, scoreAttempt } from "./scoring";

/** A quiz problem to tell the person; an unknown option is shown beside the answer's field. */
export class QuizError extends ShownError {
  constructor(
    readonly problem: AnswerProblem | "not-found" | "unanswered" | "not-allowed",
    message: string,
  ) {
    super(message, problem === "unknown-option" ? "option" : undefined, problem === "not-found" ? 404 : 400);
    this.name = "QuizError";
  }
}

async function ownAttempt(viewer: Viewer, attemptId: number, moduleSlug?: string): Promise<AttemptRow> {
  const attempt = Number.isSafeInteger(attemptId) ? await findAttempt(attemptId) : undefined;
  // Someone else's attempt looks exactly like a missing one: no hint that it exists.
  if (!attempt || attempt.personId !== viewer.personId || (moduleSlug && attempt.moduleSlug !== moduleSlug)) {
    throw new QuizError("not-found", "We could not find that quiz. Start your own quiz from your training page.");
  }
  return attempt;
}

/** Who an audit entry names as acting: in a supported session, the officer whose device it is. */
function actorOf(viewer: Viewer): number {
  return viewer.supportedBy?.officerId ?? viewer.personId;
}

/**
 * The scenarios of a new attempt at a module for a person in a cycle: balanced by topic and rotated
 * away from their last attempt and their previous cycle (lib/quiz/draw.ts). Online attempts and
 * paper workbooks are both drawn here, so both follow the same rule, and a paper workbook's
 * scenarios count as seen for the next draw once its answers are entered.
 */
export async function drawForPerson(personId: number, moduleSlug: ModuleSlug, cycle: number, tx: Tx): Promise<string[]> {
  const previous = await listAttempts(personId, moduleSlug, tx);
  const bank = [...scenariosOf(moduleSlug).values()].filter((s) => !s.retired).map(({ id, topic }) => ({ id, topic }));
  return drawScenarios(bank, env().scenariosPerAttempt, {
    lastAttempt: previous[0]?.scenarioIds,
    previousCycle: cycle > 1 ? await scenariosSeenInCycle(personId, moduleSlug, cycle - 1, tx) : [],
  });
}

/** Resumes the open attempt for this module and cycle, or draws a new one. */
export async function startOrResumeAttempt(viewer: Viewer, moduleSlug: string): Promise<AttemptRow> {
  if (!canTakeCourse(viewer) || !isModuleSlug(moduleSlug)) throw new QuizError("not-allowed", "You cannot take this quiz.");
  const officerId = viewer.supportedBy?.officerId ?? null;
  return await writeTransaction(async (tx) => {
    // Decisions about one person's training are serialised per person (a no-op on SQLite, whose
    // write transactions are already one at a time; an advisory lock on PostgreSQL).
    await dialect.lockFor(tx, `person:${viewer.personId}`);
    const { cycle } = await trainingState(viewer.personId, tx);
    const open = await findOpenAttempt(viewer.personId, moduleSlug, cycle, tx);
    if (open) {
      if (officerId !== null && open.supportedByPersonId === null) {
        await markAttemptSupported(open.id, officerId, tx);
        return { ...open, supportedByPersonId: officerId };
      }
      return open;
    }
    const scenarioIds = await drawForPerson(viewer.personId, moduleSlug, cycle, tx);
    const attempt = await insertAttemptUnlessOpen(
      {
        personId: viewer.personId,
        moduleSlug,
        cycle,
        contentVersion: course.version,
        scenarioIds,
        startedAt: now(),
        total: scenarioIds.length,
        supportedByPersonId: officerId,
      },
      tx,
    );
    // Another request started one meanwhile (the one-open-attempt index said no): resume that one.
    if (!attempt) return (await findOpenAttempt(viewer.personId, moduleSlug, cycle, tx))!;
    await audit(
      {
        actorId: actorOf(viewer),
        schemeId: viewer.schemeId,
        subjectPersonId: viewer.personId,
        action: "started-quiz",
        details: { attemptId: attempt.id, module: moduleSlug, cycle, route: officerId !== null ? "supported session" : undefined },
      },
      tx,
    );
    return attempt;
  });
}

export type QuestionView = {
  attemptId: number;
  moduleSlug: ModuleSlug;
  number: number;
  total: number;
  scenario: { id: string; title: string; situation: string; question: string; options: { id: string; text: string }[] };
  chosenOptionId: string | null;
  submitted: boolean;
  /** The sources the scenario rests on, for the page's credits. */
  sourceIds: string[];
};

/** What a question page may show: the scenario and options, never which option is best. */
export async function questionView(viewer: Viewer, moduleSlug: string, attemptId: number, number: number): Promise<QuestionView> {
  const attempt = await ownAttempt(viewer, attemptId, moduleSlug);
  const scenarioId = attempt.scenarioIds[number - 1];
  if (!scenarioId) throw new QuizError("not-found", "There is no such question in this quiz.");
  const scenario = scenariosOf(attempt.moduleSlug as ModuleSlug).get(scenarioId)!;
  const answers = latestAnswers(await answersOfAttempt(attempt.id));
  return {
    attemptId: attempt.id,
    moduleSlug: attempt.moduleSlug as ModuleSlug,
    number,
    total: attempt.scenarioIds.length,
    scenario: {
      id: scenario.id,
      title: scenario.title,
      situation: scenario.situation,
      question: scenario.question,
      options: scenario.options.map(({ id, text }) => ({ id, text })),
    },
    chosenOptionId: answers.get(scenarioId) ?? null,
    submitted: Boolean(attempt.submittedAt),
    sourceIds: scenario.sources,
  };
}

/**
 * Saves a choice. A repeat of the answer already in force changes nothing (double clicks and
 * retried requests are harmless); a different choice is kept as a new row with its time.
 */
export async function answerScenario(viewer: Viewer, attemptId: number, scenarioId: string, optionId: string): Promise<{ changed: boolean; total: number }> {
  return await writeTransaction(async (tx) => {
    // Read, decide, write, under the person's lock (as starting and completing are): the same
    // answer sent twice at once is stored once, and an answer cannot slip in beside a submit.
    await dialect.lockFor(tx, `person:${viewer.personId}`);
    // The attempt and the choice already made for this question, in one statement.
    const attempt = await findAttemptWithChoice(attemptId, scenarioId, tx);
    if (!attempt) throw new QuizError("not-found", "We could not find that quiz. Start your own quiz from your training page.");
    const scenario = isModuleSlug(attempt.moduleSlug) ? scenariosOf(attempt.moduleSlug).get(scenarioId) : undefined;
    const problem = answerProblem(attempt, viewer.personId, scenarioId, optionId, scenario);
    if (problem === "not-yours") throw new QuizError("not-found", "We could not find that quiz. Start your own quiz from your training page.");
    if (problem) throw new QuizError(problem, answerProblemMessages[problem]);
    if (viewer.supportedBy && attempt.supportedByPersonId === null) await markAttemptSupported(attempt.id, viewer.supportedBy.officerId, tx);
    if (attempt.currentOption === optionId) return { changed: false, total: attempt.scenarioIds.length };
    await insertAnswer({ attemptId: attempt.id, scenarioId, optionId, best: scenario!.options.find((o) => o.id === optionId)!.best, answeredAt: now() }, tx);
    return { changed: true, total: attempt.scenarioIds.length };
  });
}

export type CheckView = {
  attemptId: number;
  moduleSlug: ModuleSlug;
  submitted: boolean;
  rows: { number: number; title: string; question: string; chosenText: string | null }[];
  sourceIds: string[];
};

/** Every source the attempt's scenarios rest on, once each, in the order they first appear. */
function sourcesOf(scenarioIds: string[], bank: Map<string, Scenario>): string[] {
  return [...new Set(scenarioIds.flatMap((id) => bank.get(id)?.sources ?? []))];
}

export async function checkAnswersView(viewer: Viewer, moduleSlug: string, attemptId: number): Promise<CheckView> {
  const attempt = await ownAttempt(viewer, attemptId, moduleSlug);
  const bank = scenariosOf(attempt.moduleSlug as ModuleSlug);
  const answers = latestAnswers(await answersOfAttempt(attempt.id));
  return {
    attemptId: attempt.id,
    moduleSlug: attempt.moduleSlug as ModuleSlug,
    submitted: Boolean(attempt.submittedAt),
    rows: attempt.scenarioIds.map((id, i) => {
      const s = bank.get(id)!;
      const chosen = answers.get(id);
      return { number: i + 1, title: s.title, question: s.question, chosenText: s.options.find((o) => o.id === chosen)?.text ?? null };
    }),
    sourceIds: sourcesOf(attempt.scenarioIds, bank),
  };
}

/**
 * Scores and closes the attempt. Passing completes the module (and may issue the certificate) in
 * the same transaction. Submitting twice returns the first result and changes nothing.
 */
export async function submitAttempt(viewer: Viewer, moduleSlug: string, attemptId: number): Promise<{ passed: boolean; certificateId: number | null }> {
  const titles = await moduleTitles();
  return await writeTransaction(async (tx) => {
    // The answers it scores are the ones committed before it: no answer is stored beside it.
    await dialect.lockFor(tx, `person:${viewer.personId}`);
    const attempt = await findAttempt(attemptId, tx);
    if (!attempt || attempt.personId !== viewer.personId || attempt.moduleSlug !== moduleSlug) {
      throw new QuizError("not-found", "We could not find that quiz. Start your own quiz from your training page.");
    }
    if (attempt.submittedAt) return { passed: Boolean(attempt.passed), certificateId: null };
    const answers = latestAnswers(await answersOfAttempt(attempt.id, tx));
    const missing = unanswered(attempt.scenarioIds, answers);
    if (missing.length) {
      throw new QuizError("unanswered", `Answer question${missing.length > 1 ? "s" : ""} ${missing.join(", ")} before you submit.`);
    }
    const result = scoreAttempt(attempt.scenarioIds, answers, scenariosOf(attempt.moduleSlug as ModuleSlug));
    const at = now();
    if (!await markAttemptSubmitted(attempt.id, { submittedAt: at, score: result.score, passed: result.passed }, tx)) {
      // A concurrent submit closed it first: the same answer as submitting twice.
      return { passed: Boolean((await findAttempt(attempt.id, tx))?.passed), certificateId: null };
    }
    const supportedBy = attempt.supportedByPersonId ?? viewer.supportedBy?.officerId ?? null;
    if (supportedBy !== null && attempt.supportedByPersonId === null) await markAttemptSupported(attempt.id, supportedBy, tx);
    return await recordSubmission(tx, { ...attempt, supportedByPersonId: supportedBy }, result, { actorId: actorOf(viewer), schemeId: viewer.schemeId }, titles);
  });
}

/**
 * What follows a scored attempt, online or on paper alike: its audit entry and, when it passed,
 * the module's completion (and with the last module the certificate), in the caller's transaction.
 * `attempt` is closed already, with the score `result` came from scoreAttempt().
 */
export async function recordSubmission(
  tx: Tx,
  attempt: AttemptRow,
  result: ReturnType<typeof scoreAttempt>,
  who: { actorId: number; schemeId: number | null; paperEnteredBy?: number; reference?: string },
  titles: ModuleTitles,
): Promise<{ passed: boolean; certificateId: number | null }> {
  const paper = who.paperEnteredBy !== undefined;
  await audit(
    {
      actorId: who.actorId,
      schemeId: who.schemeId,
      subjectPersonId: attempt.personId,
      action: paper ? "entered-paper-answers" : "submitted-quiz",
      details: {
        attemptId: attempt.id,
        module: attempt.moduleSlug,
        score: result.score,
        total: result.total,
        passed: result.passed,
        route: paper ? "on paper" : attempt.supportedByPersonId !== null ? "supported session" : undefined,
        reference: who.reference,
      },
    },
    tx,
  );
  if (!result.passed) return { passed: false, certificateId: null };
  const { certificateId } = await completeModule(
    tx,
    {
      personId: attempt.personId,
      moduleSlug: attempt.moduleSlug,
      cycle: attempt.cycle,
      completedOn: today(),
      score: result.score,
      total: result.total,
      attemptId: attempt.id,
      supportedBy: paper ? null : attempt.supportedByPersonId,
      paperEnteredBy: who.paperEnteredBy ?? null,
      actorId: who.actorId,
    },
    titles,
  );
  return { passed: true, certificateId };
}

export type ResultView = {
  attemptId: number;
  moduleSlug: ModuleSlug;
  score: number;
  total: number;
  passed: boolean;
  submittedAt: Date;
  rows: {
    number: number;
    scenario: Pick<Scenario, "id" | "title" | "situation" | "question">;
    chosen: { text: string; feedback: string; rule: string } | null;
    best: { text: string; feedback: string; rule: string };
    correct: boolean;
  }[];
  sourceIds: string[];
};

/** The result, with feedback: only after the attempt has been submitted. */
export async function resultView(viewer: Viewer, moduleSlug: string, attemptId: number): Promise<ResultView | null> {
  const attempt = await ownAttempt(viewer, attemptId, moduleSlug);
  return await resultOf(attempt);
}

/**
 * The result page's content for a submitted attempt (null before): the score and, for every
 * scenario, the choice with its feedback and the best answer with its. Online and paper results
 * are both built here, so a carer reads the same feedback either way. Callers check who may see it.
 */
export async function resultOf(attempt: AttemptRow): Promise<ResultView | null> {
  if (!attempt.submittedAt) return null;
  const bank = scenariosOf(attempt.moduleSlug as ModuleSlug);
  const answers = latestAnswers(await answersOfAttempt(attempt.id));
  const scored = scoreAttempt(attempt.scenarioIds, answers, bank);
  return {
    attemptId: attempt.id,
    moduleSlug: attempt.moduleSlug as ModuleSlug,
    score: attempt.score ?? scored.score,
    total: attempt.total,
    passed: Boolean(attempt.passed),
    submittedAt: attempt.submittedAt,
    rows: scored.outcomes.map((o, i) => {
      const s = bank.get(o.scenarioId)!;
      const chosen = s.options.find((x) => x.id === o.chosenOptionId);
      const best = s.options.find((x) => x.best)!;
      return {
        number: i + 1,
        scenario: { id: s.id, title: s.title, situation: s.situation, question: s.question },
        chosen: chosen ? { text: chosen.text, feedback: chosen.feedback, rule: chosen.rule } : null,
        best: { text: best.text, feedback: best.feedback, rule: best.rule },
        correct: o.correct,
      };
    }),
    sourceIds: sourcesOf(attempt.scenarioIds, bank),
  };
}

/** Where to take the person in an attempt: the first question still to answer, else the check page. */
export async function resumePoint(attempt: AttemptRow): Promise<number | "check"> {
  const answers = latestAnswers(await answersOfAttempt(attempt.id));
  return unanswered(attempt.scenarioIds, answers)[0] ?? "check";
}

/** Past attempts at one module, for the quiz start page. */
export async function attemptsSummary(viewer: Viewer, moduleSlug: string) {
  return (await listAttempts(viewer.personId, moduleSlug)).map((a) => ({
    id: a.id,
    cycle: a.cycle,
    startedAt: a.startedAt,
    submittedAt: a.submittedAt,
    score: a.score,
    total: a.total,
    passed: a.passed,
  }));
}
