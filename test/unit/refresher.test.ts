import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween } from "@/lib/dates";
import { formatRefresherLine, nextCertificateDates, refresherState } from "@/lib/refresher";

const cert = { issuedOn: "2026-03-14", expiresOn: "2027-03-14" };
// 60 days before 14 March 2027 (2027 is not a leap year): 13 January 2027.
const OPENS = "2027-01-13";

describe("refresherState", () => {
  it("with no certificate: not started, or in progress once the cycle has begun", () => {
    expect(refresherState("2026-05-01", null)).toEqual({ status: "not-started", windowOpensOn: null, dueOn: null });
    expect(refresherState("2026-05-01", null, { startedCycle: false }).status).toBe("not-started");
    expect(refresherState("2026-05-01", null, { startedCycle: true })).toEqual({ status: "in-progress", windowOpensOn: null, dueOn: null });
  });

  it("is complete until the window opens 60 days before expiry", () => {
    expect(addDays(cert.expiresOn, -60)).toBe(OPENS);
    expect(refresherState(cert.issuedOn, cert)).toEqual({ status: "complete", windowOpensOn: OPENS, dueOn: "2027-03-14" });
    expect(refresherState("2027-01-12", cert).status).toBe("complete");
  });

  it("is due soon from the day the window opens up to and including the expiry day", () => {
    expect(refresherState(OPENS, cert).status).toBe("due-soon");
    expect(refresherState("2027-02-20", cert).status).toBe("due-soon");
    expect(refresherState("2027-03-14", cert).status).toBe("due-soon");
  });

  it("is overdue from the day after expiry", () => {
    expect(refresherState("2027-03-15", cert)).toEqual({ status: "overdue", windowOpensOn: OPENS, dueOn: "2027-03-14" });
    expect(refresherState("2030-01-01", cert).status).toBe("overdue");
  });

  it("counts the window across 29 February in a leap year", () => {
    // 60 days before 1 April 2028: 31 March back through a 29-day February is 1 February.
    const leap = { issuedOn: "2027-04-01", expiresOn: "2028-04-01" };
    expect(refresherState("2028-01-31", leap)).toEqual({ status: "complete", windowOpensOn: "2028-02-01", dueOn: "2028-04-01" });
    expect(refresherState("2028-02-01", leap).status).toBe("due-soon");
  });

  describe("retraining marked on the certificate's content version", () => {
    it("opens the window on the marking date and makes it due 60 days later when that is sooner than expiry", () => {
      const state = refresherState("2026-06-01", cert, { retrainMarkedOn: "2026-06-01" });
      expect(state).toEqual({ status: "due-soon", windowOpensOn: "2026-06-01", dueOn: "2026-07-31" });
      expect(refresherState("2026-05-31", cert, { retrainMarkedOn: "2026-06-01" }).status).toBe("complete");
      expect(refresherState("2026-07-31", cert, { retrainMarkedOn: "2026-06-01" }).status).toBe("due-soon");
      expect(refresherState("2026-08-01", cert, { retrainMarkedOn: "2026-06-01" }).status).toBe("overdue");
    });

    it("keeps the expiry as the due date when that comes first", () => {
      expect(refresherState("2027-02-01", cert, { retrainMarkedOn: "2027-02-01" })).toEqual({
        status: "due-soon",
        windowOpensOn: OPENS,
        dueOn: "2027-03-14",
      });
    });

    it("counts a mark made before the certificate was issued from the issue date", () => {
      expect(refresherState("2026-03-14", cert, { retrainMarkedOn: "2025-12-01" })).toEqual({
        status: "due-soon",
        windowOpensOn: "2026-03-14",
        dueOn: "2026-05-13",
      });
    });

    it("changes nothing when null", () => {
      expect(refresherState("2026-06-01", cert, { retrainMarkedOn: null })).toEqual(refresherState("2026-06-01", cert));
    });
  });
});

describe("nextCertificateDates", () => {
  it("runs 12 months from completion for the first certificate", () => {
    expect(nextCertificateDates("2026-03-14", null)).toEqual({ issuedOn: "2026-03-14", expiresOn: "2027-03-14" });
  });

  it("29 February: issued 29 February 2028 expires 28 February 2029", () => {
    expect(nextCertificateDates("2028-02-29", null)).toEqual({ issuedOn: "2028-02-29", expiresOn: "2029-02-28" });
  });

  it("28 February 2027 + 12 months is 28 February 2028, not the 29th", () => {
    expect(nextCertificateDates("2027-02-28", null).expiresOn).toBe("2028-02-28");
    expect(nextCertificateDates("2027-01-01", { expiresOn: "2027-02-28" }).expiresOn).toBe("2028-02-28");
  });

  it("inside the window runs 12 months from the old expiry (no lost days)", () => {
    expect(nextCertificateDates(OPENS, cert)).toEqual({ issuedOn: OPENS, expiresOn: "2028-03-14" });
    expect(nextCertificateDates("2027-02-20", cert)).toEqual({ issuedOn: "2027-02-20", expiresOn: "2028-03-14" });
  });

  it("on the expiry day itself still runs from the old expiry", () => {
    expect(nextCertificateDates("2027-03-14", cert)).toEqual({ issuedOn: "2027-03-14", expiresOn: "2028-03-14" });
  });

  it("the day before the window opens runs 12 months from completion (an early refresher starts a fresh year)", () => {
    expect(nextCertificateDates("2027-01-12", cert)).toEqual({ issuedOn: "2027-01-12", expiresOn: "2028-01-12" });
    expect(nextCertificateDates("2026-06-01", cert)).toEqual({ issuedOn: "2026-06-01", expiresOn: "2027-06-01" });
  });

  it("after expiry runs 12 months from completion", () => {
    expect(nextCertificateDates("2027-03-15", cert)).toEqual({ issuedOn: "2027-03-15", expiresOn: "2028-03-15" });
    expect(nextCertificateDates("2027-09-30", cert)).toEqual({ issuedOn: "2027-09-30", expiresOn: "2028-09-30" });
  });

  it("chained renewals inside the window neither lose nor gain a day", () => {
    let previous = nextCertificateDates("2026-03-14", null);
    const first = previous.expiresOn;
    // Complete each refresher at a different point in the window: the day it opens, the middle,
    // the expiry day itself, the day before expiry, 30 days before.
    const offsets = [-60, -31, 0, -1, -30];
    for (const [i, offset] of offsets.entries()) {
      const completedOn = addDays(previous.expiresOn, offset);
      const next = nextCertificateDates(completedOn, previous);
      expect(next.issuedOn).toBe(completedOn);
      expect(next.expiresOn).toBe(addMonths(first, 12 * (i + 1)));
      expect(daysBetween(previous.expiresOn, next.expiresOn)).toBe(daysBetween(previous.expiresOn, addMonths(previous.expiresOn, 12)));
      previous = next;
    }
    expect(previous.expiresOn).toBe("2032-03-14");
    // Six years of cover from one start, to the day: 2028 and 2032 are leap years.
    expect(daysBetween("2026-03-14", previous.expiresOn)).toBe(6 * 365 + 2);
  });

  it("a chain that starts on 29 February stays on 28 February (the rule is 12 months from the old expiry)", () => {
    let previous = nextCertificateDates("2028-02-29", null);
    for (let i = 0; i < 5; i++) previous = nextCertificateDates(addDays(previous.expiresOn, -10), previous);
    expect(previous.expiresOn).toBe("2034-02-28");
  });

  it("a lapse restarts the chain from the day of completion", () => {
    const lapsed = nextCertificateDates("2027-04-02", cert);
    expect(lapsed.expiresOn).toBe("2028-04-02");
    expect(nextCertificateDates("2028-03-01", lapsed).expiresOn).toBe("2029-04-02");
  });
});

describe("formatRefresherLine", () => {
  it("says where the person stands, in words", () => {
    expect(formatRefresherLine(refresherState("2026-05-01", null))).toBe("Not started");
    expect(formatRefresherLine(refresherState("2026-05-01", null, { startedCycle: true }))).toBe("In progress");
    expect(formatRefresherLine(refresherState("2026-05-01", cert))).toBe("Complete. Refresher opens 13 January 2027");
    expect(formatRefresherLine(refresherState("2027-02-01", cert))).toBe("Refresher due by 14 March 2027");
    expect(formatRefresherLine(refresherState("2027-03-14", cert))).toBe("Refresher due by 14 March 2027");
    expect(formatRefresherLine(refresherState("2027-03-15", cert))).toBe("Overdue since 15 March 2027");
  });
});
