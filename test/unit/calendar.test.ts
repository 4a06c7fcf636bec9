import { describe, expect, it } from "vitest";
import { refresherIcs } from "@/lib/calendar";

const ics = refresherIcs({
  dueOn: "2027-03-14",
  name: "Confidentiality and information sharing",
  url: "https://training.example.org/my",
  uid: "refresher-7@training.example.org",
  stamp: new Date("2026-05-01T09:30:00Z"),
});
const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");

describe("refresherIcs", () => {
  it("is one VEVENT in a VCALENDAR, with CRLF line endings", () => {
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("BEGIN:VEVENT");
    expect(lines).toContain("END:VEVENT");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("is an all-day event on the due date", () => {
    expect(lines).toContain("DTSTART;VALUE=DATE:20270314");
    expect(lines).toContain("DTEND;VALUE=DATE:20270315");
  });

  it("has the title, link, stable id and the time it was made", () => {
    expect(lines).toContain("SUMMARY:Refresher due: Confidentiality and information sharing");
    expect(lines).toContain("URL:https://training.example.org/my");
    expect(lines).toContain("UID:refresher-7@training.example.org");
    expect(lines).toContain("DTSTAMP:20260501T093000Z");
  });

  it("reminds 30 days before, with a valid RFC 5545 duration", () => {
    expect(lines).toContain("BEGIN:VALARM");
    expect(lines).toContain("TRIGGER:-P30D");
  });

  it("refuses a date that does not exist", () => {
    expect(() => refresherIcs({ dueOn: "2027-02-29", name: "x", url: "https://x.example" })).toThrow();
  });
});
