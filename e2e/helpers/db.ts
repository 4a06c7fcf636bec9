// Seed helpers: make exactly the data a test needs, straight in the e2e database, whichever engine
// the e2e server runs on (E2E_ENGINE: the SQLite file, which WAL lets the server and the tests
// share, or the PostgreSQL database slt_e2e_<port>). Guarded so they can never touch any other.
//
// Every call is async. Plain SQL that both engines understand, with `?` for parameters:
//
//   await e2eSql.rows<T>(sql, ...params)     every row
//   await e2eSql.row<T>(sql, ...params)      the first row, or undefined
//   await e2eSql.count(sql, ...params)       the `n` of "select count(*) as n …", as a number
//   await e2eSql.run(sql, ...params)         an update or delete; the number of rows it changed
//   await e2eSql.insert(sql, ...params)      an insert of one row; its id (adds `returning id`)
//   await makeScheme(name?)  await demoSchemeId()  await makePerson(role, …)  await latestMailTo(email)
//
// Values the engines store differently — write them through these, read them back with care:
//   time(ms)   a moment (Date.now() ± …): integer ms on SQLite, a timestamptz on PostgreSQL
//   bool(b)    a boolean column: 0/1 on SQLite, false/true on PostgreSQL
//              (reading: Boolean(row.active); a moment comes back as a number or a Date: msOf(value))
//   JSON columns: write JSON.stringify(value); they come back as text on SQLite, parsed on PostgreSQL.
//
// From the old synchronous API (a spec still written that way converts like this):
//   e2eDb().prepare(q).get(a)                        ->  await e2eSql.row(q, a)
//   e2eDb().prepare(q).all(a)                        ->  await e2eSql.rows(q, a)
//   (e2eDb().prepare("select count(*) as n …").get(a) as { n: number }).n  ->  await e2eSql.count("select count(*) as n …", a)
//   e2eDb().prepare(q).run(a)                        ->  await e2eSql.run(q, a)
//   Number(e2eDb().prepare("insert …").run(a).lastInsertRowid)  ->  await e2eSql.insert("insert …", a)
//   .run(Date.now(), 0)                              ->  (time(Date.now()), bool(false))
//   makeScheme(), demoSchemeId(), latestMailTo(e)    ->  await makeScheme(), await demoSchemeId(), await latestMailTo(e)
//   and in SQL: "active = 0" -> "not active", "active = 1" -> "active" (true/false work on both).
import { hash } from "@node-rs/argon2";
import { createHash, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import type pg from "pg";
import { openRawConnection, type RawConnection } from "../../db/raw";
import { openRawPostgres, rawPgQuery } from "../../db/raw-pg";
import { E2E } from "../env";

if (E2E.engine === "sqlite" && !/data\/e2e(-\d+)?\//.test(E2E.databasePath)) throw new Error("e2e helpers only touch data/e2e");
if (E2E.postgres && !/^slt_e2e_\d+$/.test(E2E.postgres.name)) throw new Error("e2e helpers only touch the slt_e2e_<port> database");

let sqlite: RawConnection | null = null;
let postgres: pg.Pool | null = null;

async function query<T>(text: string, params: unknown[]): Promise<{ rows: T[]; changes: number }> {
  if (E2E.postgres) {
    postgres ??= openRawPostgres(E2E.postgres.url, E2E.postgres.caFile);
    return await rawPgQuery<T>(postgres, text, params);
  }
  sqlite ??= openRawConnection(E2E.databasePath);
  const statement = sqlite.prepare(text);
  if (statement.reader) return { rows: statement.all(...params) as T[], changes: 0 };
  return { rows: [], changes: statement.run(...params).changes };
}

export const e2eSql = {
  async rows<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T[]> {
    return (await query<T>(text, params)).rows;
  },
  async row<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T | undefined> {
    return (await query<T>(text, params)).rows[0];
  },
  async count(text: string, ...params: unknown[]): Promise<number> {
    const row = (await query<{ n: number }>(text, params)).rows[0];
    if (!row || typeof row.n !== "number") throw new Error(`expected a row with a number n from: ${text}`);
    return row.n;
  },
  async run(text: string, ...params: unknown[]): Promise<number> {
    return (await query(text, params)).changes;
  },
  async insert(text: string, ...params: unknown[]): Promise<number> {
    const row = (await query<{ id: number }>(`${text} returning id`, params)).rows[0];
    if (!row) throw new Error(`nothing inserted by: ${text}`);
    return Number(row.id);
  },
};

/** A moment to write: integer ms on SQLite, a timestamptz (a Date) on PostgreSQL. */
export function time(ms: number): number | Date {
  return E2E.engine === "postgres" ? new Date(ms) : ms;
}

/** A boolean to write: 0/1 on SQLite, false/true on PostgreSQL. */
export function bool(value: boolean): number | boolean {
  return E2E.engine === "postgres" ? value : value ? 1 : 0;
}

/** A moment read back (a number on SQLite, a Date on PostgreSQL) as ms. */
export function msOf(value: number | Date | null): number | null {
  return value === null ? null : typeof value === "number" ? value : value.getTime();
}

let n = 0;
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${++n}-${randomBytes(2).toString("hex")}@e2e.example`;
}

export const PASSWORD = "a long e2e password";
let passwordHash: Promise<string> | null = null;

export async function demoSchemeId(): Promise<number> {
  const row = await e2eSql.row<{ id: number }>("select id from schemes where name = ?", "Demo Shared Lives scheme");
  if (!row) throw new Error("the demo scheme is missing: is the e2e server seeded?");
  return row.id;
}

export async function makeScheme(name = `Scheme ${randomBytes(3).toString("hex")}`): Promise<number> {
  return await e2eSql.insert("insert into schemes (name) values (?)", name);
}

export async function makePerson(role: "carer" | "staff" | "trainer" | "admin", opts: { schemeId?: number | null; name?: string; email?: string } = {}) {
  passwordHash ??= hash(PASSWORD);
  const email = opts.email ?? uniqueEmail(role);
  const name = opts.name ?? `E2E ${role} ${++n}`;
  const schemeId = opts.schemeId === undefined ? (role === "admin" ? null : await demoSchemeId()) : opts.schemeId;
  const id = await e2eSql.insert("insert into people (name, email, role, scheme_id, password_hash) values (?, ?, ?, ?, ?)", name, email, role, schemeId, await passwordHash);
  return { id, email, name, password: PASSWORD, schemeId };
}

export async function latestMailTo(email: string): Promise<{ subject: string; body: string } | undefined> {
  return await e2eSql.row<{ subject: string; body: string }>("select subject, body from outbox where to_address = ? order by id desc limit 1", email.toLowerCase());
}

export function linkIn(body: string): string {
  const match = body.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in: ${body}`);
  return match[0];
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Moves the server's clock (only honoured because the e2e server sets ALLOW_TEST_CLOCK). */
export function setClock(iso: string | null): void {
  writeFileSync(E2E.clockFile, iso ?? "");
}

// Certificates are issued by quiz completion elsewhere; here they are inserted straight into the
// e2e database, with a code made the same way lib/certificates/code.ts makes one.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export function newCode(): string {
  let bits = "";
  for (const byte of randomBytes(18)) bits += byte.toString(2).padStart(8, "0");
  return Array.from({ length: 28 }, (_, i) => ALPHABET[parseInt(bits.slice(i * 5, i * 5 + 5), 2)]).join("");
}
export const grouped = (code: string) => code.match(/.{4}/g)!.join("-");

function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export async function insertCertificate(person: { id: number; name: string; schemeId: number | null }) {
  const code = newCode();
  const today = new Date();
  const issuedOn = isoDate(today);
  const expiresOn = isoDate(new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), Math.min(today.getUTCDate(), 28))));
  const modules = [
    { slug: "golden-rules", title: "The seven golden rules of information sharing", completedOn: issuedOn, assisted: false, score: 5, total: 5 },
    { slug: "confidentiality", title: "Confidentiality for Shared Lives carers", completedOn: issuedOn, assisted: true, score: null, total: null },
    { slug: "triangle-of-care", title: "The triangle of care", completedOn: issuedOn, assisted: false, score: 4, total: 5 },
  ];
  const id = await e2eSql.insert(
    `insert into certificates (code, person_id, scheme_id, holder_name, course_id, course_title, content_version, cycle, issued_on, expires_on, modules)
     values (?, ?, ?, ?, 'shared-lives-confidentiality', 'Confidentiality and information sharing', 'e2e-1', 1, ?, ?, ?)`,
    code,
    person.id,
    person.schemeId,
    person.name,
    issuedOn,
    expiresOn,
    JSON.stringify(modules),
  );
  return { id, code, issuedOn, expiresOn };
}
