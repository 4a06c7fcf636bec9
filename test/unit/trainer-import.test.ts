import { describe, expect, it } from "vitest";
import { MAX_ROWS, checkRows, groupProblems, linesText, parseInviteList, readRole } from "@/lib/trainer/import";

const none = { existingAccounts: new Set<string>(), openInvitations: new Set<string>(), defaultRole: "carer" as const };

function check(text: string, ctx: Partial<Parameters<typeof checkRows>[1]> = {}) {
  const parsed = parseInviteList(text);
  return { parsed, rows: checkRows(parsed.rows, { ...none, ...ctx }) };
}

describe("reading a pasted list", () => {
  it("takes one or more addresses a line, with or without names, and keeps line numbers", () => {
    const { parsed, rows } = check("jo@example.org\n\nSam Smith <SAM@Example.org>; pat@example.org\n  lee@example.org  ");
    expect(parsed.format).toBe("list");
    expect(rows.map((r) => [r.line, r.name, r.email, r.role, r.problems])).toEqual([
      [1, null, "jo@example.org", "carer", []],
      [3, "Sam Smith", "sam@example.org", "carer", []],
      [3, null, "pat@example.org", "carer", []],
      [4, null, "lee@example.org", "carer", []],
    ]);
  });

  it("reads a line with a name, an address and a role in any order", () => {
    const { rows } = check("Jo Bloggs, jo@example.org, staff\ntrainer; pat@example.org; Pat Lee");
    expect(rows.map((r) => [r.name, r.email, r.role])).toEqual([
      ["Jo Bloggs", "jo@example.org", "staff"],
      ["Pat Lee", "pat@example.org", "trainer"],
    ]);
  });

  it("says what is wrong with each line, and why", () => {
    const { rows } = check(["good@example.org", "not-an-address", "good@example.org", "taken@example.org", "invited@example.org", "Admin Person, admin@example.org, admin", "Two, Names, x@example.org"].join("\n"), {
      existingAccounts: new Set(["taken@example.org"]),
      openInvitations: new Set(["invited@example.org"]),
    });
    expect(rows.map((r) => [r.line, r.problems])).toEqual([
      [1, []],
      [2, ["“not-an-address” is not an email address in the correct format, like name@example.com"]],
      [3, ["The same email address is already on line 1"]],
      [4, ["Someone with this email address already has an account"]],
      [5, ["This person has already been invited and the invitation has not run out"]],
      [6, ["Trainers cannot invite admins: the role must be carer, staff or trainer"]],
      [7, ["Could not tell which part of the line is the name: use name, email, role"]],
    ]);
  });

  it("flags a badly formed address", () => {
    const { rows } = check("jo@example");
    expect(rows[0]!.problems[0]).toMatch(/“jo@example” is not an email address in the correct format/);
  });

  it("needs a role for people whose line gives none, when the form gives none either", () => {
    const { rows } = check("jo@example.org\nPat, pat@example.org, carer", { defaultRole: null });
    expect(rows.map((r) => r.problems)).toEqual([["There is no role: choose one on the form for people without one, or add a role column"], []]);
  });

  it("refuses an empty list and a list that is too long", () => {
    expect(parseInviteList(" \n \n").fileProblem).toMatch(/empty/);
    const long = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `p${i}@example.org`).join("\n");
    expect(parseInviteList(long).fileProblem).toMatch(/Invite up to 500 at a time/);
  });
});

describe("reading a CSV file", () => {
  it("finds the columns by their names, in any order, ignoring others and blank lines", () => {
    const csv = "\uFEFFEmail address,Phone,Full name,Role\r\njo@example.org,0123,Jo Bloggs,Shared Lives carer\r\n\r\n\"sam@example.org\",,\"Smith, Sam\",Staff member\r\n";
    const { parsed, rows } = check(csv, { defaultRole: null });
    expect(parsed.format).toBe("csv");
    expect(rows.map((r) => [r.line, r.name, r.email, r.role, r.problems])).toEqual([
      [2, "Jo Bloggs", "jo@example.org", "carer", []],
      [4, "Smith, Sam", "sam@example.org", "staff", []],
    ]);
  });

  it("reads semicolon-separated files (as some spreadsheet programs save them)", () => {
    const { rows } = check("name;email;role\nJo;jo@example.org;trainer");
    expect(rows[0]).toMatchObject({ name: "Jo", email: "jo@example.org", role: "trainer", problems: [] });
  });

  it("checks every row: unknown roles, bad names, bad addresses", () => {
    const { rows } = check("name,email,role\nJo <b>,jo@example.org,carer\nPat,pat@,staff\nLee,lee@example.org,volunteer\nKim,kim@example.org,");
    expect(rows.map((r) => r.problems)).toEqual([
      ["The name must not contain < > or control characters"],
      [expect.stringMatching(/“pat@” is not an email address/)],
      ["The role “volunteer” is not one we know: use carer, staff or trainer"],
      [],
    ]);
    expect(rows[3]!.role).toBe("carer"); // the form's role, for a blank cell
  });

  it("needs an email column, and says where a broken file goes wrong", () => {
    // With no email column it is not read as CSV at all, and every line lacks an address.
    expect(check("name,role\nJo,carer").rows.map((r) => r.problems[0])).toEqual(["There is no email address", "There is no email address"]);
    expect(check("Jo Bloggs").rows[0]!.problems[0]).toMatch(/“Jo Bloggs” is not an email address/);
    // A header naming "email" but with an unclosed quote.
    expect(parseInviteList('name,email\n"Jo,jo@example.org\n').fileProblem).toMatch(/could not be read as CSV/);
  });
});

describe("summarising problems", () => {
  it("groups lines with the same problem", () => {
    const { rows } = check("a@\nb@example.org\nc@\nd@", { existingAccounts: new Set(["b@example.org"]) });
    const groups = groupProblems(rows);
    expect(groups.map((g) => [linesText(g.lines), g.message.slice(0, 20)])).toEqual([
      ["Line 1", "“a@” is not an email"],
      ["Line 2", "Someone with this em"],
      ["Line 3", "“c@” is not an email"],
      ["Line 4", "“d@” is not an email"],
    ]);
    expect(groupProblems(check("x@example.org\ny@example.org", { defaultRole: null }).rows)).toEqual([
      { lines: [1, 2], message: expect.stringMatching(/There is no role/) },
    ]);
    expect(linesText([1, 2, 3])).toBe("Lines 1, 2 and 3");
    expect(linesText(Array.from({ length: 15 }, (_, i) => i + 1))).toBe("Lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 3 more");
  });

  it("reads roles as people write them", () => {
    expect(readRole(" Staff  Member ")).toEqual({ role: "staff" });
    expect(readRole("")).toEqual({ role: null });
    expect(readRole("admin").problem).toMatch(/cannot invite admins/);
  });
});
