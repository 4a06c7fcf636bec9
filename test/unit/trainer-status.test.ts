import { describe, expect, it } from "vitest";
import { certificateCell, formatPercent, meetsTarget, moduleCell, personStatus } from "@/lib/trainer/status";

describe("a person's status", () => {
  const today = "2026-11-23";
  it("keeps the refresher's statuses and splits overdue at 90 days past expiry", () => {
    expect(personStatus("complete", "2027-06-01", today)).toBe("complete");
    expect(personStatus("due-soon", "2026-12-01", today)).toBe("due-soon");
    expect(personStatus("overdue", "2026-11-22", today)).toBe("overdue");
    expect(personStatus("overdue", "2026-08-25", today)).toBe("overdue"); // exactly 90 days ago
    expect(personStatus("overdue", "2026-08-24", today)).toBe("lapsed"); // 91 days ago
    // Overdue because of a retraining deadline, with the certificate itself still in date.
    expect(personStatus("overdue", "2027-03-01", today)).toBe("overdue");
    expect(personStatus("not-started", null, today)).toBe("not-started");
    expect(personStatus("in-progress", null, today)).toBe("in-progress");
  });
});

describe("module cells", () => {
  const facts = { completedOn: null, score: null, total: null, assisted: false, started: false };
  it("say the status in words, with the date and the score", () => {
    expect(moduleCell({ ...facts, completedOn: "2026-03-14", score: 4, total: 5 }, false)).toMatchObject({
      status: "complete",
      label: "Complete",
      tag: "tag tag--green",
      dateText: "14 March 2026",
      scoreText: "4 out of 5",
      assisted: false,
    });
    expect(moduleCell({ ...facts, completedOn: "2026-03-14", assisted: true }, true)).toMatchObject({ label: "Complete", scoreText: "Assisted", assisted: true });
    expect(moduleCell({ ...facts, started: true }, false)).toMatchObject({ label: "In progress", dateText: "", scoreText: "" });
    expect(moduleCell({ ...facts, started: true }, true)).toMatchObject({ label: "In progress" });
    expect(moduleCell(facts, false)).toMatchObject({ label: "Not started", tag: "tag tag--grey" });
    expect(moduleCell(facts, true)).toMatchObject({ label: "To do again", tag: "tag tag--yellow" });
  });
});

describe("certificate cells", () => {
  const today = "2026-11-23";
  const cert = { id: 7, issuedOn: "2025-12-01", expiresOn: "2026-12-01", dueOn: "2026-12-01", assisted: false };
  it("name the state and the date that matters", () => {
    expect(certificateCell("not-started", { id: null, issuedOn: null, expiresOn: null, dueOn: null, assisted: false }, today)).toMatchObject({ state: "none", label: "No certificate", dateText: "" });
    expect(certificateCell("complete", { ...cert, expiresOn: "2027-06-01", dueOn: "2027-06-01" }, today)).toMatchObject({ state: "valid", dateText: "Until 1 June 2027" });
    expect(certificateCell("due-soon", cert, today)).toMatchObject({ state: "due-soon", label: "Due soon", dateText: "Expires 1 December 2026" });
    expect(certificateCell("due-soon", { ...cert, expiresOn: "2027-06-01", dueOn: "2027-01-10" }, today)).toMatchObject({ dateText: "Retraining due by 10 January 2027" });
    expect(certificateCell("overdue", { ...cert, expiresOn: "2026-11-01", dueOn: "2026-11-01" }, today)).toMatchObject({ state: "overdue", dateText: "Expired 1 November 2026" });
    expect(certificateCell("overdue", { ...cert, expiresOn: "2027-06-01", dueOn: "2026-11-01" }, today)).toMatchObject({ state: "overdue", dateText: "Retraining was due by 1 November 2026" });
    expect(certificateCell("lapsed", { ...cert, expiresOn: "2025-01-01", dueOn: "2025-01-01", assisted: true }, today)).toMatchObject({ state: "lapsed", label: "Lapsed", assisted: true, dateText: "Expired 1 January 2025" });
  });
});

describe("the summary line", () => {
  it("never rounds up to the target", () => {
    expect(formatPercent(9496, 10000)).toBe("94.9%");
    expect(meetsTarget(9496, 10000)).toBe(false);
    expect(formatPercent(95, 100)).toBe("95%");
    expect(meetsTarget(95, 100)).toBe(true);
    expect(formatPercent(0, 0)).toBe("0%");
    expect(meetsTarget(0, 0)).toBe(false);
    expect(formatPercent(2, 3)).toBe("66.6%");
  });
});
