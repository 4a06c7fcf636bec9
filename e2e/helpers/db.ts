// Seed helpers: make exactly the data a test needs, straight in the e2e database (WAL lets the
// server and the tests share it). Guarded so it can never touch anything but data/e2e.
import { type RawConnection, openRawConnection } from "../../db/raw";
import { hash } from "@node-rs/argon2";
import { randomBytes, createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { E2E } from "../env";

if (!/data\/e2e(-\d+)?\//.test(E2E.databasePath)) throw new Error("e2e helpers only touch data/e2e");

let db: RawConnection | null = null;
export function e2eDb(): RawConnection {
  if (!db) {
    db = openRawConnection(E2E.databasePath);
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
  }
  return db;
}

let n = 0;
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${++n}-${randomBytes(2).toString("hex")}@e2e.example`;
}

export const PASSWORD = "a long e2e password";
let passwordHash: Promise<string> | null = null;

export function demoSchemeId(): number {
  return (e2eDb().prepare("select id from schemes where name = ?").get("Demo Shared Lives scheme") as { id: number }).id;
}

export function makeScheme(name = `Scheme ${randomBytes(3).toString("hex")}`): number {
  return Number(e2eDb().prepare("insert into schemes (name) values (?)").run(name).lastInsertRowid);
}

export async function makePerson(role: "carer" | "staff" | "trainer" | "admin", opts: { schemeId?: number | null; name?: string; email?: string } = {}) {
  passwordHash ??= hash(PASSWORD);
  const email = opts.email ?? uniqueEmail(role);
  const name = opts.name ?? `E2E ${role} ${++n}`;
  const schemeId = opts.schemeId === undefined ? (role === "admin" ? null : demoSchemeId()) : opts.schemeId;
  const id = Number(
    e2eDb()
      .prepare("insert into people (name, email, role, scheme_id, password_hash) values (?, ?, ?, ?, ?)")
      .run(name, email, role, schemeId, await passwordHash).lastInsertRowid,
  );
  return { id, email, name, password: PASSWORD, schemeId };
}

export function latestMailTo(email: string): { subject: string; body: string } | undefined {
  return e2eDb().prepare("select subject, body from outbox where to_address = ? order by id desc limit 1").get(email.toLowerCase()) as
    | { subject: string; body: string }
    | undefined;
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

export function insertCertificate(person: { id: number; name: string; schemeId: number | null }) {
  const code = newCode();
  const today = new Date();
  const issuedOn = isoDate(today);
  const expiresOn = isoDate(new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), Math.min(today.getUTCDate(), 28))));
  const modules = [
    { slug: "golden-rules", title: "The seven golden rules of information sharing", completedOn: issuedOn, assisted: false, score: 5, total: 5 },
    { slug: "confidentiality", title: "Confidentiality for Shared Lives carers", completedOn: issuedOn, assisted: true, score: null, total: null },
    { slug: "triangle-of-care", title: "The triangle of care", completedOn: issuedOn, assisted: false, score: 4, total: 5 },
  ];
  const id = Number(
    e2eDb()
      .prepare(
        `insert into certificates (code, person_id, scheme_id, holder_name, course_id, course_title, content_version, cycle, issued_on, expires_on, modules)
         values (?, ?, ?, ?, 'shared-lives-confidentiality', 'Confidentiality and information sharing', 'e2e-1', 1, ?, ?, ?)`,
      )
      .run(code, person.id, person.schemeId, person.name, issuedOn, expiresOn, JSON.stringify(modules)).lastInsertRowid,
  );
  return { id, code, issuedOn, expiresOn };
}
