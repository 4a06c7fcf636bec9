// What a scheme's details show at each point of the course (lib/scheme-details/points.ts), the
// "Your scheme" panel and contact line that draw them, and the reminder email's ending.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SchemeContactLine, SchemePanel } from "@/app/_components/scheme/scheme-panel";
import { reminderMessage } from "@/lib/reminders/messages";
import { detailsFromValues } from "@/lib/scheme-details/form";
import { POINTS, POINT_TEXT, contactLine, pointContacts, pointHasContent, schemeContactText } from "@/lib/scheme-details/points";

const full = detailsFromValues({
  publicName: "Riverside Shared Lives",
  adviceRole: "your Shared Lives officer",
  adviceName: "Jo Bloggs",
  advicePhone: "0300 123 4567",
  adviceEmail: "team@riverside.example",
  adviceHours: "Monday to Friday, 9am to 5pm.",
  outOfHoursPhone: "03069 990456",
  outOfHoursText: "emergency duty team",
  breachContact: "the duty officer",
  breachWithin: "straight away",
  breachPhone: "01632 960789",
  dpLeadName: "Priya Shah",
  dpLeadEmail: "dp@riverside.example",
  safeguardingName: "Riverside Safeguarding Adults Board",
  safeguardingLink: "https://www.example.org/safeguarding",
  secureSendingHow: "By Egress secure email.",
  noteAdvice: "Text us if you cannot ring.",
});
const adviceOnly = detailsFromValues({ publicName: "Hill Shared Lives", advicePhone: "0300 999 0000", adviceEmail: "hill@example.org" });

const labels = (point: (typeof POINTS)[number], d = full) => pointContacts(d, point).map((i) => i.label);

describe("the contacts at each point", () => {
  it("advice: who, when, phone, email, then out of hours", () => {
    expect(labels("advice")).toEqual(["Ask", "Office hours", "Phone", "Email", "Out of hours"]);
    expect(pointContacts(full, "advice")[0]!.text).toBe("Jo Bloggs, your Shared Lives officer");
    expect(pointContacts(full, "advice")[4]).toEqual({ label: "Out of hours", text: "03069 990456", href: "tel:+443069990456", detail: "emergency duty team" });
  });

  it("a data breach: the breach contact and how fast, out of hours, and the data protection lead", () => {
    expect(labels("breach")).toEqual(["Tell", "How fast", "Phone", "Out of hours", "Data protection lead", "Data protection lead's email"]);
    expect(pointContacts(full, "breach")[2]!.text).toBe("01632 960789");
  });

  it("a data breach, for a scheme with no breach contact of its own: the advice contact", () => {
    expect(pointContacts(adviceOnly, "breach")).toEqual([
      { label: "Phone", text: "0300 999 0000", href: "tel:+443009990000", detail: undefined },
      { label: "Email", text: "hill@example.org", href: "mailto:hill@example.org" },
    ]);
  });

  it("safeguarding, sending documents and records", () => {
    expect(labels("safeguarding")).toEqual(["Safeguarding", "Safeguarding web page", "Out of hours", "Your scheme, in office hours"]);
    expect(labels("sending")).toEqual(["How to send them", "Questions"]);
    expect(labels("records")).toEqual(["Ask", "Office hours", "Phone", "Email", "Data protection lead", "Data protection lead's email"]);
  });

  it("a scheme with only a name has nothing to show anywhere", () => {
    const named = detailsFromValues({ publicName: "Bare" });
    for (const p of POINTS) {
      expect(pointContacts(named, p)).toEqual([]);
      expect(pointHasContent(named, p)).toBe(false);
    }
  });

  it("as one line of text, and the scheme's phone and email", () => {
    expect(contactLine(pointContacts(full, "advice"))).toBe(
      "Ask: Jo Bloggs, your Shared Lives officer. Office hours: Monday to Friday, 9am to 5pm. Phone: 0300 123 4567. Email: team@riverside.example. Out of hours: 03069 990456 (emergency duty team).",
    );
    expect(schemeContactText(full)).toBe("0300 123 4567, team@riverside.example");
    expect(schemeContactText(detailsFromValues({ publicName: "Bare", noteAdvice: "x" }))).toBeNull();
  });
});

describe("the Your scheme panel", () => {
  it("is headed with the point and the scheme's name, lists the contacts as links, and adds the note", () => {
    const html = renderToStaticMarkup(createElement(SchemePanel, { details: full, point: "advice" }));
    expect(html).toContain('<section class="scheme-panel" aria-labelledby="your-scheme-advice"');
    expect(html).toContain('<h2 id="your-scheme-advice" class="scheme-panel__title">Who to ask at Riverside Shared Lives</h2>');
    expect(html).toContain('<a href="tel:+443001234567">0300 123 4567</a>');
    expect(html).toContain('<a href="mailto:team@riverside.example">team@riverside.example</a>');
    expect(html).toContain("Text us if you cannot ring.");
  });

  it("is nothing at a point the scheme gave nothing for", () => {
    expect(renderToStaticMarkup(createElement(SchemePanel, { details: detailsFromValues({ publicName: "Bare" }), point: "breach" }))).toBe("");
  });

  it("gives each point its own heading, so two panels on a page are told apart", () => {
    const headings = POINTS.map((p) => POINT_TEXT[p].heading("X"));
    expect(new Set(headings).size).toBe(POINTS.length);
  });

  it("a contact line under feedback names the scheme", () => {
    const html = renderToStaticMarkup(createElement(SchemeContactLine, { details: full, point: "breach" }));
    expect(html).toContain("<strong>Riverside Shared Lives:</strong>");
    expect(html).toContain("Tell: the duty officer");
  });
});

describe("reminder emails", () => {
  it("end with the scheme's name and contacts when it gave them, and as before when not", () => {
    const withScheme = reminderMessage("Ada", "7-days", "2027-03-14", full).body;
    expect(withScheme).toContain("If you find it hard to do online, or you have a question, ask Riverside Shared Lives.");
    expect(withScheme).toContain("Phone: 0300 123 4567");
    const without = reminderMessage("Ada", "7-days", "2027-03-14").body;
    expect(without).toContain("If you find it hard to do online, ask your Shared Lives officer for help.");
    expect(reminderMessage("Ada", "7-days", "2027-03-14", detailsFromValues({ publicName: "Bare", noteAdvice: "x" })).body).toBe(without);
  });
});
