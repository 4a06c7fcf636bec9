// Paper, scored: a workbook drawn by the online rule, its answers typed in and scored exactly as an
// online attempt (same scoring, pass mark, feedback, completion and certificate), once per sheet,
// with wrong references and answers not on the sheet refused and nothing stored; who may do what,
// as a matrix; and the printed workbook never shows which answer is best.
import type { ReactNode } from "react";
import { renderToReadableStream } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf } from "../helpers/db";

const h = vi.hoisted(() => {
  class Redirect extends Error {}
  class NotFound extends Error {}
  return { sid: null as string | null, Redirect, NotFound };
});

vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new h.Redirect(url);
  },
  notFound: () => {
    throw new h.NotFound("404");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "authjs.session-token" && h.sid ? { value: `cookie:${h.sid}` } : undefined),
    set: () => {},
    delete: () => {},
  }),
  headers: async () => new Headers(),
}));
vi.mock("@/lib/auth/config", () => ({ auth: async () => (h.sid ? { sid: h.sid } : null) }));

const { startSession } = await import("@/lib/auth/sessions");
const { setTestNow } = await import("@/lib/clock");
const { setPersonActive } = await import("@/db/queries/people");
const { findWorkbookByReference } = await import("@/db/queries/support");
const { completionsInCycle, findAttempt } = await import("@/db/queries/training");
const { listCertificatesOfPerson } = await import("@/db/queries/certificates");
const { auditAbout } = await import("@/db/queries/person-record");
const { scenariosOf } = await import("@/lib/content/scenarios");
const { drawScenarios } = await import("@/lib/quiz/draw");
const { env } = await import("@/lib/env");
const { answerScenario, resultOf, startOrResumeAttempt, submitAttempt } = await import("@/lib/quiz/service");
const { enterWorkbookAnswers, printWorkbook, workbookResult } = await import("@/lib/paper/workbook");
const { formatReference, newReference } = await import("@/lib/paper/reference");
const { recordAssistedCompletion } = await import("@/lib/trainer/assisted");
const { matrixRowOf } = await import("@/lib/trainer/matrix");
const { personRecord } = await import("@/lib/trainer/person-record");
const actions = await import("@/app/(site)/support/actions");
const pages = {
  find: (await import("@/app/(site)/support/paper/page")).default,
  entry: (await import("@/app/(site)/support/paper/[reference]/page")).default,
  print: (await import("@/app/(site)/support/paper/[reference]/print/page")).default,
  result: (await import("@/app/(site)/support/paper/[reference]/result/page")).default,
  carer: (await import("@/app/(site)/support/[personId]/page")).default,
};

type ModuleSlug = "golden-rules" | "confidentiality" | "triangle-of-care";
const MODULE: ModuleSlug = "golden-rules";

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  const schemeA = await makeScheme("Scheme A");
  const schemeB = await makeScheme("Scheme B");
  return {
    schemeA,
    schemeB,
    carol: await makePerson("carer", schemeA.id, { name: "Carol Carer" }),
    dan: await makePerson("carer", schemeA.id, { name: "Dan Online" }),
    tina: await makePerson("trainer", schemeA.id, { name: "Tina Trainer" }),
    sam: await makePerson("staff", schemeA.id, { name: "Sam Staff" }),
    tom: await makePerson("trainer", schemeB.id, { name: "Tom Other" }),
    staffB: await makePerson("staff", schemeB.id, { name: "Stan Other" }),
    admin: await makePerson("admin", null, { name: "Ada Admin" }),
  };
}

beforeEach(async () => {
  setTestNow("2026-11-23T10:00:00Z");
  db = await freshDatabase();
  w = await makeWorld();
  h.sid = null;
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function renderHtml(node: ReactNode): Promise<string> {
  const stream = await renderToReadableStream(node, { onError: () => {} });
  await stream.allReady;
  return await new Response(stream).text();
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    const result = await fn();
    if (result && typeof result === "object" && ("errors" in result || "message" in result)) return "form-error";
    return "ok";
  } catch (error) {
    if (error instanceof h.Redirect) {
      if (error.message === "/no-access?why=supported-session") return "supported-refused";
      if (error.message === "/no-access") return "403";
      return `redirect ${error.message}`;
    }
    if (error instanceof h.NotFound) return "404";
    throw error;
  }
}

/** A deterministic Math.random, so that two draws with the same history give the same scenarios. */
function seedRandom(seed: number) {
  let s = seed;
  return vi.spyOn(Math, "random").mockImplementation(() => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  });
}

const bank = (m: ModuleSlug) => scenariosOf(m);
const letter = (m: ModuleSlug, scenarioId: string, optionId: string) => "ABCD"[bank(m).get(scenarioId)!.options.findIndex((o) => o.id === optionId)]!;
const bestId = (m: ModuleSlug, id: string) => bank(m).get(id)!.options.find((o) => o.best)!.id;
const wrongId = (m: ModuleSlug, id: string) => bank(m).get(id)!.options.find((o) => !o.best)!.id;

/** The sheet's answers as an officer types them: the letters for these option ids. */
function sheetForm(m: ModuleSlug, scenarioIds: string[], optionIds: string[]): Record<string, string> {
  return Object.fromEntries(scenarioIds.map((id, i) => [`q${i + 1}`, letter(m, id, optionIds[i]!)]));
}

async function printed(carer = w.carol, m: ModuleSlug = MODULE, officer = w.tina) {
  const { reference } = await printWorkbook(viewerOf(officer), carer.id, m);
  return (await findWorkbookByReference(reference))!;
}

describe("printing a workbook", () => {
  it("draws its scenarios by the same balanced, rotating rule as an online attempt, and keeps them", async () => {
    const dan = viewerOf(w.dan);
    const online = await startOrResumeAttempt(dan, MODULE);
    // Dan's next draw must rotate away from that attempt; a workbook for him is drawn the same way.
    const tagged = [...bank(MODULE).values()].filter((s) => !s.retired).map(({ id, topic }) => ({ id, topic }));
    seedRandom(11);
    const expected = drawScenarios(tagged, env().scenariosPerAttempt, { lastAttempt: online.scenarioIds, previousCycle: [] });
    vi.restoreAllMocks();
    seedRandom(11);
    const workbook = await printed(w.dan);
    expect(workbook.scenarioIds).toEqual(expected);
    expect(new Set(workbook.scenarioIds).size).toBe(env().scenariosPerAttempt);
    expect(workbook.scenarioIds.filter((id) => online.scenarioIds.includes(id)).length).toBeLessThanOrEqual(Math.max(0, 2 * env().scenariosPerAttempt - tagged.length));
    expect(workbook).toMatchObject({ personId: w.dan.id, schemeId: w.schemeA.id, moduleSlug: MODULE, cycle: 1, printedBy: w.tina.id, enteredAt: null });
    expect(workbook.reference).toMatch(/^\d{10}$/);
    const audit = (await auditAbout(w.dan.id, 10)).find((a) => a.action === "printed-paper-workbook")!;
    expect(audit).toMatchObject({ actorId: w.tina.id, details: { reference: formatReference(workbook.reference), module: MODULE } });
  });

  it("never prints which answer is best, nor any feedback, before the answers are entered", async () => {
    const workbook = await printed();
    h.sid = await startSession(w.tina.id);
    const html = await renderHtml(await pages.print({ params: Promise.resolve({ reference: workbook.reference }) }));
    const questions = html.slice(html.indexOf('id="questions-title"'));
    expect(questions).toContain("Answer sheet");
    for (const id of workbook.scenarioIds) {
      const scenario = bank(MODULE).get(id)!;
      expect(questions).toContain(scenario.title.replace(/'/g, "&#x27;"));
      for (const o of scenario.options) {
        expect(html, o.feedback).not.toContain(o.feedback.replace(/'/g, "&#x27;").slice(0, 50));
        expect(questions).not.toContain(o.rule.replace(/'/g, "&#x27;"));
      }
    }
    expect(questions).not.toMatch(/best answer|"best"|correct|right answer|data-best/i);
    // The entry form shows the letters and words, and nothing more.
    const entry = await renderHtml(await pages.entry({ params: Promise.resolve({ reference: workbook.reference }) }));
    expect(entry).not.toMatch(/best answer|"best"|data-best|correct/i);
    for (const id of workbook.scenarioIds) for (const o of bank(MODULE).get(id)!.options) expect(entry).not.toContain(o.feedback.replace(/'/g, "&#x27;").slice(0, 50));
  });
});

describe("entering the answers: scored exactly as online", () => {
  it.each([
    ["all best: a pass", (i: number) => i >= 0],
    ["three of five: not a pass", (i: number) => i < 3],
    ["four of five: exactly the pass mark", (i: number) => i < 4],
  ])("%s gives the same score, result, feedback and completion as the same answers online", async (_label, bestAt) => {
    // Dan online and Carol on paper, each with no history: seeded alike, they draw the same scenarios.
    seedRandom(5);
    const online = await startOrResumeAttempt(viewerOf(w.dan), MODULE);
    vi.restoreAllMocks();
    seedRandom(5);
    const workbook = await printed(w.carol);
    vi.restoreAllMocks();
    expect(workbook.scenarioIds).toEqual(online.scenarioIds);
    const choices = online.scenarioIds.map((id, i) => (bestAt(i) ? bestId(MODULE, id) : wrongId(MODULE, id)));

    for (const [i, id] of online.scenarioIds.entries()) await answerScenario(viewerOf(w.dan), online.id, id, choices[i]!);
    const onlineSubmit = await submitAttempt(viewerOf(w.dan), MODULE, online.id);
    const paper = await enterWorkbookAnswers(viewerOf(w.tina), workbook.reference, sheetForm(MODULE, workbook.scenarioIds, choices));
    expect(paper).toEqual({ ok: true, passed: onlineSubmit.passed, certificateId: null });

    const onlineResult = (await resultOf((await findAttempt(online.id))!))!;
    const paperResult = (await workbookResult(viewerOf(w.tina), workbook.reference))!.result;
    const strip = (r: typeof onlineResult) => ({ score: r.score, total: r.total, passed: r.passed, rows: r.rows, sourceIds: r.sourceIds, moduleSlug: r.moduleSlug });
    expect(strip(paperResult)).toEqual(strip(onlineResult));

    const [danDone, carolDone] = [await completionsInCycle(w.dan.id, 1), await completionsInCycle(w.carol.id, 1)];
    expect(carolDone.map((c) => [c.moduleSlug, c.score, c.total, c.assisted])).toEqual(danDone.map((c) => [c.moduleSlug, c.score, c.total, c.assisted]));
    if (onlineSubmit.passed) expect(carolDone[0]).toMatchObject({ paperEnteredByPersonId: w.tina.id, supportedByPersonId: null });
  });

  it("a pass on paper in every module issues the certificate, recorded as on paper, entered by the officer, everywhere a trainer looks", async () => {
    let certificateId: number | null = null;
    for (const m of ["golden-rules", "confidentiality", "triangle-of-care"] as const) {
      const workbook = await printed(w.carol, m, w.sam);
      const result = await enterWorkbookAnswers(viewerOf(w.sam), workbook.reference, sheetForm(m, workbook.scenarioIds, workbook.scenarioIds.map((id) => bestId(m, id))));
      expect(result).toMatchObject({ ok: true, passed: true });
      if (result.ok) certificateId = result.certificateId;
    }
    expect(certificateId).not.toBeNull();
    const certificate = (await listCertificatesOfPerson(w.carol.id))[0]!;
    expect(certificate.modules.map((m) => m.route)).toEqual(["paper", "paper", "paper"]);
    const row = (await matrixRowOf(w.schemeA.id, w.carol.id))!;
    expect(row.modules.map((m) => m.routeText)).toEqual(Array(3).fill("on paper, entered by Sam Staff"));
    const record = await personRecord(viewerOf(w.tina), w.carol.id);
    expect(record.attempts.every((a) => a.route === "paper" && a.routeText.startsWith("on paper, entered by Sam Staff (workbook "))).toBe(true);
    expect(record.certificates[0]!.modules.map((m) => m.routeText)).toEqual(Array(3).fill("on paper, entered by Sam Staff"));
    expect(record.workbooks).toHaveLength(3);
    const entered = (await auditAbout(w.carol.id, 100)).filter((a) => a.action === "entered-paper-answers");
    expect(entered).toHaveLength(3);
    for (const a of entered) expect(a).toMatchObject({ actorId: w.sam.id, details: { route: "on paper", passed: true } });
  });
});

describe("a sheet is entered once", () => {
  it("a second entry stores nothing and leads to the one result, saying so", async () => {
    const workbook = await printed();
    const answers = sheetForm(MODULE, workbook.scenarioIds, workbook.scenarioIds.map((id) => bestId(MODULE, id)));
    h.sid = await startSession(w.tina.id);
    expect(await outcome(() => actions.enterAnswersAction({}, form({ reference: workbook.reference, ...answers })))).toBe(`redirect /support/paper/${workbook.reference}/result?entered=1`);
    h.sid = await startSession(w.sam.id);
    const before = await rowCounts(db);
    expect(await outcome(() => actions.enterAnswersAction({}, form({ reference: workbook.reference, ...answers })))).toBe(`redirect /support/paper/${workbook.reference}/result?already=1`);
    expect(await rowCounts(db)).toEqual(before);
    const html = await renderHtml(await pages.result({ params: Promise.resolve({ reference: workbook.reference }), searchParams: Promise.resolve({ already: "1" }) }));
    expect(html).toContain("had already been entered");
    expect(html).toContain("Tina Trainer");
  });

  it("two officers entering the same sheet at the same moment give one attempt and one result", async () => {
    const workbook = await printed();
    const answers = sheetForm(MODULE, workbook.scenarioIds, workbook.scenarioIds.map((id) => bestId(MODULE, id)));
    const results = await Promise.all([w.tina, w.sam].map((o) => enterWorkbookAnswers(viewerOf(o), workbook.reference, answers)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && "alreadyEntered" in r)).toHaveLength(1);
    expect((await rowCounts(db)).quiz_attempts).toBe(1);
    expect(await completionsInCycle(w.carol.id, 1)).toHaveLength(1);
  });
});

describe("refusals store nothing", () => {
  it("a wrong reference is refused clearly: malformed, mistyped, unknown, or another scheme's", async () => {
    const workbook = await printed();
    const typo = workbook.reference.slice(0, 3) + String((Number(workbook.reference[3]) + 1) % 10) + workbook.reference.slice(4);
    let unknown = newReference();
    while (unknown === workbook.reference) unknown = newReference();
    const cases: [number, string, string][] = [
      [w.tina.id, "", "Enter the reference number"],
      [w.tina.id, "12345", "has 10 digits"],
      [w.tina.id, "WB-12AB", "digits only"],
      [w.tina.id, typo, "not a reference number we gave out"],
      [w.tina.id, unknown, "no workbook with that reference number for your scheme"],
      [w.tom.id, workbook.reference, "no workbook with that reference number for your scheme"],
      [w.staffB.id, formatReference(workbook.reference), "no workbook with that reference number for your scheme"],
    ];
    for (const [officer, reference, message] of cases) {
      h.sid = await startSession(officer);
      const before = await rowCounts(db);
      const state = (await actions.findWorkbookAction({}, form({ reference }))) as { errors: { field: string; message: string }[] };
      expect(state.errors, reference).toEqual([{ field: "reference", message: expect.stringContaining(message) }]);
      expect(await rowCounts(db)).toEqual(before);
      // The GET page says the same, beside the field.
      const html = await renderHtml(await pages.find({ searchParams: Promise.resolve({ reference }) }));
      expect(html).toContain("There is a problem");
    }
    h.sid = await startSession(w.sam.id);
    expect(await outcome(() => actions.findWorkbookAction({}, form({ reference: formatReference(workbook.reference) })))).toBe(`redirect /support/paper/${workbook.reference}`);
  });

  it("an answer that is not on the sheet, or a missing one, is refused, naming the question", async () => {
    const workbook = await printed();
    const good = sheetForm(MODULE, workbook.scenarioIds, workbook.scenarioIds.map((id) => bestId(MODULE, id)));
    const threeOptions = workbook.scenarioIds.findIndex((id) => bank(MODULE).get(id)!.options.length === 3);
    h.sid = await startSession(w.tina.id);
    const cases: [Record<string, string>, RegExp][] = [
      [{ ...good, q6: "A" }, /Question 6 is not on this answer sheet/],
      [{ ...good, q1: "E" }, /Question 1 has answers A(, [B-Z])* or [B-Z] on this sheet/],
      [{ ...good, q2: "" }, /Enter the answer ticked for question 2/],
      [Object.fromEntries(Object.entries(good).filter(([k]) => k !== "q5")), /question 5/],
    ];
    if (threeOptions >= 0) cases.push([{ ...good, [`q${threeOptions + 1}`]: "D" }, new RegExp(`Question ${threeOptions + 1} has answers A, B or C`)]);
    for (const [answers, message] of cases) {
      const before = await rowCounts(db);
      const state = (await actions.enterAnswersAction({}, form({ reference: workbook.reference, ...answers }))) as { errors: { message: string }[] };
      expect(state.errors.map((e) => e.message).join(" | ")).toMatch(message);
      expect(await rowCounts(db)).toEqual(before);
    }
    // A tampered reference field: refused as a whole, nothing stored.
    const before = await rowCounts(db);
    expect(await outcome(() => actions.enterAnswersAction({}, form({ reference: "1234567890", ...good })))).toBe("form-error");
    expect(await rowCounts(db)).toEqual(before);
  });

  it("a sheet printed for an earlier round of training, or for a carer since deactivated, is refused", async () => {
    for (const m of ["golden-rules", "confidentiality", "triangle-of-care"]) {
      await recordAssistedCompletion(viewerOf(w.tina), { personId: w.carol.id, moduleSlug: m, completedOn: "2026-11-20", assistedBy: "Tina", evidence: "x" });
    }
    const workbook = await printed(); // cycle 1, certificate valid
    const answers = sheetForm(MODULE, workbook.scenarioIds, workbook.scenarioIds.map((id) => bestId(MODULE, id)));
    setTestNow("2027-10-01T10:00:00Z"); // the refresher window is open: cycle 2
    let before = await rowCounts(db);
    expect(await enterWorkbookAnswers(viewerOf(w.tina), workbook.reference, answers)).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("before their current round") }] });
    expect(await rowCounts(db)).toEqual(before);

    const fresh = await printed();
    await setPersonActive(w.carol.id, false, new Date());
    before = await rowCounts(db);
    // Answers that fit this sheet (its draw differs from the first), so only the carer is refused.
    const freshAnswers = sheetForm(MODULE, fresh.scenarioIds, fresh.scenarioIds.map((id) => bestId(MODULE, id)));
    expect(await enterWorkbookAnswers(viewerOf(w.tina), fresh.reference, freshAnswers)).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("deactivated") }] });
    expect(await rowCounts(db)).toEqual(before);
  });
});

// ---- Who may do what, as a matrix. ----

type Who = "carer" | "staff" | "trainer" | "trainer of another scheme" | "staff of another scheme" | "admin" | "supported session";
const WHO: Who[] = ["carer", "staff", "trainer", "trainer of another scheme", "staff of another scheme", "admin", "supported session"];
const OFFICERS: Who[] = ["staff", "trainer"];

async function as(who: Who) {
  const id = { carer: w.carol.id, staff: w.sam.id, trainer: w.tina.id, "trainer of another scheme": w.tom.id, "staff of another scheme": w.staffB.id, admin: w.admin.id, "supported session": w.tina.id }[who];
  h.sid = await startSession(id);
  if (who === "supported session") {
    const other = await makePerson("carer", w.schemeA.id);
    const { startSupportedSession } = await import("@/lib/support/session");
    const { getViewer } = await import("@/lib/auth/viewer");
    await startSupportedSession((await getViewer())!, other.id);
  }
}

describe("who may print, find, enter and see a workbook", () => {
  let reference = "";
  const calls: Record<string, () => Promise<unknown>> = {
    "print a workbook": () => actions.printWorkbookAction(form({ personId: String(w.carol.id), moduleSlug: MODULE })),
    "find a workbook by reference": () => actions.findWorkbookAction({}, form({ reference })),
    "enter the answers": async () => {
      const wb = (await findWorkbookByReference(reference))!;
      return await actions.enterAnswersAction({}, form({ reference, ...sheetForm(MODULE, wb.scenarioIds, wb.scenarioIds.map((id) => bestId(MODULE, id))) }));
    },
    "page: the carer's support page": async () => await renderHtml(await pages.carer({ params: Promise.resolve({ personId: String(w.carol.id) }), searchParams: Promise.resolve({}) })),
    "page: the entry form": async () => await renderHtml(await pages.entry({ params: Promise.resolve({ reference }) })),
    "page: the printed workbook": async () => await renderHtml(await pages.print({ params: Promise.resolve({ reference }) })),
  };

  for (const [name, call] of Object.entries(calls)) {
    it.each(WHO)(`${name}: %s`, async (who) => {
      reference = (await printed()).reference;
      await as(who);
      const before = await rowCounts(db);
      const got = await outcome(call);
      if (OFFICERS.includes(who)) {
        expect(got).toMatch(/^(ok|redirect \/support\/paper\/\d{10}(\/print|\/result\?entered=1)?)$/);
      } else if (name === "find a workbook by reference" && who.endsWith("of another scheme")) {
        // An officer elsewhere is told there is no such workbook for their scheme: no hint it exists.
        expect(got).toBe("form-error");
        expect(await rowCounts(db)).toEqual(before);
      } else {
        expect(got).toBe(who === "supported session" ? "supported-refused" : "403");
        // Opening a supported session above wrote its own rows; the refused call wrote none.
        expect(await rowCounts(db)).toEqual(before);
      }
    });
  }

  it("the result page, before and after entry, for officers only", async () => {
    reference = (await printed()).reference;
    await as("trainer");
    expect(await outcome(async () => await pages.result({ params: Promise.resolve({ reference }), searchParams: Promise.resolve({}) }))).toBe(`redirect /support/paper/${reference}`);
    await outcome(calls["enter the answers"]!);
    expect(await outcome(async () => await renderHtml(await pages.result({ params: Promise.resolve({ reference }), searchParams: Promise.resolve({}) })))).toBe("ok");
    for (const who of ["carer", "trainer of another scheme", "admin"] as const) {
      await as(who);
      expect(await outcome(async () => await pages.result({ params: Promise.resolve({ reference }), searchParams: Promise.resolve({}) }))).toBe("403");
    }
    await as("trainer");
    expect(await outcome(async () => await pages.result({ params: Promise.resolve({ reference: "12345" }), searchParams: Promise.resolve({}) }))).toBe("redirect /page-not-found");
  });
});
