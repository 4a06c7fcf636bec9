import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertCertificate, markSuperseded, revokeCertificate } from "@/db/queries/certificates";
import { insertIntake } from "@/db/queries/intakes";
import { insertPerson, setPersonActive } from "@/db/queries/people";
import { insertAttempt, insertCompletion, insertRetrainVersion } from "@/db/queries/training";
import { setTestNow } from "@/lib/clock";
import { course } from "@/lib/content/course";
import { addDays } from "@/lib/dates";
import { nextCertificateDates } from "@/lib/refresher";
import { matrixCsv, matrixCsvRow, matrixHeader } from "@/lib/trainer/export";
import { type MatrixPersonRow, PAGE_SIZE, matrixAll, matrixPage, matrixRowOf, parseMatrixFilters } from "@/lib/trainer/matrix";
import { PERSON_STATUSES } from "@/lib/trainer/status";
import { moduleTitles } from "@/lib/training/complete";
import { freshDatabase, makePerson, makeScheme, viewerOf } from "../helpers/db";
import { expectMatrixAgreesWithTrainingState } from "../helpers/matrix-agreement";

let db: Db;

// A small deterministic random number generator, so a failure can be reproduced.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ms = (iso: string) => new Date(`${iso}T10:00:00Z`);

/** People with random histories: stalls, late and missed refreshers, revoked certificates, older content versions. */
async function randomScheme(seed: number, people: number) {
  const random = rng(seed);
  const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  const scheme = await makeScheme();
  const intake = await insertIntake({ schemeId: scheme.id, name: "Spring", startDate: "2024-03-01", createdBy: null });
  const ids: number[] = [];
  for (let n = 0; n < people; n++) {
    const person = await insertPerson({
      name: `Person ${String(n).padStart(3, "0")}`,
      email: `p${seed}-${n}@example.org`,
      role: random() < 0.7 ? "carer" : random() < 0.8 ? "staff" : "trainer",
      schemeId: scheme.id,
      intakeId: random() < 0.5 ? intake.id : null,
    });
    ids.push(person.id);
    if (random() < 0.05) await setPersonActive(person.id, false, ms("2026-06-01"));
    let day = addDays("2021-01-01", int(0, 2150));
    let cycle = 1;
    let previous: { id: number; expiresOn: string } | null = null;
    for (;;) {
      if (day > "2027-06-01") break;
      const r = random();
      const modules = r < 0.08 ? 0 : r < 0.16 ? int(1, 2) : 3;
      if (modules === 0 && random() < 0.5) {
        await insertAttempt({ personId: person.id, moduleSlug: course.modules[int(0, 2)]!, cycle, contentVersion: "2026.1", scenarioIds: ["gr-child-at-risk"], startedAt: ms(day), total: 1 });
      }
      const done: { slug: string; completedOn: string; score: number | null; total: number | null; assisted: boolean }[] = [];
      for (const slug of course.modules.slice(0, modules)) {
        const assisted = random() < 0.1;
        const attempt = assisted
          ? null
          : await insertAttempt({ personId: person.id, moduleSlug: slug, cycle, contentVersion: "2026.1", scenarioIds: ["gr-child-at-risk"], startedAt: ms(day), total: 5 });
        await insertCompletion({
          personId: person.id,
          moduleSlug: slug,
          cycle,
          completedOn: day,
          recordedAt: ms(day),
          score: assisted ? null : 5,
          total: assisted ? null : 5,
          attemptId: attempt?.id ?? null,
          contentVersion: "2026.1",
          assisted,
          assistedBy: assisted ? "Officer" : null,
          evidence: assisted ? "Workbook" : null,
        });
        done.push({ slug, completedOn: day, score: assisted ? null : 5, total: assisted ? null : 5, assisted });
      }
      if (modules < 3) break;
      const dates = nextCertificateDates(day, previous);
      const cert = await insertCertificate({
        code: `CODE${seed}X${person.id}X${cycle}`,
        personId: person.id,
        schemeId: scheme.id,
        holderName: person.name,
        courseId: course.id,
        courseTitle: course.title,
        contentVersion: `${day.slice(0, 4)}.1`,
        cycle,
        issuedOn: dates.issuedOn,
        expiresOn: dates.expiresOn,
        modules: done.map((d) => ({ ...d, title: d.slug })),
      });
      if (previous) await markSuperseded(previous.id, cert.id, ms(day));
      if (random() < 0.04) {
        await revokeCertificate(cert.id, person.id, "test", ms(day));
        previous = null;
      } else previous = { id: cert.id, expiresOn: dates.expiresOn };
      const next = random();
      day = next < 0.75 ? addDays(dates.expiresOn, -int(0, 59)) : next < 0.9 ? addDays(dates.expiresOn, int(1, 200)) : "9999-01-01";
      cycle++;
    }
  }
  // An admin asked holders of 2025 certificates to retrain, including two people whose certificates
  // run past the retraining deadline (so the deadline, not the expiry, decides their status).
  await insertRetrainVersion({ contentVersion: "2025.1", markedAt: ms("2026-10-01"), markedBy: null, reason: "test" });
  for (const [n, issuedOn, expiresOn] of [
    [1, "2026-06-30", "2027-06-30"],
    [2, "2025-03-01", "2026-03-01"],
  ] as const) {
    const person = await insertPerson({ name: `Retrain ${n}`, email: `retrain${seed}-${n}@example.org`, role: "carer", schemeId: scheme.id });
    ids.push(person.id);
    const modules = [];
    for (const slug of course.modules) {
      await insertCompletion({ personId: person.id, moduleSlug: slug, cycle: 1, completedOn: issuedOn, recordedAt: ms(issuedOn), contentVersion: "2025.1", score: 5, total: 5 });
      modules.push({ slug, title: slug, completedOn: issuedOn, score: 5, total: 5, assisted: false });
    }
    await insertCertificate({ code: `RETRAIN${seed}X${n}`, personId: person.id, schemeId: scheme.id, holderName: person.name, courseId: course.id, courseTitle: course.title, contentVersion: "2025.1", cycle: 1, issuedOn, expiresOn, modules });
  }
  return { scheme, intake, ids };
}

async function admin() {
  return viewerOf(await makePerson("admin", null));
}

beforeEach(async () => {
  setTestNow("2026-11-23T12:00:00Z");
  db = await freshDatabase();
});

describe("the bulk matrix agrees with trainingState(), person by person", () => {
  it.each(["2026-11-23", "2026-01-15", "2026-12-15", "2027-03-01"])("on %s", async (today) => {
    const { scheme, ids } = await randomScheme(today.length + Number(today.slice(5, 7)), 160);
    const statuses = await expectMatrixAgreesWithTrainingState(db, await admin(), scheme.id, ids, today);
    expect(statuses.size).toBe(ids.length);
    const seen = new Set(statuses.values());
    // The random histories reach every status, so each branch of the SQL was compared.
    expect([...seen].sort()).toEqual([...PERSON_STATUSES].sort());
  });
});

describe("filters, sorting and paging", () => {
  it("filters in SQL to the same people as filtering the whole list, and pages through them without gaps", async () => {
    const { scheme, intake } = await randomScheme(7, 130);
    const viewer = await admin();
    const all = (await matrixAll(viewer, scheme.id, parseMatrixFilters({}))).rows;
    for (const status of PERSON_STATUSES) {
      const filtered = (await matrixAll(viewer, scheme.id, parseMatrixFilters({ status }))).rows;
      expect(filtered.map((r) => r.id)).toEqual(all.filter((r) => r.status === status).map((r) => r.id));
    }
    expect((await matrixAll(viewer, scheme.id, parseMatrixFilters({ role: "staff" }))).rows.every((r) => r.role === "staff")).toBe(true);
    expect((await matrixAll(viewer, scheme.id, parseMatrixFilters({ intake: String(intake.id) }))).rows.every((r) => r.intake?.id === intake.id)).toBe(true);
    expect((await matrixAll(viewer, scheme.id, parseMatrixFilters({ intake: "none" }))).rows.every((r) => r.intake === null)).toBe(true);
    expect((await matrixAll(viewer, scheme.id, parseMatrixFilters({ q: "son 01" }))).rows.map((r) => r.name)).toEqual(
      all.filter((r) => r.name.includes("son 01")).map((r) => r.name),
    );
    expect((await matrixAll(viewer, scheme.id, parseMatrixFilters({ q: "%" }))).rows).toEqual([]); // LIKE wildcards are literal
    const left = (await matrixAll(viewer, scheme.id, parseMatrixFilters({ account: "left" }))).rows;
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((r) => !r.active)).toBe(true);
    expect(all.every((r) => r.active)).toBe(true);

    // Paging: 3 a page, every person once, in name order.
    const paged: MatrixPersonRow[] = [];
    const first = await matrixPage(viewer, scheme.id, parseMatrixFilters({}), { pageSize: 3 });
    for (let page = 1; page <= first.pages; page++) paged.push(...(await matrixPage(viewer, scheme.id, parseMatrixFilters({ page: String(page) }), { pageSize: 3 })).rows);
    expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(all.map((r) => r.name)).toEqual([...all.map((r) => r.name)].sort((a, b) => a.localeCompare(b)));
    // A page past the end shows the last page.
    expect((await matrixPage(viewer, scheme.id, parseMatrixFilters({ page: "999" }), { pageSize: 3 })).page).toBe(first.pages);

    // The summary counts add up, and ignore the status filter.
    const summary = (await matrixPage(viewer, scheme.id, parseMatrixFilters({ status: "overdue" }))).summary;
    expect(summary.people).toBe(all.length);
    expect(summary.byStatus.reduce((n, s) => n + s.people, 0)).toBe(all.length);
    expect(summary.valid).toBe(all.filter((r) => r.certificate.expiresOn !== null && r.certificate.expiresOn >= "2026-11-23").length);
  });

  it("sorts by status (most urgent first) and by expiry", async () => {
    const { scheme } = await randomScheme(11, 80);
    const viewer = await admin();
    const byStatus = (await matrixAll(viewer, scheme.id, parseMatrixFilters({ sort: "status" }))).rows.map((r) => r.status);
    const order = ["lapsed", "overdue", "due-soon", "not-started", "in-progress", "complete"];
    expect(byStatus).toEqual([...byStatus].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    const expiries = (await matrixAll(viewer, scheme.id, parseMatrixFilters({ sort: "expiry" }))).rows.map((r) => r.certificate.expiresOn);
    const dated = expiries.filter((e): e is string => e !== null);
    expect(dated).toEqual([...dated].sort());
    expect(expiries.slice(dated.length).every((e) => e === null)).toBe(true);
  });

  it("shows one person's row on their page the same as in the matrix", async () => {
    const { scheme, ids } = await randomScheme(3, 20);
    const all = (await matrixAll(await admin(), scheme.id, { ...parseMatrixFilters({}), account: "all" })).rows;
    for (const id of ids.slice(0, 10)) expect(await matrixRowOf(scheme.id, id)).toEqual(all.find((r) => r.id === id));
  });
});

describe("the CSV export", () => {
  it("is headed with the scheme and the date, and its rows are exactly what the matrix shows", async () => {
    const { scheme } = await randomScheme(5, 120);
    const viewer = viewerOf(await makePerson("trainer", scheme.id, { name: "Tess Trainer" }));
    for (const query of [{}, { status: "overdue" }, { sort: "status", role: "carer" }]) {
      const filters = parseMatrixFilters(query);
      const { csv, filename } = await matrixCsv(viewer, scheme.id, filters);
      expect(filename).toMatch(new RegExp(`^training-matrix-${scheme.name.toLowerCase().replace(/ /g, "-")}-2026-11-23\\.csv$`));
      const records = parse(csv, { bom: true, relax_column_count: true }) as string[][];
      expect(records[0]).toEqual(["Training matrix"]);
      expect(records[1]).toEqual(["Scheme", scheme.name]);
      expect(records[2]![1]).toMatch(/^23 November 2026 at \d\d:\d\d \(UK time\)$/);
      const headerAt = records.findIndex((r) => r[0] === "Name");
      expect(records[headerAt]).toEqual(matrixHeader(await moduleTitles()));
      const body = records.slice(headerAt + 1);

      // Every page of the matrix, in order, as the page shows it.
      const shown: string[][] = [];
      const first = await matrixPage(viewer, scheme.id, filters, { pageSize: PAGE_SIZE });
      for (let page = 1; page <= first.pages; page++) shown.push(...(await matrixPage(viewer, scheme.id, { ...filters, page })).rows.map(matrixCsvRow));
      expect(body).toEqual(shown);
      expect(body.length).toBe(first.total);
    }
  });

  it("cannot be turned into a spreadsheet formula by a name", async () => {
    const scheme = await makeScheme();
    await insertPerson({ name: "=HYPERLINK(1)", email: "f@example.org", role: "carer", schemeId: scheme.id });
    const { csv } = await matrixCsv(await admin(), scheme.id, parseMatrixFilters({}));
    expect(csv).toContain("'=HYPERLINK(1)");
  });
});
