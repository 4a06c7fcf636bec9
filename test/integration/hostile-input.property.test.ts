// Property-based: every text field of every server action, and every field of a bulk-invitation
// CSV, fed random strings, including every Object.prototype key ("constructor", "__proto__",
// "toString"…) as typed, capitalised and padded. For any input:
//   - nothing throws except Next's own redirect (a throw would be a 500),
//   - a refusal comes with a clear message (words, never "undefined", "[object …]" or a function),
//   - a refusal changes no row in any table (nothing half-stored).
// Driven at the action level against a real SQLite database; runs are bounded to stay fast.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { insertIntake } from "@/db/queries/intakes";
import { setPersonActive } from "@/db/queries/people";
import type { Viewer } from "@/lib/access";
import { setTestNow } from "@/lib/clock";
import type { FormState } from "@/lib/form-state";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf } from "../helpers/db";

const h = vi.hoisted(() => {
  class Redirect extends Error {}
  return { current: null as Viewer | null, Redirect };
});

vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new h.Redirect(url);
  },
  notFound: () => {
    throw new h.Redirect("/page-not-found");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => h.current }));
// Auth.js needs a request (and Next's server build) to sign in; here every sign-in is refused as
// a wrong password would be.
vi.mock("next-auth", () => {
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {}
  return { AuthError, CredentialsSignin };
});
vi.mock("@/lib/auth/config", async () => {
  const { CredentialsSignin } = await import("next-auth");
  return {
    // Right after accepting an invitation the new password is right: that sign-in goes through.
    signIn: async (_provider: string, options: { redirectTo?: string }) => {
      if (options.redirectTo === "/my?welcome=1") throw new h.Redirect(options.redirectTo);
      throw new CredentialsSignin();
    },
    signOut: async () => {
      throw new h.Redirect("/signed-out");
    },
    auth: async () => null,
  };
});

const trainerActions = await import("@/app/(site)/trainer/actions");
const adminActions = await import("@/app/(site)/admin/actions");
const certificateActions = await import("@/app/(site)/certificates/[id]/actions");
const quizActions = await import("@/app/(site)/modules/[module]/quiz/actions");
const signInActions = await import("@/app/(site)/sign-in/actions");
const inviteActions = await import("@/app/(site)/invite/[token]/actions");
const { startOrResumeAttempt } = await import("@/lib/quiz/service");
const { invite } = await import("@/lib/invitations");
const { parseAnalyticsFilters } = await import("@/lib/trainer/analytics");
const { parseMatrixFilters } = await import("@/lib/trainer/matrix");
const { parseAuditFilters } = await import("@/lib/trainer/audit-log");
const { auditActionLabel } = await import("@/lib/trainer/audit-words");
const { readRole, parseInviteList } = await import("@/lib/trainer/import");

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype);
const SPECIAL = [
  ...PROTO_KEYS,
  ...PROTO_KEYS.map((k) => k.toUpperCase()),
  ...PROTO_KEYS.map((k) => ` ${k} `),
  ...PROTO_KEYS.map((k) => `${k}@example.org`),
  "",
  " ",
  "0",
  "-1",
  "1.5",
  "1e309",
  "9".repeat(30),
  "NaN",
  "null",
  "undefined",
  "true",
  "yes",
  "admin",
  "[object Object]",
  "<script>alert(1)</script>",
  "' or 1=1 --",
  "\u0000",
  "\u202e",
  "a\nb",
  "x".repeat(3000),
];

/** A random string: a known troublemaker, any text, or any code units (lone surrogates too). */
const hostile = fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 }));

const KEEP = Symbol("keep the sensible value");
const OMIT = Symbol("leave the field out");
type FieldChoice = typeof KEEP | typeof OMIT | string;
const fieldChoice: fc.Arbitrary<FieldChoice> = fc.oneof({ weight: 1, arbitrary: fc.constant(KEEP) }, { weight: 1, arbitrary: fc.constant(OMIT) }, { weight: 3, arbitrary: hostile });

type Outcome = { kind: "state"; state: FormState } | { kind: "redirect"; to: string };

let db: Db;
let world: {
  trainer: Viewer;
  admin: Viewer;
  carer: Viewer;
  schemeId: number;
  intakeId: number;
  personId: number;
  attemptId: number;
  scenarioId: string;
  inviteToken: string;
};

beforeAll(async () => {
  setTestNow("2026-11-23T10:00:00Z");
  db = await freshDatabase();
  const scheme = await makeScheme("Property scheme");
  const trainer = viewerOf(await makePerson("trainer", scheme.id));
  const carer = viewerOf(await makePerson("carer", scheme.id));
  const leaver = await makePerson("carer", scheme.id);
  await setPersonActive(leaver.id, false, new Date("2026-01-01"));
  const intake = await insertIntake({ schemeId: scheme.id, name: "Intake", startDate: "2026-09-01", createdBy: null });
  const attempt = await startOrResumeAttempt(carer, "golden-rules");
  const invited = await invite(trainer, { email: "invited@example.org", role: "carer", schemeId: scheme.id });
  world = {
    trainer,
    admin: viewerOf(await makePerson("admin", null)),
    carer,
    schemeId: scheme.id,
    intakeId: intake.id,
    personId: carer.personId,
    attemptId: attempt.id,
    scenarioId: attempt.scenarioIds[0]!,
    inviteToken: invited.ok ? invited.link.split("/").at(-1)! : "",
  };
});

/** Sensible values for every field of every form: each run replaces some with hostile ones. */
type ActionCase = { as: () => Viewer | null; fields: () => Record<string, string>; call: (form: FormData) => Promise<unknown> };
const stateful = (action: (s: FormState, f: FormData) => Promise<FormState>) => (form: FormData) => action({}, form);

const cases: Record<string, ActionCase> = {
  "invite a person": {
    as: () => world.trainer,
    fields: () => ({ name: "Pat Person", email: "pat@example.org", role: "carer", intakeId: String(world.intakeId), schemeId: String(world.schemeId) }),
    call: stateful(trainerActions.invitePersonAction),
  },
  "deactivate someone": { as: () => world.trainer, fields: () => ({ personId: String(world.personId), active: "true" }), call: stateful(trainerActions.setActiveAction) },
  "create an intake": {
    as: () => world.trainer,
    fields: () => ({ name: "Spring", startDate: "2027-03-01", schemeId: String(world.schemeId) }),
    call: stateful(trainerActions.createIntakeAction),
  },
  "bulk invite (the form's fields)": {
    as: () => world.trainer,
    fields: () => ({ intakeId: String(world.intakeId), defaultRole: "carer", goodRowsOnly: "", list: "a@example.org" }),
    call: stateful(trainerActions.bulkInviteAction),
  },
  "record an assisted completion": {
    as: () => world.trainer,
    fields: () => ({ personId: String(world.personId), moduleSlug: "golden-rules", completedOn: "2026-11-20", assistedBy: "Officer Olu", evidence: "Signed workbook" }),
    call: stateful(trainerActions.recordAssistedAction),
  },
  "anonymise leavers": { as: () => world.trainer, fields: () => ({ confirm: "no", schemeId: String(world.schemeId) }), call: stateful(trainerActions.anonymiseAction) },
  "move to an intake": { as: () => world.trainer, fields: () => ({ personId: String(world.personId), intakeId: String(world.intakeId) }), call: trainerActions.moveToIntakeFormAction },
  "save the scheme's contacts (or preview them)": {
    as: () => world.trainer,
    fields: () => ({
      schemeId: String(world.schemeId),
      intent: "preview",
      publicName: "Property Shared Lives",
      adviceRole: "your Shared Lives officer",
      adviceName: "Jo Bloggs",
      advicePhone: "0300 123 4567",
      adviceEmail: "team@example.org",
      adviceHours: "9am to 5pm",
      outOfHoursPhone: "01632 960001",
      outOfHoursText: "emergency duty team",
      breachContact: "the duty officer",
      breachWithin: "straight away",
      breachPhone: "01632 960002",
      breachEmail: "breach@example.org",
      dpLeadName: "Priya Shah",
      dpLeadPhone: "01632 960003",
      dpLeadEmail: "dp@example.org",
      safeguardingName: "Safeguarding Adults Board",
      safeguardingHow: "Ring the front door",
      safeguardingPhone: "01632 960004",
      safeguardingLink: "https://www.example.org/safeguarding",
      secureSendingHow: "Egress",
      secureSendingLink: "https://www.example.org/egress",
      noteAdvice: "Ring **first**",
      noteSafeguarding: "- one\n- two",
      noteBreach: "[Guide](https://www.example.org/breach)",
      noteSending: "x",
      noteRecords: "y",
    }),
    call: stateful(trainerActions.saveSchemeDetailsAction),
  },
  "create a scheme": { as: () => world.admin, fields: () => ({ schemeName: "New scheme" }), call: stateful(adminActions.createSchemeAction) },
  "invite a trainer": {
    as: () => world.admin,
    fields: () => ({ schemeId: String(world.schemeId), name: "Tess Trainer", email: "tess@example.org" }),
    call: stateful(adminActions.inviteTrainerAction),
  },
  "mark a version for retraining": { as: () => world.admin, fields: () => ({ version: "2025.1", reason: "Changed" }), call: stateful(adminActions.markRetrainAction) },
  "revoke a certificate": {
    as: () => world.trainer,
    fields: () => ({ certificateId: "1", reason: "Issued by mistake", confirm: "yes" }),
    call: stateful(certificateActions.revokeCertificateAction),
  },
  "answer a quiz question": {
    as: () => world.carer,
    fields: () => ({ module: "golden-rules", attemptId: String(world.attemptId), number: "1", scenario: world.scenarioId, option: "a", returnTo: "next" }),
    call: stateful(quizActions.answerAction),
  },
  "submit a quiz": { as: () => world.carer, fields: () => ({ module: "golden-rules", attemptId: String(world.attemptId) }), call: stateful(quizActions.submitAction) },
  "start a quiz": { as: () => world.carer, fields: () => ({ module: "golden-rules" }), call: quizActions.startQuizAction },
  "sign in with a password": { as: () => null, fields: () => ({ email: "someone@example.org", password: "a long password", next: "/my" }), call: stateful(signInActions.signInWithPassword) },
  "email me a link": { as: () => null, fields: () => ({ email: "nobody@example.org", next: "/my" }), call: stateful(signInActions.emailMeALink) },
  "sign in with a link": { as: () => null, fields: () => ({ token: "x".repeat(43), next: "/my" }), call: stateful(signInActions.signInWithLink) },
  "accept an invitation": {
    as: () => null,
    // A sensible but too-common password: every run is refused before the slow password hash.
    fields: () => ({ token: world.inviteToken, name: "Ivy Invited", password: "password" }),
    call: stateful(inviteActions.acceptInvitationAction),
  },
};

function formOf(fields: Record<string, string>, choices: Record<string, FieldChoice>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    const choice = choices[name];
    if (choice === OMIT) continue;
    form.append(name, choice === KEEP || choice === undefined ? value : choice);
  }
  return form;
}

async function run(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { kind: "state", state: ((await call()) ?? {}) as FormState };
  } catch (error) {
    if (error instanceof h.Redirect) return { kind: "redirect", to: error.message };
    throw error; // anything else would be a 500
  }
}

const REFUSED_REDIRECT = /^\/(no-access|page-not-found|sign-in)|\?problem=/;

/** Words that mean a value leaked into a message unformatted (unless the person typed them). */
const LEAKS = ["undefined", "[object ", "function ", "NaN", "null", "Invalid input", "expected "];

/** A message in words: not empty, and no leaked value or library default the person did not type. */
function isClear(message: unknown, typed: string[]): boolean {
  if (typeof message !== "string" || message.trim().length === 0) return false;
  return LEAKS.every((leak) => !message.includes(leak) || typed.some((t) => t.includes(leak)));
}

/** Checks one outcome: a refusal is said clearly and left every table as it was. */
async function expectWellRefused(outcome: Outcome, before: Record<string, number>, typed: string[]) {
  if (outcome.kind === "redirect") {
    if (REFUSED_REDIRECT.test(outcome.to)) expect(await rowCounts(db)).toEqual(before);
    return;
  }
  const { errors, message, success } = outcome.state;
  if (success) {
    expect(isClear(success, typed), success).toBe(true);
    return;
  }
  // A form state with no success is a refusal: it must say why.
  expect((errors?.length ?? 0) > 0 || message !== undefined).toBe(true);
  for (const e of errors ?? []) expect(isClear(e.message, typed), e.message).toBe(true);
  if (message !== undefined) expect(isClear(message, typed), message).toBe(true);
  expect(await rowCounts(db)).toEqual(before);
}

describe("every server action's text fields, fed hostile strings", () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, async () => {
      const names = Object.keys(c.fields());
      const choices = fc.record(Object.fromEntries(names.map((n) => [n, fieldChoice])) as Record<string, fc.Arbitrary<FieldChoice>>);
      await fc.assert(
        fc.asyncProperty(choices, async (chosen) => {
          h.current = c.as();
          const before = await rowCounts(db);
          const outcome = await run(() => c.call(formOf(c.fields(), chosen)));
          await expectWellRefused(outcome, before, Object.values(chosen).filter((v): v is string => typeof v === "string"));
        }),
        { numRuns: 200 },
      );
    });
  }
});

/** A CSV cell: quoted, so commas, quotes and line breaks in the random text stay inside it. */
const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;

describe("bulk invitation lists, fed hostile CSV fields", () => {
  const row = fc.record({ name: fc.oneof(fc.constant("Sam Smith"), hostile), email: fc.oneof(fc.constant("ok"), hostile), role: fc.oneof(fc.constantFrom("carer", "staff", "trainer", ""), hostile) });

  it("a CSV with name, email and role: refused lines say why and nothing is invited", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), fc.constantFrom("", "yes"), async (rows, goodRowsOnly) => {
        h.current = world.trainer;
        const lines = rows.map((r) => [r.name, r.email === "ok" ? `p${++n}@example.org` : r.email, r.role].map(cell).join(","));
        const csv = ["name,email,role", ...lines].join("\n");
        const form = new FormData();
        form.append("intakeId", String(world.intakeId));
        form.append("goodRowsOnly", goodRowsOnly);
        form.append("file", new File([csv], "list.csv", { type: "text/csv" }));
        const before = await rowCounts(db);
        const outcome = await run(() => trainerActions.bulkInviteAction({}, form));
        await expectWellRefused(outcome, before, rows.flatMap((r) => [r.name, r.email, r.role]));
      }),
      { numRuns: 200 },
    );
  });

  it("a pasted line of name, email and role in any order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(hostile, hostile, hostile), async (fields) => {
        h.current = world.trainer;
        const form = new FormData();
        form.append("intakeId", String(world.intakeId));
        form.append("list", fields.join(", "));
        const before = await rowCounts(db);
        await expectWellRefused(await run(() => trainerActions.bulkInviteAction({}, form)), before, fields);
      }),
      { numRuns: 200 },
    );
  });

  it("every Object.prototype key as a role is refused by name, as a CSV field and a header", () => {
    for (const key of PROTO_KEYS) {
      const read = readRole(key);
      expect(read.role, key).toBeNull();
      expect(read.problem, key).toMatch(/is not one we know/);
      const parsed = parseInviteList(`name,email,role\nSam,sam@example.org,${key}`);
      expect(parsed.rows[0]!.role, key).toBeNull();
      expect(parsed.rows[0]!.roleProblem, key).toMatch(/is not one we know/);
      // As a header it names no column, so the list has no email column.
      expect(parseInviteList(`${key},role\nsam@example.org,carer`).fileProblem ?? "", key).not.toContain("undefined");
    }
  });
});

describe("filters read from a query string, fed hostile values", () => {
  it("fall back to their defaults and never reach Object.prototype", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (a, b, c) => {
        const analytics = parseAnalyticsFilters({ period: a, cycle: b, role: c, intake: a });
        expect(["12m", "3y", "all"]).toContain(analytics.period);
        expect(["all", "first", "refresher"]).toContain(analytics.cycle);
        const matrix = parseMatrixFilters(new URLSearchParams({ status: a, sort: b, account: c, role: a, intake: b, page: c }));
        expect(typeof matrix.sort).toBe("string");
        const audit = parseAuditFilters({ action: a, person: b, before: c, q: a });
        if (audit.action !== null) expect(typeof auditActionLabel(audit.action)).toBe("string");
      }),
      { numRuns: 500 },
    );
    for (const key of PROTO_KEYS) {
      expect(parseAnalyticsFilters({ period: key, cycle: key }), key).toMatchObject({ period: "12m", cycle: "all" });
      expect(typeof auditActionLabel(key), key).toBe("string");
    }
  });
});
