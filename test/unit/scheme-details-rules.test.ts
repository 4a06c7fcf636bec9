// What a scheme may put in its details (lib/scheme-details/schema.ts, rules.ts, formats.ts): every
// rule and its edges, and that refused input says what to put right, beside the field.
import { describe, expect, it } from "vitest";
import { zodErrors } from "@/lib/form-state";
import { isHttpsLink, telHref, ukPhoneDigits } from "@/lib/scheme-details/formats";
import { DETAIL_FIELDS, changedFields, detailsFromValues, formDefaults, hasContent } from "@/lib/scheme-details/form";
import { LIMITS } from "@/lib/scheme-details/limits";
import { schemeDetailsForm } from "@/lib/scheme-details/schema";

const valid = {
  publicName: "  Riverside   Shared Lives ",
  adviceRole: "your Shared Lives officer",
  advicePhone: "0300 123 4567",
  adviceEmail: "Team@Riverside.Example.org",
  safeguardingLink: "https://www.example.org/safeguarding",
  noteBreach: "Ring **first**.\r\n- what was lost\n- when\n\n\n\nThen [email us](https://www.example.org/breach).",
};

/** The first message for each refused field. */
function refusals(input: Record<string, unknown>): Record<string, string> {
  const result = schemeDetailsForm.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(zodErrors(result.error).map((e) => [e.field, e.message]));
}

describe("the scheme details form", () => {
  it("accepts a set of details, tidies spaces and line ends, and treats missing and blank fields as none", () => {
    const out = schemeDetailsForm.parse({ ...valid, adviceName: "   " });
    expect(out.publicName).toBe("Riverside Shared Lives");
    expect(out.adviceEmail).toBe("team@riverside.example.org");
    expect(out.adviceName).toBeNull();
    expect(out.breachPhone).toBeNull();
    expect(out.noteBreach).toBe("Ring **first**.\n- what was lost\n- when\n\nThen [email us](https://www.example.org/breach).");
    expect(Object.keys(out).sort()).toEqual([...DETAIL_FIELDS].sort());
  });

  it("needs the scheme's name, and only that", () => {
    expect(refusals({})).toEqual({ publicName: "Enter the name carers know your scheme by" });
    expect(refusals({ publicName: "   " })).toEqual({ publicName: "Enter the name carers know your scheme by" });
    expect(refusals({ publicName: "R".repeat(LIMITS.name + 1) }).publicName).toMatch(/100 characters or fewer/);
    expect(schemeDetailsForm.safeParse({ publicName: "R" }).success).toBe(true);
  });

  it("refuses a script, or any HTML, in a note, with a message beside the note", () => {
    for (const note of ["<script>alert(1)</script>", "Hello <img src=x onerror=alert(1)>", "<!-- hidden -->", "</p>", "<?xml?>"]) {
      expect(refusals({ publicName: "R", noteAdvice: note }).noteAdvice, note).toMatch(/must not contain HTML such as <script>/);
    }
    // "<" that starts no tag is ordinary text.
    expect(refusals({ publicName: "R", noteAdvice: "Ring if it is < 2 hours since, or a > b" })).toEqual({});
  });

  it("refuses a javascript: link, in a note or in a link field; links must be https", () => {
    expect(refusals({ publicName: "R", noteSending: "[Our guide](javascript:alert(1))" }).noteSending).toMatch(/must start with https:\/\//);
    expect(refusals({ publicName: "R", noteSending: "Paste javascript:alert(1) in the address bar" }).noteSending).toMatch(/javascript:/);
    expect(refusals({ publicName: "R", noteSending: "[Guide](http://www.example.org)" }).noteSending).toMatch(/must start with https:\/\//);
    expect(refusals({ publicName: "R", noteSending: "See [data:text/html,x](https://www.example.org)" }).noteSending).toMatch(/data:/);
    expect(refusals({ publicName: "R", noteSending: "Keep your data: lock it away." })).toEqual({});
    for (const link of ["javascript:alert(1)", "JavaScript:alert(1)", "http://www.example.org", "data:text/html,<b>x</b>", "https://user:pw@www.example.org", "https://localhost/x", "www.example.org", "https://exa mple.org"]) {
      expect(refusals({ publicName: "R", safeguardingLink: link }).safeguardingLink, link).toBe("Safeguarding web page must be a full web address starting with https://");
    }
  });

  it("refuses a 10,000-character note, saying how long a note may be", () => {
    expect(refusals({ publicName: "R", noteRecords: "x".repeat(10_000) }).noteRecords).toBe(
      `Note on keeping and returning records must be ${LIMITS.note} characters or fewer`,
    );
    expect(refusals({ publicName: "R", noteRecords: "x".repeat(LIMITS.note) })).toEqual({});
  });

  it("checks phone numbers are UK numbers, and keeps them as the scheme writes them", () => {
    for (const phone of ["0300 123 4567", "01632 960001", "020 7946 0018", "07700 900123", "+44 (0)300 123 4567", "0044 300 123 4567", "0300-123-4567", "999", "111"]) {
      expect(refusals({ publicName: "R", advicePhone: phone }), phone).toEqual({});
    }
    expect(schemeDetailsForm.parse({ publicName: "R", advicePhone: " 0300   123 4567 " }).advicePhone).toBe("0300 123 4567");
    for (const phone of ["123", "call the office", "0300 123", "+1 555 123 4567", "0300 123 4567 ext 2", "4567 0300 123", "06 1234 5678", "0300 123 4567 8"]) {
      expect(refusals({ publicName: "R", advicePhone: phone }).advicePhone, phone).toBe(
        "Enter the advice phone number as a UK phone number, like 0300 123 4567 or 01632 960001",
      );
    }
  });

  it("checks email addresses", () => {
    for (const email of ["not-an-email", "a@", "@example.org", "a b@example.org", "team@example.org<script>"]) {
      expect(refusals({ publicName: "R", breachEmail: email }).breachEmail, email).toBe("Enter the data breach email address in the correct format, like name@example.org");
    }
  });

  it("refuses < >, control characters and text-direction tricks in one-line fields", () => {
    expect(refusals({ publicName: "R", adviceRole: "<b>officer</b>" }).adviceRole).toBe("Who to ask (a role) must not contain < or >");
    expect(refusals({ publicName: "R", adviceRole: "officer\u0007" }).adviceRole).toMatch(/control characters/);
    expect(refusals({ publicName: "R\u202eevil" }).publicName).toMatch(/text-direction/);
    expect(refusals({ publicName: "R", noteAdvice: "a\u202eb" }).noteAdvice).toMatch(/control characters/);
  });

  it("lists every refused field, in the order of the page", () => {
    expect(Object.keys(refusals({ publicName: "", advicePhone: "x", breachEmail: "y", noteBreach: "<script>" }))).toEqual([
      "publicName",
      "advicePhone",
      "breachEmail",
      "noteBreach",
    ]);
  });

  it("drops fields it does not know, prototype keys included, and never changes an object's prototype", () => {
    const hostile = Object.fromEntries([
      ["publicName", "R"],
      ["__proto__", "polluted"],
      ["constructor", "x"],
      ["toString", "y"],
      ["isAdmin", "true"],
    ]);
    const out = schemeDetailsForm.parse(hostile);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, "__proto__")).toBe(false);
    expect(Object.hasOwn(out, "constructor")).toBe(false);
    expect(Object.hasOwn(out, "isAdmin")).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(detailsFromValues(hostile).publicName).toBe("R");
    expect(Object.hasOwn(detailsFromValues({ publicName: "R", constructor: "x" } as Record<string, string>), "constructor")).toBe(false);
  });
});

describe("phone numbers and links", () => {
  it("finds the digits of UK numbers, and their tel: address", () => {
    expect(ukPhoneDigits("0300 123 4567")).toBe("03001234567");
    expect(ukPhoneDigits("+44 (0)300 123 4567")).toBe("03001234567");
    expect(ukPhoneDigits("+44 300 123 4567")).toBe("03001234567");
    expect(ukPhoneDigits("12+44 300")).toBeNull();
    expect(telHref("03001234567")).toBe("tel:+443001234567");
    expect(telHref("999")).toBe("tel:999");
  });

  it("takes only https: addresses with a host and no password", () => {
    expect(isHttpsLink("https://www.example.org/a?b=c")).toBe(true);
    expect(isHttpsLink("HTTPS://www.example.org")).toBe(true);
    expect(isHttpsLink("https://www.example.org/a b")).toBe(false);
    expect(isHttpsLink("ftp://www.example.org")).toBe(false);
  });
});

describe("the details as the pages use them", () => {
  it("has something to show only with a contact or a note, not a name alone", () => {
    const named = detailsFromValues({ publicName: "R" });
    expect(hasContent(named)).toBe(false);
    expect(hasContent(null)).toBe(false);
    expect(hasContent(detailsFromValues({ publicName: "R", noteRecords: "x" }))).toBe(true);
  });

  it("names the fields a save changes (names only: the audit log keeps no contact details)", () => {
    const before = detailsFromValues({ publicName: "R", advicePhone: "0300 123 4567" });
    expect(changedFields(null, before)).toEqual(["publicName", "advicePhone"]);
    expect(changedFields(before, detailsFromValues({ publicName: "R", advicePhone: "0300 123 4567" }))).toEqual([]);
    expect(changedFields(before, detailsFromValues({ publicName: "R", advicePhone: "0300 123 4568", noteAdvice: "x" }))).toEqual(["advicePhone", "noteAdvice"]);
  });

  it("starts the form with the saved values, or the scheme's own name", () => {
    expect(formDefaults(null, "Scheme A").publicName).toBe("Scheme A");
    expect(formDefaults(detailsFromValues({ publicName: "Public", advicePhone: "0300 123 4567" }), "Scheme A")).toMatchObject({ publicName: "Public", advicePhone: "0300 123 4567", adviceEmail: "" });
  });
});
