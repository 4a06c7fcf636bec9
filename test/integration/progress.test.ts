import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db } from "@/db/client";
import { setTestNow } from "@/lib/clock";
import { loadCourse } from "@/lib/content/course";
import { NotInCourse, answerCheck, latestCheckAnswer, readingProgress, recordPageRead } from "@/lib/progress";
import { NotAllowed } from "@/lib/errors";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf, sqlRow } from "../helpers/db";

let db: Db;
beforeEach(async () => {
  db = await freshDatabase();
  setTestNow("2026-03-02T09:00:00Z");
});
afterEach(() => setTestNow(null));

describe("reading progress", () => {
  it("starts at the first page, with nothing read", async () => {
    const scheme = await makeScheme();
    const carer = viewerOf(await makePerson("carer", scheme.id));
    const progress = await readingProgress(carer, carer.personId);
    const course = await loadCourse();
    for (const m of course.modules) {
      expect(progress[m.slug]).toMatchObject({ pagesRead: 0, totalPages: m.pages.length, readSlugs: [], resumeSlug: m.pages[0]!.slug, lastReadAt: null });
    }
  });

  it("records pages read and resumes after the most recently read one", async () => {
    const scheme = await makeScheme();
    const carer = viewerOf(await makePerson("carer", scheme.id));
    const gr = (await loadCourse()).modules.find((m) => m.slug === "golden-rules")!;
    const [p1, p2, p3, p4] = gr.pages.map((p) => p.slug);

    expect(await recordPageRead(carer, "golden-rules", p1!)).toEqual({ nextSlug: p2 });
    setTestNow("2026-03-02T09:05:00Z");
    await recordPageRead(carer, "golden-rules", p2!);
    setTestNow("2026-03-02T09:10:00Z");
    await recordPageRead(carer, "golden-rules", p3!);

    let progress = (await readingProgress(carer, carer.personId))["golden-rules"];
    expect(progress).toMatchObject({ pagesRead: 3, totalPages: gr.pages.length, readSlugs: [p1, p2, p3], resumeSlug: p4 });
    expect(progress.lastReadAt?.toISOString()).toBe("2026-03-02T09:10:00.000Z");

    // Going back to reread page 1 makes it the most recent: resume at page 2.
    setTestNow("2026-03-03T08:00:00Z");
    await recordPageRead(carer, "golden-rules", p1!);
    progress = (await readingProgress(carer, carer.personId))["golden-rules"];
    expect(progress).toMatchObject({ pagesRead: 3, resumeSlug: p2 });

    // Reading again keeps the first time and moves the last.
    const row = (await sqlRow<{ f: number | Date; l: number | Date }>(db, "select first_read_at as f, last_read_at as l from page_reads where page_slug = ?", p1))!;
    expect(new Date(row.f).toISOString()).toBe("2026-03-02T09:00:00.000Z");
    expect(new Date(row.l).toISOString()).toBe("2026-03-03T08:00:00.000Z");
    expect((await rowCounts(db)).page_reads).toBe(3);

    // Other modules are untouched.
    expect((await readingProgress(carer, carer.personId)).confidentiality.pagesRead).toBe(0);
  });

  it("after the last page, resumes at the first unread page, or the first page when all are read", async () => {
    const scheme = await makeScheme();
    const carer = viewerOf(await makePerson("staff", scheme.id));
    const toc = (await loadCourse()).modules.find((m) => m.slug === "triangle-of-care")!;
    const last = toc.pages.at(-1)!.slug;
    expect(await recordPageRead(carer, "triangle-of-care", last)).toEqual({ nextSlug: null });
    expect((await readingProgress(carer, carer.personId))["triangle-of-care"]).toMatchObject({ pagesRead: 1, resumeSlug: toc.pages[0]!.slug, finished: false });

    let minute = 0;
    for (const p of toc.pages) {
      setTestNow(new Date(Date.UTC(2026, 2, 4, 10, ++minute)));
      await recordPageRead(carer, "triangle-of-care", p.slug);
    }
    const done = (await readingProgress(carer, carer.personId))["triangle-of-care"];
    expect(done).toMatchObject({ pagesRead: toc.pages.length, finished: true, resumeSlug: toc.pages[0]!.slug, lastReadSlug: last });
  });

  it("refuses pages that are not in the course and writes nothing", async () => {
    const carer = viewerOf(await makePerson("carer", (await makeScheme()).id));
    await expect(recordPageRead(carer, "golden-rules", "no-such-page")).rejects.toThrow(NotInCourse);
    await expect(recordPageRead(carer, "no-such-module", "myth-buster")).rejects.toThrow(NotInCourse);
    expect((await rowCounts(db)).page_reads).toBe(0);
  });

  it("lets a trainer of the same scheme see a carer's progress, and no one else", async () => {
    const scheme = await makeScheme();
    const other = await makeScheme();
    const carer = viewerOf(await makePerson("carer", scheme.id));
    const anotherCarer = viewerOf(await makePerson("carer", scheme.id));
    const trainer = viewerOf(await makePerson("trainer", scheme.id));
    const otherTrainer = viewerOf(await makePerson("trainer", other.id));
    const admin = viewerOf(await makePerson("admin", null));
    await recordPageRead(carer, "golden-rules", "myth-buster");

    await expect(readingProgress(anotherCarer, carer.personId)).rejects.toThrow(NotAllowed);
    await expect(readingProgress(otherTrainer, carer.personId)).rejects.toThrow(NotAllowed);
    await expect(readingProgress(carer, 999_999)).rejects.toThrow(NotAllowed);
    expect((await readingProgress(trainer, carer.personId))["golden-rules"].pagesRead).toBe(1);
    expect((await readingProgress(admin, carer.personId))["golden-rules"].readSlugs).toEqual(["myth-buster"]);
    // Each person's reading is their own.
    expect((await readingProgress(anotherCarer, anotherCarer.personId))["golden-rules"].pagesRead).toBe(0);
  });
});

describe("knowledge check answers", () => {
  it("are marked right or wrong from the content and the latest one is shown", async () => {
    const carer = viewerOf(await makePerson("carer", (await makeScheme()).id));
    const { check } = (await loadCourse()).checks.get("gr-myth-1")!;
    const right = check.options.findIndex((o) => o.correct);
    const wrong = check.options.findIndex((o) => !o.correct);

    expect(await latestCheckAnswer(carer, "gr-myth-1")).toBeNull();
    expect(await answerCheck(carer, "gr-myth-1", wrong)).toEqual({ correct: false });
    setTestNow("2026-03-02T09:01:00Z");
    expect(await answerCheck(carer, "gr-myth-1", right)).toEqual({ correct: true });
    expect(await latestCheckAnswer(carer, "gr-myth-1")).toMatchObject({ optionIndex: right, correct: true });
    expect((await rowCounts(db)).check_answers).toBe(2);
    // Answers never count towards completion.
    expect((await rowCounts(db)).module_completions).toBe(0);
  });

  it("refuse unknown checks and options out of range", async () => {
    const carer = viewerOf(await makePerson("carer", (await makeScheme()).id));
    await expect(answerCheck(carer, "gr-nope", 0)).rejects.toThrow(NotInCourse);
    await expect(answerCheck(carer, "gr-myth-1", 9)).rejects.toThrow(NotInCourse);
    await expect(answerCheck(carer, "gr-myth-1", -1)).rejects.toThrow(NotInCourse);
    await expect(answerCheck(carer, "gr-myth-1", 0.5)).rejects.toThrow(NotInCourse);
    expect((await rowCounts(db)).check_answers).toBe(0);
  });
});
