import { describe, expect, it } from "vitest";
import { REMINDER_STAGES, type ReminderStage as SchemaStage } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { type ReminderStage, STAGE_ORDER, currentStage, reminderDue } from "@/lib/reminders/select";

const expiresOn = "2027-03-14";
const cert = { expiresOn };
const none = new Set<ReminderStage>();
const day = (offset: number) => addDays(expiresOn, offset);

describe("reminderDue", () => {
  it("uses the stages the reminders_sent table knows", () => {
    expect([...STAGE_ORDER]).toEqual([...REMINDER_STAGES]);
    const check: SchemaStage[] = [...STAGE_ORDER];
    expect(check).toHaveLength(4);
  });

  it("sends nothing more than 30 days before expiry", () => {
    expect(reminderDue(day(-31), cert, none)).toBeNull();
    expect(reminderDue(day(-200), cert, none)).toBeNull();
  });

  it("30-days from 30 days before expiry until 8 days before", () => {
    expect(reminderDue(day(-30), cert, none)).toBe("30-days");
    expect(reminderDue(day(-8), cert, none)).toBe("30-days");
  });

  it("7-days from 7 days before expiry until the day before", () => {
    expect(reminderDue(day(-7), cert, none)).toBe("7-days");
    expect(reminderDue(day(-1), cert, none)).toBe("7-days");
  });

  it("due on the expiry day, overdue from the day after", () => {
    expect(reminderDue(expiresOn, cert, none)).toBe("due");
    expect(reminderDue(day(1), cert, none)).toBe("overdue");
    expect(reminderDue(day(400), cert, none)).toBe("overdue");
  });

  it("sends each stage once, running every day through a whole cycle", () => {
    const sent = new Set<ReminderStage>();
    const log: [string, ReminderStage][] = [];
    for (let offset = -60; offset <= 60; offset++) {
      const stage = reminderDue(day(offset), cert, sent);
      if (stage) {
        sent.add(stage);
        log.push([day(offset), stage]);
      }
    }
    expect(log).toEqual([
      [day(-30), "30-days"],
      [day(-7), "7-days"],
      [expiresOn, "due"],
      [day(1), "overdue"],
    ]);
  });

  it("after missed runs, sends only the most advanced stage, never the stale earlier ones", () => {
    // The job did not run between 40 days before and 3 days before expiry.
    expect(reminderDue(day(-3), cert, none)).toBe("7-days");
    const sent = new Set<ReminderStage>(["7-days"]);
    // Nor on the expiry day: the next run, after it, sends only "overdue".
    expect(reminderDue(day(5), cert, sent)).toBe("overdue");
    // And once that has gone, nothing more: not "due", not "30-days".
    sent.add("overdue");
    expect(reminderDue(day(6), cert, sent)).toBeNull();
    expect(reminderDue(day(30), cert, sent)).toBeNull();
  });

  it("sends nothing for a certificate already renewed (superseded) or revoked", () => {
    expect(reminderDue(day(-7), { expiresOn, supersededAt: new Date("2027-02-01T10:00:00Z") }, none)).toBeNull();
    expect(reminderDue(day(-7), { expiresOn, renewed: true }, none)).toBeNull();
    expect(reminderDue(day(2), { expiresOn, revokedAt: 1_800_000_000_000 }, none)).toBeNull();
    expect(reminderDue(day(-7), { expiresOn, supersededAt: null, revokedAt: null, renewed: false }, none)).toBe("7-days");
  });
});

describe("currentStage", () => {
  it("is the stage in force on a day, sent or not", () => {
    expect(currentStage(day(-31), expiresOn)).toBeNull();
    expect(currentStage(day(-30), expiresOn)).toBe("30-days");
    expect(currentStage(day(-7), expiresOn)).toBe("7-days");
    expect(currentStage(expiresOn, expiresOn)).toBe("due");
    expect(currentStage(day(1), expiresOn)).toBe("overdue");
  });
});
