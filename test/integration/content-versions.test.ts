import { beforeEach, describe, expect, it } from "vitest";
import { insertCertificate } from "@/db/queries/certificates";
import { setTestNow } from "@/lib/clock";
import { certificateForViewer, verifyCode } from "@/lib/certificates/access";
import { contentVersionsForAdmin, markVersionForRetraining } from "@/lib/content-versions";
import { course } from "@/lib/content/course";
import { NotAllowed } from "@/lib/errors";
import { trainingState } from "@/lib/training/state";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf } from "../helpers/db";

describe("marking a content version for retraining", () => {
  let admin: ReturnType<typeof viewerOf>;
  let carerId: number;
  beforeEach(async () => {
    setTestNow("2026-06-01T09:00:00Z");
    await freshDatabase();
    const scheme = await makeScheme();
    admin = viewerOf(await makePerson("admin", null));
    carerId = (await makePerson("carer", scheme.id)).id;
    await insertCertificate({
      code: "0000000000000000000000000001",
      personId: carerId,
      schemeId: scheme.id,
      holderName: "Old Version",
      courseId: course.id,
      courseTitle: course.title,
      contentVersion: "2025.1",
      cycle: 1,
      issuedOn: "2026-03-01",
      expiresOn: "2027-03-01",
      modules: [],
    });
  });

  it("makes holders of that version due now, with 60 days to retrain", async () => {
    expect((await trainingState(carerId)).status.status).toBe("complete");
    expect(await markVersionForRetraining(admin, "2025.1", "The law section changed")).toEqual({ ok: true });
    const state = await trainingState(carerId);
    expect(state.status).toMatchObject({ status: "due-soon", windowOpensOn: "2026-06-01", dueOn: "2026-07-31" });
    expect(state.isRefresher).toBe(true);
    expect((await contentVersionsForAdmin(admin)).versions[0]).toMatchObject({ contentVersion: "2025.1", holders: 1 });
  });

  it("refuses the current version, unknown versions, a second mark, and non-admins", async () => {
    expect(await markVersionForRetraining(admin, course.version, "x")).toMatchObject({ ok: false });
    expect(await markVersionForRetraining(admin, "1999.1", "x")).toMatchObject({ ok: false });
    await markVersionForRetraining(admin, "2025.1", "x");
    expect(await markVersionForRetraining(admin, "2025.1", "x")).toMatchObject({ ok: false });
    const trainer = viewerOf(await makePerson("trainer", 1));
    const db = await freshDatabase();
    const before = await rowCounts(db);
    await expect(markVersionForRetraining(trainer, "2025.1", "x")).rejects.toThrow(NotAllowed);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("keeps certificates earned against the previous version valid, showing the version they were earned against", async () => {
    // 2026.2 rewrote the scenarios (issue 11); nobody's certificate changes because the course did.
    expect(course.version).toBe("2026.2");
    expect(course.changes.map((c) => c.version)).toEqual(["2026.2", "2026.1"]);
    const scheme = await makeScheme();
    const carer = await makePerson("carer", scheme.id);
    const cert = await insertCertificate({
      code: "0000000000000000000000000002",
      personId: carer.id,
      schemeId: scheme.id,
      holderName: "Earlier Learner",
      courseId: course.id,
      courseTitle: course.title,
      contentVersion: "2026.1",
      cycle: 1,
      issuedOn: "2026-03-01",
      expiresOn: "2027-03-01",
      modules: [],
    });
    expect(await verifyCode("0000000000000000000000000002")).toMatchObject({ status: "valid", holderName: "Earlier Learner", contentVersion: "2026.1" });
    expect(await certificateForViewer(viewerOf(carer), cert.id)).toMatchObject({ contentVersion: "2026.1" });
    const listed = (await contentVersionsForAdmin(admin)).versions.find((v) => v.contentVersion === "2026.1");
    expect(listed).toMatchObject({ isCurrent: false, holders: 1, changes: "The first published course.", markedAt: null });
  });
});
