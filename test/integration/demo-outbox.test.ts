// Demo mode must not be an account-takeover switch: the outbox shows a trainer only mail written in
// demo mode to the demo accounts and to people invited in demo mode, never a real person's
// sign-in link; and demo mode refuses to start alongside real mail.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { requestSignInLink } from "@/lib/auth/links";
import { demoWarning } from "@/lib/demo/accounts";
import { EnvError, parseEnv, resetEnvCache } from "@/lib/env";
import { NotAllowed } from "@/lib/errors";
import { invite } from "@/lib/invitations";
import { sendMail } from "@/lib/mail";
import { outboxFor } from "@/lib/people";
import { freshDatabase, makePerson, makeScheme, viewerOf, sqlRow } from "../helpers/db";

let db: Db;

function demoMode(on: boolean) {
  if (on) process.env.DEMO_MODE = "true";
  else delete process.env.DEMO_MODE;
  resetEnvCache();
}

beforeEach(async () => {
  db = await freshDatabase();
  demoMode(false);
});
afterEach(() => demoMode(false));

describe("the demo outbox", () => {
  it("shows only mail written in demo mode to demo accounts and people invited in demo mode", async () => {
    const scheme = await makeScheme();
    const trainer = viewerOf(await makePerson("trainer", scheme.id));
    const realCarer = await makePerson("carer", scheme.id, { email: "real.carer@example.org" });
    const demoCarer = await makePerson("carer", scheme.id, { email: "carer@demo.example" });

    // Written by a real site (no SMTP) before anyone turned demo mode on.
    await requestSignInLink(realCarer.email, null);

    demoMode(true);
    // In demo mode: a real person asks for a sign-in link, the demo carer too, and the trainer invites someone.
    await requestSignInLink(realCarer.email, null);
    await requestSignInLink(demoCarer.email, null);
    const invited = await invite(trainer, { email: "new.person@example.org", role: "carer", schemeId: scheme.id });
    expect(invited.ok).toBe(true);

    const shown = await outboxFor(trainer);
    expect(shown.map((m) => m.toAddress).sort()).toEqual(["carer@demo.example", "new.person@example.org"]);
    expect(shown.every((m) => m.transport === "demo-outbox")).toBe(true);
    expect(JSON.stringify(shown)).not.toContain("real.carer@example.org");
    // Every message was still written (the record of what was sent), only not shown.
    expect((await sqlRow<{ n: number }>(db, "select count(*) n from outbox where to_address = ?", realCarer.email))!.n).toBe(2);
  });

  it("marks mail written outside demo mode as plain outbox mail, and the page is refused then", async () => {
    const scheme = await makeScheme();
    const trainer = viewerOf(await makePerson("trainer", scheme.id));
    await sendMail({ to: "someone@example.org", subject: "s", body: "b", kind: "reminder", schemeId: scheme.id, personId: null });
    expect((await sqlRow<{ transport: string }>(db, "select transport from outbox"))!.transport).toBe("outbox");
    await expect(outboxFor(trainer)).rejects.toThrow(NotAllowed);
  });

  it("keeps each scheme's demo mail to that scheme's trainers", async () => {
    demoMode(true);
    const a = await makeScheme();
    const b = await makeScheme();
    const trainerA = viewerOf(await makePerson("trainer", a.id));
    const trainerB = viewerOf(await makePerson("trainer", b.id));
    await invite(trainerB, { email: "b.person@example.org", role: "carer", schemeId: b.id });
    expect(await outboxFor(trainerA)).toEqual([]);
    expect(await outboxFor(trainerB)).toHaveLength(1);
  });
});

describe("starting in demo mode", () => {
  it("refuses DEMO_MODE with SMTP_URL, naming both", () => {
    for (const yes of ["true", "1", "yes"]) {
      const start = () => parseEnv({ DEMO_MODE: yes, SMTP_URL: "smtps://user:pass@smtp.example.org:465" });
      expect(start).toThrow(EnvError);
      expect(start).toThrow(/DEMO_MODE/);
      expect(start).toThrow(/SMTP_URL/);
    }
    expect(parseEnv({ DEMO_MODE: "true" }).demoMode).toBe(true);
    expect(parseEnv({ DEMO_MODE: "false", SMTP_URL: "smtp://mail.example.org" }).smtpUrl).toBe("smtp://mail.example.org");
  });

  it("has a loud warning to print", () => {
    expect(demoWarning()).toMatch(/DEMO MODE/);
    expect(demoWarning()).toMatch(/NOT FOR REAL PEOPLE/);
  });
});
