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
  beforeEach(() => {
    setTestNow("2026-06-01T09:00:00Z");
    freshDatabase();
    const scheme = makeScheme();
    admin = viewerOf(makePerson("admin", null));
    carerId = makePerson("carer", scheme.id).id;
    insertCertificate({
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

  it("makes holders of that version due now, with 60 days to retrain", () => {
    expect(trainingState(carerId).status.status).toBe("complete");
    expect(markVersionForRetraining(admin, "2025.1", "The law section changed")).toEqual({ ok: true });
    const state = trainingState(carerId);
    expect(state.status).toMatchObject({ status: "due-soon", windowOpensOn: "2026-06-01", dueOn: "2026-07-31" });
    expect(state.isRefresher).toBe(true);
    expect(contentVersionsForAdmin(admin).versions[0]).toMatchObject({ contentVersion: "2025.1", holders: 1 });
  });

  it("refuses the current version, unknown versions, a second mark, and non-admins", () => {
    expect(markVersionForRetraining(admin, course.version, "x")).toMatchObject({ ok: false });
    expect(markVersionForRetraining(admin, "1999.1", "x")).toMatchObject({ ok: false });
    markVersionForRetraining(admin, "2025.1", "x");
    expect(markVersionForRetraining(admin, "2025.1", "x")).toMatchObject({ ok: false });
    const trainer = viewerOf(makePerson("trainer", 1));
    const db = freshDatabase();
    const before = rowCounts(db);
    expect(() => markVersionForRetraining(trainer, "2025.1", "x")).toThrow(NotAllowed);
    expect(rowCounts(db)).toEqual(before);
  });

  it("keeps certificates earned against the previous version valid, showing the version they were earned against", () => {
    // 2026.2 rewrote the scenarios (issue 11); nobody's certificate changes because the course did.
    expect(course.version).toBe("2026.2");
    expect(course.changes.map((c) => c.version)).toEqual(["2026.2", "2026.1"]);
    const scheme = makeScheme();
    const carer = makePerson("carer", scheme.id);
    const cert = insertCertificate({
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
    expect(verifyCode("0000000000000000000000000002")).toMatchObject({ status: "valid", holderName: "Earlier Learner", contentVersion: "2026.1" });
    expect(certificateForViewer(viewerOf(carer), cert.id)).toMatchObject({ contentVersion: "2026.1" });
    const listed = contentVersionsForAdmin(admin).versions.find((v) => v.contentVersion === "2026.1");
    expect(listed).toMatchObject({ isCurrent: false, holders: 1, changes: "The first published course.", markedAt: null });
  });
});
