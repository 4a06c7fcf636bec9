// A scheme's own details (issue 15), through the server action a trainer's form posts to: saved and
// audited; refused input stores nothing and says why; a preview stores nothing; each carer sees
// their own scheme's details and no other's, in the pages that know them, the certificate and the
// reminders.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { listOutboxTo } from "@/db/queries/outbox";
import { findSchemeDetails } from "@/db/queries/scheme-details";
import { listAudit } from "@/db/queries/audit";
import type { Viewer } from "@/lib/access";
import { certificatePdf } from "@/lib/certificates/access";
import { setTestNow } from "@/lib/clock";
import { course } from "@/lib/content/course";
import { scenariosOf } from "@/lib/content/scenarios";
import type { ModuleSlug } from "@/lib/content/schemas";
import type { FormState } from "@/lib/form-state";
import { answerScenario, startOrResumeAttempt, submitAttempt } from "@/lib/quiz/service";
import { runReminders } from "@/lib/reminders/run";
import { lessonHref, readLessonSegment, walkthroughHref } from "@/lib/scheme-details/links";
import { localCourseFor, localCourseOfPage } from "@/lib/scheme-details/service";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf } from "../helpers/db";

const h = vi.hoisted(() => {
  class Redirect extends Error {}
  return { current: null as Viewer | null, Redirect };
});
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new h.Redirect(url);
  },
  forbidden: () => {
    throw new h.Redirect("/no-access");
  },
}));
const revalidated: string[] = [];
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => revalidated.push(path) }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => h.current }));

const { saveSchemeDetailsAction } = await import("@/app/(site)/trainer/actions");

const VALID = {
  publicName: "Riverside Shared Lives",
  adviceRole: "your Shared Lives officer",
  advicePhone: "0300 123 4567",
  adviceEmail: "team@riverside.example",
  breachContact: "the duty officer",
  breachPhone: "01632 960789",
  breachWithin: "straight away",
  noteBreach: "Ring **first**.",
};

let db: Db;
let schemeA: { id: number };
let schemeB: { id: number };
let trainerA: Viewer;
let carerA: Viewer;
let carerB: Viewer;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

async function post(viewer: Viewer, values: Record<string, string>): Promise<FormState> {
  h.current = viewer;
  return await saveSchemeDetailsAction({}, form(values));
}

async function completeCourse(viewer: Viewer) {
  for (const slug of course.modules as ModuleSlug[]) {
    const attempt = await startOrResumeAttempt(viewer, slug);
    for (const id of attempt.scenarioIds) await answerScenario(viewer, attempt.id, id, scenariosOf(slug).get(id)!.options.find((o) => o.best)!.id);
    await submitAttempt(viewer, slug, attempt.id);
  }
}

beforeEach(async () => {
  setTestNow("2026-11-23T10:00:00Z");
  db = await freshDatabase();
  schemeA = await makeScheme("Scheme A");
  schemeB = await makeScheme("Scheme B");
  trainerA = viewerOf(await makePerson("trainer", schemeA.id));
  carerA = viewerOf(await makePerson("carer", schemeA.id, { name: "Ada Carer" }));
  carerB = viewerOf(await makePerson("carer", schemeB.id, { name: "Ben Carer" }));
  revalidated.length = 0;
  h.current = null;
});

describe("saving a scheme's details", () => {
  it("saves them, audited with the fields that changed (not their values), and refreshes the scheme pages", async () => {
    const result = await post(trainerA, VALID);
    expect(result.errors).toBeUndefined();
    expect(result.success).toMatch(/^Saved\. Carers in Riverside Shared Lives now see these details/);
    const row = await findSchemeDetails(schemeA.id);
    expect(row).toMatchObject({ publicName: "Riverside Shared Lives", advicePhone: "0300 123 4567", noteBreach: "Ring **first**.", revision: 1, updatedBy: trainerA.personId });
    const audit = await listAudit({ schemeId: schemeA.id, action: "updated-scheme-details", limit: 10 });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ revision: 1, fields: ["publicName", "adviceRole", "advicePhone", "adviceEmail", "breachContact", "breachWithin", "breachPhone", "noteBreach"] });
    expect(JSON.stringify(audit[0]!.details)).not.toContain("0300");
    expect(revalidated).toContain("/modules/[module]/[page]/scheme/[scheme]");

    // A change: a new revision, audited; the same again: nothing written.
    await post(trainerA, { ...VALID, advicePhone: "0300 123 4568" });
    expect((await findSchemeDetails(schemeA.id))!.revision).toBe(2);
    const before = await rowCounts(db);
    expect((await post(trainerA, { ...VALID, advicePhone: "0300 123 4568" })).success).toBe("Nothing had changed, so nothing was saved.");
    expect(await rowCounts(db)).toEqual(before);
    expect((await findSchemeDetails(schemeA.id))!.revision).toBe(2);
  });

  it("refuses bad input with a message beside each field, and stores nothing", async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ noteAdvice: "<script>alert('x')</script>" }, "noteAdvice", /must not contain HTML such as <script>/],
      [{ noteSending: "[Guide](javascript:alert(1))" }, "noteSending", /must start with https:\/\//],
      [{ safeguardingLink: "javascript:alert(1)" }, "safeguardingLink", /must be a full web address starting with https:\/\//],
      [{ noteRecords: "x".repeat(10_000) }, "noteRecords", /must be 600 characters or fewer/],
      [{ advicePhone: "ring the office" }, "advicePhone", /as a UK phone number/],
      [{ breachEmail: "duty officer" }, "breachEmail", /in the correct format/],
      [{ publicName: "" }, "publicName", /Enter the name carers know your scheme by/],
    ];
    for (const [change, field, message] of cases) {
      const before = await rowCounts(db);
      const result = await post(trainerA, { ...VALID, ...change });
      expect(result.errors?.map((e) => e.field), field).toEqual([field]);
      expect(result.errors![0]!.message).toMatch(message);
      // What was typed goes back into the form (cut short: a page is not the place for 10,000 characters).
      expect(result.values?.[field]).toBe((change[field] ?? "").slice(0, 2000));
      expect(await rowCounts(db), field).toEqual(before);
    }
    expect(await findSchemeDetails(schemeA.id)).toBeUndefined();
  });

  it("ignores fields it does not know, prototype keys included", async () => {
    const data = form(VALID);
    data.append("__proto__", "polluted");
    data.append("constructor", "x");
    data.append("revision", "99");
    data.append("updatedBy", String(carerA.personId));
    h.current = trainerA;
    expect((await saveSchemeDetailsAction({}, data)).errors).toBeUndefined();
    expect(await findSchemeDetails(schemeA.id)).toMatchObject({ revision: 1, updatedBy: trainerA.personId });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a preview checks and tidies the details and stores nothing", async () => {
    const before = await rowCounts(db);
    const result = await post(trainerA, { ...VALID, intent: "preview", advicePhone: " 0300   123 4567 " });
    expect(result.success).toMatch(/preview/);
    expect(result.values?.advicePhone).toBe("0300 123 4567");
    expect(await rowCounts(db)).toEqual(before);
  });

  it("a carer, and a trainer naming another scheme, are refused and nothing changes", async () => {
    const before = await rowCounts(db);
    await expect(post(carerA, VALID)).rejects.toThrow("/no-access");
    await expect(post(trainerA, { ...VALID, schemeId: String(schemeB.id) })).rejects.toThrow("/no-access");
    expect(await rowCounts(db)).toEqual(before);
  });

  it("an admin saves them for the scheme they name", async () => {
    const admin = viewerOf(await makePerson("admin", null));
    await post(admin, { ...VALID, schemeId: String(schemeB.id) });
    expect((await findSchemeDetails(schemeB.id))!.updatedBy).toBe(admin.personId);
    expect(await findSchemeDetails(schemeA.id)).toBeUndefined();
  });
});

describe("who sees a scheme's details", () => {
  beforeEach(async () => {
    await post(trainerA, VALID);
  });

  it("each carer sees their own scheme's, and a carer of another scheme none", async () => {
    expect((await localCourseFor(carerA))!.details.advicePhone).toBe("0300 123 4567");
    expect(await localCourseFor(carerB)).toBeNull();
    expect(await localCourseFor(viewerOf(await makePerson("admin", null)))).toBeNull();
    // Scheme B gives only a name: still no box anywhere for its carers.
    await post(viewerOf(await makePerson("trainer", schemeB.id)), { publicName: "Scheme B, the public name" });
    expect(await localCourseFor(carerB)).toBeNull();
  });

  it("the links each carer is given go to their own scheme's copies, or to the page everyone reads", async () => {
    const mine = lessonHref(await localCourseFor(carerA), "confidentiality", "data-breaches");
    expect(mine).toMatch(/^\/modules\/confidentiality\/data-breaches\/scheme\/\d+-1-[0-9a-z]+-[A-Za-z0-9_-]{22}$/);
    expect(lessonHref(await localCourseFor(carerB), "confidentiality", "data-breaches")).toBe("/modules/confidentiality/data-breaches");
    expect(walkthroughHref(await localCourseFor(carerB), "out-seek-advice")).toBe("/should-i-share/out-seek-advice");
    // The copy behind carer A's link is scheme A's, and its address opens no other page.
    const segment = mine.split("/").at(-1)!;
    const signed = readLessonSegment(segment, "confidentiality", "data-breaches")!;
    expect(signed.schemeId).toBe(schemeA.id);
    expect((await localCourseOfPage(signed))!.details.publicName).toBe("Riverside Shared Lives");
    expect(readLessonSegment(segment, "confidentiality", "social-media")).toBeNull();
    expect(readLessonSegment(segment.replace(/^\d+-/, `${schemeB.id}-`), "confidentiality", "data-breaches")).toBeNull();
  });

  it("a save gives new addresses, and a copy from before it shows the page everyone reads", async () => {
    const before = (await localCourseFor(carerA))!;
    const first = lessonHref(before, "golden-rules", "seek-advice");
    setTestNow("2026-11-23T10:05:00Z");
    await post(trainerA, { ...VALID, adviceHours: "9am to 5pm" });
    const after = (await localCourseFor({ schemeId: carerA.schemeId }))!;
    const second = lessonHref(after, "golden-rules", "seek-advice");
    expect(second).not.toBe(first);
    expect(second).toMatch(/\/\d+-2-[0-9a-z]+-/);
    expect(await localCourseOfPage(before)).toBeNull();
    expect((await localCourseOfPage(after))!.details.adviceHours).toBe("9am to 5pm");
    // The same scheme number and revision saved at another moment (a database made again) is not this copy.
    expect(await localCourseOfPage({ ...after, savedAt: after.savedAt + 1 })).toBeNull();
  });

  it("the certificate PDF and the reminder emails carry the scheme's name and contact, and another scheme's carer gets neither", async () => {
    setTestNow("2026-01-10T09:00:00Z");
    await completeCourse(carerA);
    await completeCourse(carerB);
    const certA = (await import("@/db/queries/certificates")).latestLiveCertificate;
    const pdfA = await certificatePdf(carerA, (await certA(carerA.personId))!.id);
    const pdfB = await certificatePdf(carerB, (await certA(carerB.personId))!.id);
    const { extractText, getDocumentProxy } = await import("unpdf");
    const text = async (pdf: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text.replace(/\s+/g, " ");
    expect(await text(pdfA!.pdf)).toContain("Scheme contact: 0300 123 4567, team@riverside.example");
    expect(await text(pdfA!.pdf)).toContain("Issued by: Riverside Shared Lives");
    expect(await text(pdfB!.pdf)).not.toContain("0300 123 4567");

    setTestNow("2027-01-03T09:00:00Z");
    await runReminders();
    const [mailA] = await listOutboxTo(carerA.email);
    const [mailB] = await listOutboxTo(carerB.email);
    expect(mailA!.body).toContain("ask Riverside Shared Lives");
    expect(mailA!.body).toContain("Phone: 0300 123 4567");
    expect(mailB!.body).not.toContain("Riverside");
    expect(mailB!.body).toContain("ask your Shared Lives officer for help");
  });
});
