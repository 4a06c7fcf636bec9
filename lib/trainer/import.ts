// Bulk invitations: reading a pasted list of email addresses or a CSV file (name, email, role) and
// checking every line. Pure: the caller says which addresses already have an account or an open
// invitation. Nothing here writes anything; lib/trainer/intakes.ts sends the invitations.
import { parse } from "csv-parse/sync";
import { ownValue } from "../own";
import { emailField, nameField } from "../validation";

export const MAX_ROWS = 500;
export const MAX_CHARACTERS = 200_000;

export type InviteRole = "carer" | "staff" | "trainer";

export type ImportRow = {
  /** The line of the list or file it came from (1 = the first line). */
  line: number;
  /** What the line said, shortened, to show next to its problems. */
  text: string;
  name: string | null;
  email: string;
  role: InviteRole | null;
  /** Why the role could not be read, if it could not. */
  roleProblem?: string;
};

export type CheckedRow = ImportRow & { problems: string[] };

export type ParsedList = { format: "csv" | "list"; rows: ImportRow[]; fileProblem: string | null };

const ROLE_WORDS: Record<string, InviteRole> = {
  carer: "carer",
  "shared lives carer": "carer",
  "sl carer": "carer",
  staff: "staff",
  "staff member": "staff",
  trainer: "trainer",
};

/** A role as someone might write it, or a problem. Blank means "not given". */
export function readRole(text: string): { role: InviteRole | null; problem?: string } {
  const word = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (!word) return { role: null };
  const role = ownValue(ROLE_WORDS, word);
  if (role) return { role };
  if (word === "admin") return { role: null, problem: "Trainers cannot invite admins: the role must be carer, staff or trainer" };
  return { role: null, problem: `The role “${text.trim().slice(0, 40)}” is not one we know: use carer, staff or trainer` };
}

const HEADER_WORDS: Record<string, "name" | "email" | "role"> = {
  name: "name",
  "full name": "name",
  "their name": "name",
  email: "email",
  "email address": "email",
  "e-mail": "email",
  "e-mail address": "email",
  role: "role",
  "they are a": "role",
};

function shorten(text: string): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}

/** "Jo Bloggs <jo@example.org>" → name and address; a bare address → no name. */
function splitAddress(item: string): { name: string | null; email: string } {
  const match = item.match(/^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/);
  if (match) return { name: match[1]!.trim() || null, email: match[2]!.trim() };
  return { name: null, email: item.trim() };
}

function looksLikeHeader(line: string): boolean {
  return line
    .toLowerCase()
    .split(/[,;\t]/)
    .some((f) => ownValue(HEADER_WORDS, f.trim().replace(/^"|"$/g, "")) === "email");
}

/**
 * Reads a list. With a header line naming an email column it is CSV (columns name, email and role,
 * in any order, other columns ignored). Otherwise each line holds email addresses separated by
 * commas or semicolons ("Jo Bloggs <jo@example.org>" is fine), or one person as name, email and
 * role in any order.
 */
export function parseInviteList(input: string): ParsedList {
  const text = input.replace(/^\uFEFF/, "");
  if (text.length > MAX_CHARACTERS) {
    return { format: "list", rows: [], fileProblem: `The list is too long. Split it into lists of up to ${MAX_ROWS} people.` };
  }
  const lines = text.split(/\r\n|\r|\n/);
  const firstIndex = lines.findIndex((l) => l.trim() !== "");
  if (firstIndex === -1) return { format: "list", rows: [], fileProblem: "The list is empty. Paste some email addresses or choose a CSV file." };
  const rows = looksLikeHeader(lines[firstIndex]!) ? null : parseLines(lines);
  if (rows) return finish("list", rows);
  return parseCsv(text, lines[firstIndex]!);
}

function finish(format: "csv" | "list", rows: ImportRow[], fileProblem: string | null = null): ParsedList {
  if (!fileProblem && rows.length === 0) fileProblem = "There is nobody in the list. Add at least one email address.";
  if (!fileProblem && rows.length > MAX_ROWS) fileProblem = `The list has ${rows.length} people. Invite up to ${MAX_ROWS} at a time: split the list.`;
  return { format, rows, fileProblem };
}

function parseLines(lines: string[]): ImportRow[] {
  const rows: ImportRow[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const fields = raw
      .split(/[,;\t]/)
      .map((f) => f.trim())
      .filter(Boolean);
    // A line of addresses (or a single item, which can only be meant as an address).
    if (fields.length === 1 || fields.every((f) => f.includes("@"))) {
      for (const f of fields) {
        const { name, email } = splitAddress(f);
        rows.push({ line, text: shorten(f), name, email, role: null });
      }
      return;
    }
    // One person on the line: the field with an @ is the address, a role word is the role, the rest is the name.
    const emails = fields.filter((f) => f.includes("@"));
    const roles = fields.filter((f) => !f.includes("@") && (ownValue(ROLE_WORDS, f.toLowerCase()) || f.toLowerCase() === "admin"));
    const names = fields.filter((f) => !emails.includes(f) && !roles.includes(f));
    const role = roles.length ? readRole(roles[0]!) : { role: null };
    rows.push({
      line,
      text: shorten(raw),
      name: names.length === 1 ? names[0]! : null,
      email: emails.length === 1 ? splitAddress(emails[0]!).email : "",
      role: role.role,
      roleProblem: role.problem ?? (names.length > 1 ? "Could not tell which part of the line is the name: use name, email, role" : undefined),
    });
  });
  return rows;
}

function parseCsv(text: string, headerLine: string): ParsedList {
  const delimiter = [",", ";", "\t"].map((d) => [d, headerLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as { info: { lines: number }; record: string[] }[];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    return finish("csv", [], `The file could not be read as CSV${lines ? ` (near line ${lines})` : ""}. Check for a missing closing quote mark (").`);
  }
  const [header, ...body] = records;
  const columns = header!.record.map((h) => ownValue(HEADER_WORDS, h.toLowerCase().replace(/\s+/g, " ")) ?? null);
  const col = (key: "name" | "email" | "role") => columns.indexOf(key);
  if (col("email") === -1) return finish("csv", [], "The first line must name the columns, with one called email.");
  const rows = body.map(({ info, record }) => {
    const get = (key: "name" | "email" | "role") => (col(key) === -1 ? "" : (record[col(key)] ?? "").trim());
    const role = readRole(get("role"));
    return {
      line: info.lines,
      text: shorten(record.join(delimiter === "\t" ? " " : `${delimiter} `)),
      name: get("name") || null,
      email: get("email"),
      role: role.role,
      roleProblem: role.problem,
    };
  });
  return finish("csv", rows);
}

export type CheckContext = {
  /** Lower-case addresses that already belong to an account. */
  existingAccounts: ReadonlySet<string>;
  /** Lower-case addresses with an invitation in this scheme still open. */
  openInvitations: ReadonlySet<string>;
  /** The role for lines that give none (chosen on the form), if any. */
  defaultRole: InviteRole | null;
};

/** Every line's problems, in words. Addresses come back lower-cased and trimmed. */
export function checkRows(rows: ImportRow[], ctx: CheckContext): CheckedRow[] {
  const firstLineOf = new Map<string, number>();
  return rows.map((row) => {
    const problems: string[] = [];
    let email = row.email.trim();
    if (!email) problems.push("There is no email address");
    else {
      const parsed = emailField.safeParse(email);
      if (!parsed.success) problems.push(`“${shorten(email).slice(0, 60)}” is not an email address in the correct format, like name@example.com`);
      else {
        email = parsed.data;
        const seen = firstLineOf.get(email);
        if (seen !== undefined) problems.push(`The same email address is already on line ${seen}`);
        else firstLineOf.set(email, row.line);
        if (ctx.existingAccounts.has(email)) problems.push("Someone with this email address already has an account");
        else if (ctx.openInvitations.has(email)) problems.push("This person has already been invited and the invitation has not run out");
      }
    }
    let name = row.name;
    if (name !== null) {
      const parsed = nameField.safeParse(name);
      if (!parsed.success) problems.push(parsed.error.issues[0]!.message.replace(/^Name/, "The name"));
      else name = parsed.data;
    }
    if (row.roleProblem) problems.push(row.roleProblem);
    const role = row.role ?? ctx.defaultRole;
    if (!row.roleProblem && !role) problems.push("There is no role: choose one on the form for people without one, or add a role column");
    return { ...row, email, name, role, problems };
  });
}

/** Lines with the same problem together: "Lines 3 and 7: …", in the order they first appear. */
export function groupProblems(rows: CheckedRow[]): { lines: number[]; message: string }[] {
  const groups = new Map<string, number[]>();
  for (const row of rows)
    for (const problem of row.problems) {
      const lines = groups.get(problem) ?? [];
      if (!lines.includes(row.line)) lines.push(row.line);
      groups.set(problem, lines);
    }
  return [...groups].map(([message, lines]) => ({ lines, message }));
}

export function linesText(lines: number[]): string {
  if (lines.length === 1) return `Line ${lines[0]}`;
  const shown = lines.slice(0, 12);
  const more = lines.length - shown.length;
  const list = more > 0 ? `${shown.join(", ")} and ${more} more` : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
  return `Lines ${list}`;
}
