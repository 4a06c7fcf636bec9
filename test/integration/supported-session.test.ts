// Supported sessions end to end on the server, with the real session lookup (lib/auth/viewer.ts:
// only the cookie jar and Auth.js's cookie decoding are stand-ins): the switch, its idle end, and
// what it may reach, as a matrix of pages, actions and route handlers against three browsers:
// the carer signed in themselves, an officer's browser in a supported session with that carer, and
// the same officer signed in as themselves on another device. A refusal must say why and store nothing.
import type { ReactNode } from "react";
import { renderToReadableStream } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf } from "../helpers/db";

const h = vi.hoisted(() => {
  class Redirect extends Error {}
  class NotFound extends Error {}
  return { sid: null as string | null, jar: new Map<string, string>(), Redirect, NotFound };
});

vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new h.Redirect(url);
  },
  notFound: () => {
    throw new h.NotFound("404");
  },
  forbidden: () => {
    throw new h.Redirect("/no-access");
  },
  // The header's ClientLinks asks for the router; drawn on the server, it never uses it.
  useRouter: () => ({ push: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
// The browser's cookie jar: the session cookie names the session id (Auth.js's JWT decoding is the
// only thing stood in for); other cookies (the supported-session hint) are kept as set.
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "authjs.session-token" && h.sid ? { value: `cookie:${h.sid}` } : h.jar.has(name) ? { value: h.jar.get(name)! } : undefined),
    set: (name: string, value: string) => void h.jar.set(name, value),
    delete: (name: string) => void h.jar.delete(name),
  }),
  headers: async () => new Headers(),
}));
vi.mock("@/lib/auth/config", async () => {
  const { endSession } = await import("@/lib/auth/sessions");
  return {
    auth: async () => (h.sid ? { sid: h.sid } : null),
    signIn: async () => {
      throw new h.Redirect("/dashboard");
    },
    signOut: async ({ redirectTo }: { redirectTo: string }) => {
      if (h.sid) await endSession(h.sid);
      throw new h.Redirect(redirectTo);
    },
  };
});

const { getViewer } = await import("@/lib/auth/viewer");
const { startSession } = await import("@/lib/auth/sessions");
const { setTestNow } = await import("@/lib/clock");
const { setPersonActive } = await import("@/db/queries/people");
const { recordAssistedCompletion } = await import("@/lib/trainer/assisted");
const { endIdleSupportedSessions } = await import("@/lib/support/session");
const { SUPPORTED_SESSION_IDLE_MS } = await import("@/lib/support/rules");
const { SUPPORTED_HINT_COOKIE } = await import("@/lib/support/hint");
const { findAttempt } = await import("@/db/queries/training");
const { scenariosOf } = await import("@/lib/content/scenarios");
const { matrixRowOf } = await import("@/lib/trainer/matrix");
const { personRecord } = await import("@/lib/trainer/person-record");
const { listCertificatesOfPerson } = await import("@/db/queries/certificates");
const { supportedSessionsOfPerson } = await import("@/db/queries/support");
const { auditAbout } = await import("@/db/queries/person-record");

/** The audit entries about a person, oldest first. */
async function listAuditAbout(personId: number) {
  return (await auditAbout(personId, 1000)).reverse();
}

const supportActions = await import("@/app/(site)/support/actions");
const { endSupportedSessionAction } = await import("@/app/_actions/end-supported-session");
const { signOutAction } = await import("@/app/_actions/sign-out");
const quizActions = await import("@/app/(site)/modules/[module]/quiz/actions");
const trainerActions = await import("@/app/(site)/trainer/actions");
const { revokeCertificateAction } = await import("@/app/(site)/certificates/[id]/actions");
const { signInWithPassword } = await import("@/app/(site)/sign-in/actions");
const myDataRoute = await import("@/app/(site)/my/data/route");
const calendarRoute = await import("@/app/(site)/my/calendar/route");
const pdfRoute = await import("@/app/(site)/certificates/[id]/pdf/route");
const personDataRoute = await import("@/app/(site)/trainer/people/[personId]/data/route");
const readRoute = await import("@/app/(course)/modules/[module]/[page]/read/route");
const checkRoute = await import("@/app/(course)/modules/[module]/checks/[checkId]/answer/route");
const pages = {
  layout: (await import("@/app/(site)/layout")).default,
  my: (await import("@/app/(site)/my/page")).default,
  myCertificates: (await import("@/app/(site)/my/certificates/page")).default,
  module: (await import("@/app/(site)/modules/[module]/page")).default,
  quiz: (await import("@/app/(site)/modules/[module]/quiz/page")).default,
  question: (await import("@/app/(site)/modules/[module]/quiz/[attempt]/[number]/page")).default,
  check: (await import("@/app/(site)/modules/[module]/quiz/[attempt]/check/page")).default,
  result: (await import("@/app/(site)/modules/[module]/quiz/[attempt]/result/page")).default,
  certificate: (await import("@/app/(site)/certificates/[id]/page")).default,
  trainer: (await import("@/app/(site)/trainer/page")).default,
  person: (await import("@/app/(site)/trainer/people/[personId]/page")).default,
  support: (await import("@/app/(site)/support/page")).default,
  supportCarer: (await import("@/app/(site)/support/[personId]/page")).default,
  dashboard: (await import("@/app/(site)/dashboard/page")).default,
};

let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;

const MODULE = "golden-rules";

async function makeWorld() {
  const schemeA = await makeScheme("Scheme A");
  const schemeB = await makeScheme("Scheme B");
  const carol = await makePerson("carer", schemeA.id, { name: "Carol Carer" });
  const tina = await makePerson("trainer", schemeA.id, { name: "Tina Trainer" });
  const sam = await makePerson("staff", schemeA.id, { name: "Sam Staff" });
  const tom = await makePerson("trainer", schemeB.id, { name: "Tom Other" });
  const admin = await makePerson("admin", null, { name: "Ada Admin" });
  // Carol holds a certificate (three assisted completions), for the certificate rows.
  for (const moduleSlug of ["golden-rules", "confidentiality", "triangle-of-care"]) {
    await recordAssistedCompletion(viewerOf(tina), { personId: carol.id, moduleSlug, completedOn: "2026-11-20", assistedBy: "Tina", evidence: "workbook" });
  }
  const certificateId = (await listCertificatesOfPerson(carol.id))[0]!.id;
  return { schemeA, schemeB, carol, tina, sam, tom, admin, certificateId };
}

beforeEach(async () => {
  setTestNow("2026-11-23T10:00:00Z");
  db = await freshDatabase();
  w = await makeWorld();
  h.sid = null;
  h.jar.clear();
});

/** A page's HTML, nested async server components and all (as Next streams it). */
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

/** Runs a call the way Next would, and says how it ended. */
async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    const result = await fn();
    if (result instanceof Response) {
      const text = await result.clone().text();
      if (result.status === 403 && /supported session/.test(text)) return "supported-refused";
      return String(result.status);
    }
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

/** Signs a browser in as this person: a real session row, its id in the cookie. */
async function browserOf(personId: number): Promise<string> {
  return await startSession(personId);
}

/** The officer's browser, now in a supported session with Carol (started through the action). */
async function supportedBrowser(officerId = w.tina.id): Promise<string> {
  const sid = await browserOf(officerId);
  h.sid = sid;
  expect(await outcome(() => supportActions.startSupportedSessionAction(form({ personId: String(w.carol.id) })))).toBe("redirect /my?supported=started");
  return sid;
}

type Browser = "carer" | "supported session" | "officer";
const BROWSERS: Browser[] = ["carer", "supported session", "officer"];

async function use(browser: Browser): Promise<void> {
  if (browser === "carer") h.sid = await browserOf(w.carol.id);
  else if (browser === "supported session") await supportedBrowser();
  else h.sid = await browserOf(w.tina.id);
}

describe("starting and ending: the switch is server-side, on the officer's own session", () => {
  it("makes the officer's browser Carol's for the course, names the officer, and gives it back at the end", async () => {
    const sid = await supportedBrowser();
    const viewer = (await getViewer())!;
    expect(viewer).toMatchObject({ personId: w.carol.id, name: "Carol Carer", role: "carer", sessionId: sid, supportedBy: { officerId: w.tina.id, officerName: "Tina Trainer" } });
    expect(h.jar.get(SUPPORTED_HINT_COOKIE)).toBe("1");
    // The banner, on every page of the (site) layout.
    const html = await renderHtml(await pages.layout({ children: null }));
    expect(html).toContain("Supported session:");
    expect(html).toContain("Carol Carer<!-- --> with <!-- -->Tina Trainer");
    expect(html).toContain("End session");
    expect(html).not.toContain("Sign out");
    // Carol's training page, without her certificates, calendar or data.
    const my = await renderHtml(await pages.my({ searchParams: Promise.resolve({ supported: "started" }) }));
    expect(my).toContain("in a supported session with <!-- -->Tina Trainer");
    expect(my).not.toContain("/my/data");
    expect(my).not.toContain("/my/calendar");
    expect(my).not.toContain("/certificates");

    // The same officer on another device is still themselves: the switch belongs to one session.
    const other = h.sid;
    h.sid = await browserOf(w.tina.id);
    expect((await getViewer())!.personId).toBe(w.tina.id);
    h.sid = other;

    expect(await outcome(() => endSupportedSessionAction(form({})))).toBe(`redirect /support/${w.carol.id}?ended=1`);
    const back = (await getViewer())!;
    expect(back.personId).toBe(w.tina.id);
    expect(back.supportedBy).toBeUndefined();
    expect(h.jar.has(SUPPORTED_HINT_COOKIE)).toBe(false);
    const audit = await listAuditAbout(w.carol.id);
    expect(audit.filter((a) => a.action.includes("supported-session")).map((a) => [a.action, a.actorId])).toEqual([
      ["started-supported-session", w.tina.id],
      ["ended-supported-session", w.tina.id],
    ]);
    expect((await supportedSessionsOfPerson(w.carol.id))[0]).toMatchObject({ officerName: "Tina Trainer", endReason: "ended" });
  });

  it("needs no password of the carer's, and a staff member (officer) may start one too", async () => {
    expect(w.carol.passwordHash).toBeNull();
    await supportedBrowser(w.sam.id);
    expect((await getViewer())!.supportedBy?.officerName).toBe("Sam Staff");
  });

  it("refuses officers of another scheme, admins, carers, other roles and deactivated carers, storing nothing", async () => {
    const staffB = await makePerson("staff", w.schemeB.id);
    const trainerOfA = await makePerson("trainer", w.schemeA.id);
    const cases: [number, number][] = [
      [w.tom.id, w.carol.id],
      [staffB.id, w.carol.id],
      [w.admin.id, w.carol.id],
      [w.carol.id, w.carol.id],
      [w.tina.id, trainerOfA.id],
      [w.tina.id, w.sam.id],
      [w.tina.id, w.tina.id],
      [w.tina.id, 999_999],
    ];
    for (const [officer, person] of cases) {
      h.sid = await browserOf(officer);
      const before = await rowCounts(db);
      expect(await outcome(() => supportActions.startSupportedSessionAction(form({ personId: String(person) }))), `${officer} -> ${person}`).toBe("403");
      expect(await rowCounts(db)).toEqual(before);
    }
    await setPersonActive(w.carol.id, false, new Date());
    h.sid = await browserOf(w.tina.id);
    expect(await outcome(() => supportActions.startSupportedSessionAction(form({ personId: String(w.carol.id) })))).toBe("403");
  });

  it("two tabs starting at once give one supported session; the other is told one is open", async () => {
    h.sid = await browserOf(w.tina.id);
    const results = await Promise.all([1, 2].map(() => outcome(() => supportActions.startSupportedSessionAction(form({ personId: String(w.carol.id) })))));
    const [first, second] = results.sort();
    expect(first).toBe(`redirect /my?supported=started`);
    // The other tab is refused either way, by timing: under the lock ("one is open"), or, when it
    // reads the session after the first has committed (PostgreSQL runs the two truly at once), as a
    // request made inside the supported session, which may not start another.
    expect([`redirect /support/${w.carol.id}?problem=open`, "supported-refused"]).toContain(second);
    expect(await supportedSessionsOfPerson(w.carol.id)).toHaveLength(1);
  });

  it("signing out ends it too, and the officer's session with it", async () => {
    const sid = await supportedBrowser();
    expect(await outcome(() => signOutAction(form({})))).toBe("redirect /signed-out");
    h.sid = sid;
    expect(await getViewer()).toBeNull();
    expect((await supportedSessionsOfPerson(w.carol.id))[0]).toMatchObject({ endReason: "signed-out" });
  });
});

describe("it ends by itself after the idle time", () => {
  const at = (minutes: number) => setTestNow(new Date(Date.parse("2026-11-23T10:00:00Z") + minutes * 60_000).toISOString());

  it("stands while used, ends 30 minutes after the last use, once, with an audit entry", async () => {
    await supportedBrowser();
    at(20);
    expect((await getViewer())!.supportedBy).toBeTruthy(); // used: the last-active time moves on
    at(49);
    expect((await getViewer())!.supportedBy).toBeTruthy(); // 29 minutes since the last use
    at(78);
    expect((await getViewer())!.personId).toBe(w.carol.id); // 29 minutes since the last use again
    at(78 + 30);
    const viewer = await getViewer();
    expect(viewer).toMatchObject({ personId: w.tina.id });
    expect(viewer!.supportedBy).toBeUndefined();
    expect((await getViewer())!.personId).toBe(w.tina.id); // asked again: still ended, not ended twice
    const expired = (await listAuditAbout(w.carol.id)).filter((a) => a.action === "supported-session-expired");
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ actorId: w.tina.id, details: { idleMinutes: 30 } });
    expect((await supportedSessionsOfPerson(w.carol.id))[0]).toMatchObject({ endReason: "expired" });
  });

  it("the daily job ends sessions nobody came back to, once", async () => {
    await supportedBrowser();
    setTestNow(new Date(Date.parse("2026-11-23T10:00:00Z") + SUPPORTED_SESSION_IDLE_MS - 1).toISOString());
    expect(await endIdleSupportedSessions()).toBe(0);
    setTestNow(new Date(Date.parse("2026-11-23T10:00:00Z") + SUPPORTED_SESSION_IDLE_MS + 1).toISOString());
    expect(await endIdleSupportedSessions()).toBe(1);
    expect(await endIdleSupportedSessions()).toBe(0);
    expect((await listAuditAbout(w.carol.id)).filter((a) => a.action === "supported-session-expired")).toHaveLength(1);
  });

  it("ends at once when the carer is deactivated meanwhile", async () => {
    await supportedBrowser();
    await setPersonActive(w.carol.id, false, new Date());
    expect((await getViewer())!.personId).toBe(w.tina.id);
    expect((await supportedSessionsOfPerson(w.carol.id))[0]).toMatchObject({ endReason: "not-allowed" });
  });
});

describe("the course in a supported session: the carer's attempt, recorded as supported", () => {
  async function answerEverything(moduleSlug: string, choose: "best" | "wrong") {
    const started = await outcome(() => quizActions.startQuizAction(form({ module: moduleSlug })));
    const [, attemptId] = /\/quiz\/(\d+)\//.exec(started)!;
    const attempt = (await findAttempt(Number(attemptId)))!;
    const bank = scenariosOf(moduleSlug as never);
    for (const [i, scenarioId] of attempt.scenarioIds.entries()) {
      // What the officer sees on the question page: never which option is best.
      const html = await renderHtml(
        await pages.question({ params: Promise.resolve({ module: moduleSlug, attempt: attemptId!, number: String(i + 1) }), searchParams: Promise.resolve({}) }),
      );
      const scenario = bank.get(scenarioId)!;
      expect(html).toContain(scenario.options[0]!.text.replace(/'/g, "&#x27;").slice(0, 20));
      for (const o of scenario.options) {
        expect(html).not.toContain(o.feedback.slice(0, 40));
        expect(html).not.toContain(o.rule);
      }
      // ("best" alone is in one option: "a written best interests decision".)
      expect(html).not.toMatch(/best answer|"best"|data-best|correct/i);
      const option = scenario.options.find((o) => (choose === "best" ? o.best : !o.best))!;
      await outcome(() => quizActions.answerAction({}, form({ module: moduleSlug, attemptId: attemptId!, number: String(i + 1), scenario: scenarioId, option: option.id })));
    }
    expect(await outcome(() => quizActions.submitAction({}, form({ module: moduleSlug, attemptId: attemptId! })))).toBe(`redirect /modules/${moduleSlug}/quiz/${attemptId}/result`);
    return Number(attemptId);
  }

  it("scores it the same way, marks it with the officer, and trainers see it everywhere", async () => {
    // A fresh round for Carol: her certificate is revoked, so the next cycle starts.
    const fresh = await makePerson("carer", w.schemeA.id, { name: "Fay Fresh" });
    w = { ...w, carol: fresh };
    await supportedBrowser();
    const attempts = [];
    for (const moduleSlug of ["golden-rules", "confidentiality", "triangle-of-care"]) attempts.push(await answerEverything(moduleSlug, "best"));
    for (const id of attempts) {
      expect(await findAttempt(id)).toMatchObject({ personId: fresh.id, supportedByPersonId: w.tina.id, passed: true });
    }
    const result = await renderHtml(await pages.result({ params: Promise.resolve({ module: MODULE, attempt: String(attempts[0]) }) }));
    expect(result).toContain("You passed");
    // The certificate is Carol's, and says how each module was done.
    const certificate = (await listCertificatesOfPerson(fresh.id))[0]!;
    expect(certificate.modules.map((m) => m.route)).toEqual(["supported", "supported", "supported"]);

    // What a trainer sees: the matrix cells, the person's record, the audit log.
    const row = (await matrixRowOf(w.schemeA.id, fresh.id))!;
    expect(row.modules.map((m) => [m.routeTag, m.routeText])).toEqual(Array(3).fill(["Supported session", "in a supported session with Tina Trainer"]));
    const record = await personRecord(viewerOf(w.tina), fresh.id);
    expect(record.attempts.map((a) => a.routeText)).toEqual(Array(3).fill("in a supported session with Tina Trainer"));
    expect(record.certificates[0]!.modules.map((m) => m.routeText)).toEqual(Array(3).fill("in a supported session with Tina Trainer"));
    const audit = await listAuditAbout(fresh.id);
    const submitted = audit.filter((a) => a.action === "submitted-quiz");
    expect(submitted).toHaveLength(3);
    for (const entry of submitted) expect(entry).toMatchObject({ actorId: w.tina.id, details: { route: "supported session" } });
    expect(audit.filter((a) => a.action === "completed-module").every((a) => (a.details as { route?: string }).route === "supported session")).toBe(true);
  });

  it("an attempt the carer began alone and finished in a supported session is marked supported", async () => {
    const fresh = await makePerson("carer", w.schemeA.id, { name: "Fay Fresh" });
    h.sid = await browserOf(fresh.id);
    const started = await outcome(() => quizActions.startQuizAction(form({ module: MODULE })));
    const attemptId = Number(/\/quiz\/(\d+)\//.exec(started)![1]);
    expect((await findAttempt(attemptId))!.supportedByPersonId).toBeNull();
    w = { ...w, carol: fresh };
    await supportedBrowser();
    expect(await outcome(() => quizActions.startQuizAction(form({ module: MODULE })))).toMatch(new RegExp(`/quiz/${attemptId}/`));
    expect((await findAttempt(attemptId))!.supportedByPersonId).toBe(w.tina.id);
  });
});

// ---- The matrix: every way in, against the three browsers. ----

type Expect = "ok" | "supported-refused" | "403" | `redirect ${string}` | "any-but-refused" | string;

const course = (expectAll: Expect) => ({ carer: expectAll, "supported session": expectAll, officer: expectAll });
const account = (carer: Expect, officer: Expect) => ({ carer, "supported session": "supported-refused", officer });

const matrix: Record<string, { call: () => Promise<unknown>; expect: Record<Browser, Expect> }> = {
  // The course: allowed in a supported session.
  "page /dashboard": { call: () => pages.dashboard(), expect: { carer: "redirect /my", "supported session": "redirect /my", officer: "redirect /trainer" } },
  "page /my": { call: async () => await renderHtml(await pages.my({ searchParams: Promise.resolve({}) })), expect: course("ok") },
  "page /modules/[module]": {
    call: async () => await renderHtml(await pages.module({ params: Promise.resolve({ module: MODULE }), searchParams: Promise.resolve({}) })),
    expect: course("ok"),
  },
  "page /modules/[module]/quiz": {
    call: async () => await renderHtml(await pages.quiz({ params: Promise.resolve({ module: MODULE }), searchParams: Promise.resolve({}) })),
    expect: course("ok"),
  },
  "action start the quiz": { call: () => quizActions.startQuizAction(form({ module: MODULE })), expect: course("any-but-refused") },
  "route POST a lesson page read": {
    call: () => readRoute.POST(new Request("http://localhost/modules/golden-rules/myth-buster/read", { method: "POST", headers: { origin: "http://localhost", host: "localhost" } }), {
      params: Promise.resolve({ module: MODULE, page: "myth-buster" }),
    }),
    expect: course("303"),
  },
  "route POST a knowledge check": {
    call: () => {
      const body = new FormData();
      body.append("option", "0");
      return checkRoute.POST(new Request("http://localhost/x", { method: "POST", body, headers: { origin: "http://localhost", host: "localhost" } }), {
        params: Promise.resolve({ module: MODULE, checkId: "gr-consent-1" }),
      });
    },
    expect: course("any-but-refused"),
  },
  // Everything else of the carer's account: refused in a supported session.
  "route /my/data (data export)": { call: () => myDataRoute.GET(new Request("http://localhost/my/data")), expect: account("200", "200") },
  "route /my/calendar": { call: () => calendarRoute.GET(new Request("http://localhost/my/calendar")), expect: account("200", "404") },
  "page /my/certificates": { call: async () => await renderHtml(await pages.myCertificates()), expect: account("ok", "ok") },
  "page /certificates/[id]": {
    call: async () => await renderHtml(await pages.certificate({ params: Promise.resolve({ id: String(w.certificateId) }), searchParams: Promise.resolve({}) })),
    expect: account("ok", "ok"),
  },
  "route /certificates/[id]/pdf": {
    call: () => pdfRoute.GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: String(w.certificateId) }) }),
    expect: account("200", "200"),
  },
  "action revoke a certificate": {
    call: () => revokeCertificateAction({}, form({ certificateId: String(w.certificateId), reason: "test", confirm: "yes" })),
    expect: account("403", `redirect /certificates/${"ID"}?revoked=1`),
  },
  "action sign in with a password (sign-in details)": {
    call: () => signInWithPassword({}, form({ email: "someone@example.org", password: "guess guess" })),
    expect: account("redirect /dashboard", "redirect /dashboard"),
  },
  "page /trainer (trainer area)": {
    call: async () => await renderHtml(await pages.trainer({ searchParams: Promise.resolve({}) })),
    expect: account("403", "ok"),
  },
  "page /trainer/people/[carer]": {
    call: async () => await renderHtml(await pages.person({ params: Promise.resolve({ personId: String(w.carol.id) }), searchParams: Promise.resolve({}) })),
    expect: account("403", "ok"),
  },
  "route /trainer/people/[carer]/data": {
    call: () => personDataRoute.GET(new Request("http://localhost/x"), { params: Promise.resolve({ personId: String(w.carol.id) }) }),
    expect: account("403", "200"),
  },
  "action deactivate a person": {
    call: () => trainerActions.setActiveAction({}, form({ personId: String(w.sam.id), active: "false" })),
    expect: account("403", "any-but-refused"),
  },
  "page /support": { call: async () => await renderHtml(await pages.support({ searchParams: Promise.resolve({}) })), expect: account("403", "ok") },
  "page /support/[carer]": {
    call: async () => await renderHtml(await pages.supportCarer({ params: Promise.resolve({ personId: String(w.carol.id) }), searchParams: Promise.resolve({}) })),
    expect: account("403", "ok"),
  },
  "action start another supported session": {
    call: () => supportActions.startSupportedSessionAction(form({ personId: String(w.carol.id) })),
    expect: account("403", "redirect /my?supported=started"),
  },
  "action print a paper workbook": {
    call: () => supportActions.printWorkbookAction(form({ personId: String(w.carol.id), moduleSlug: MODULE })),
    expect: account("403", "any-but-refused"),
  },
  // The ways out: allowed.
  "action end the supported session": {
    call: () => endSupportedSessionAction(form({})),
    expect: { carer: "redirect /dashboard", "supported session": "redirect /support/ID?ended=1", officer: "redirect /dashboard" },
  },
  "action sign out": { call: () => signOutAction(form({})), expect: course("redirect /signed-out") },
};

describe("what a supported session may reach, against the carer and the officer", () => {
  for (const [name, { call, expect: expected }] of Object.entries(matrix)) {
    it.each(BROWSERS)(`${name}: %s`, async (browser) => {
      await use(browser);
      const before = await rowCounts(db);
      const got = await outcome(call);
      const want = expected[browser].replace("ID", String(want_id(expected[browser])));
      if (want === "any-but-refused") expect(got).not.toMatch(/refused|^403$/);
      else expect(got).toBe(want);
      if (got === "supported-refused") expect(await rowCounts(db)).toEqual(before);
    });
  }
});

/** The id a matrix expectation names (a certificate for revoking, Carol for ending). */
function want_id(text: string): number {
  return text.startsWith("redirect /certificates") ? w.certificateId : w.carol.id;
}
