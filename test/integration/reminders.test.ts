import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { listOutboxTo } from "@/db/queries/outbox";
import { remindersOfPerson } from "@/db/queries/reminders";
import { setTestNow } from "@/lib/clock";
import { course } from "@/lib/content/course";
import { resetEnvCache } from "@/lib/env";
import { answerScenario, startOrResumeAttempt, submitAttempt } from "@/lib/quiz/service";
import { scenariosOf } from "@/lib/content/scenarios";
import type { ModuleSlug } from "@/lib/content/schemas";
import { runReminders } from "@/lib/reminders/run";
import { freshDatabase, makePerson, makeScheme, viewerOf } from "../helpers/db";

let carer: ReturnType<typeof viewerOf>;
let trainer: ReturnType<typeof viewerOf>;

async function completeCourse(viewer: ReturnType<typeof viewerOf>) {
  for (const slug of course.modules as ModuleSlug[]) {
    const attempt = await startOrResumeAttempt(viewer, slug);
    for (const id of attempt.scenarioIds) await answerScenario(viewer, attempt.id, id, scenariosOf(slug).get(id)!.options.find((o) => o.best)!.id);
    await submitAttempt(viewer, slug, attempt.id);
  }
}

beforeEach(async () => {
  delete process.env.SMTP_URL;
  resetEnvCache();
  setTestNow("2026-01-10T09:00:00Z");
  await freshDatabase();
  const scheme = await makeScheme();
  carer = viewerOf(await makePerson("carer", scheme.id, { name: "Rita Reminder" }));
  trainer = viewerOf(await makePerson("trainer", scheme.id));
  await completeCourse(carer); // certificate expires 2027-01-10
});

afterEach(() => {
  delete process.env.SMTP_URL;
  resetEnvCache();
});

describe("reminders without SMTP go to the outbox", () => {
  it("sends each stage once, on the right days, with a digest to the trainer", async () => {
    const stagesOn = async (day: string) => {
      setTestNow(`${day}T09:00:00Z`);
      return (await runReminders()).reminders.map((r) => r.stage);
    };
    expect(await stagesOn("2026-12-10")).toEqual([]); // 31 days before
    expect(await stagesOn("2026-12-11")).toEqual(["30-days"]);
    expect(await stagesOn("2026-12-11")).toEqual([]); // same day again: nothing twice
    expect(await stagesOn("2026-12-20")).toEqual([]);
    expect(await stagesOn("2027-01-03")).toEqual(["7-days"]);
    expect(await stagesOn("2027-01-10")).toEqual(["due"]);
    expect(await stagesOn("2027-01-11")).toEqual(["overdue"]);
    expect(await stagesOn("2027-02-11")).toEqual([]);
    expect((await remindersOfPerson(carer.personId)).map((r) => r.stage).sort()).toEqual(["30-days", "7-days", "due", "overdue"]);
    const mails = await listOutboxTo(carer.email);
    expect(mails.map((m) => m.subject)).toContain("Your Shared Lives training refresher is overdue");
    expect(mails.every((m) => m.transport === "outbox")).toBe(true);
    const digests = (await listOutboxTo(trainer.email)).filter((m) => m.kind === "trainer-digest");
    expect(digests).toHaveLength(4);
    expect(digests[0]!.body).toContain("Rita Reminder");
  });

  it("sends nothing to someone who has already renewed", async () => {
    setTestNow("2026-12-01T09:00:00Z");
    await completeCourse(carer); // refresher inside the window supersedes the old certificate
    setTestNow("2026-12-20T09:00:00Z");
    expect((await runReminders()).reminders).toEqual([]);
    setTestNow("2027-01-11T09:00:00Z");
    expect((await runReminders()).reminders).toEqual([]);
  });
});

describe("reminders through a real SMTP server on loopback", () => {
  const received: { to: string; data: string }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (chunk) => (data += chunk));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("delivers the reminder by SMTP and records it as sent", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnvCache();
    setTestNow("2026-12-11T09:00:00Z");
    const run = await runReminders();
    expect(run.reminders).toEqual([{ personId: carer.personId, stage: "30-days" }]);
    const toCarer = received.find((m) => m.to === carer.email);
    expect(toCarer?.data).toContain("Subject: Your Shared Lives training refresher is due in 30 days");
    expect(received.some((m) => m.to === trainer.email)).toBe(true);
    const [stored] = await listOutboxTo(carer.email);
    expect(stored).toMatchObject({ transport: "smtp" });
    expect(stored!.sentAt).not.toBeNull();
  });
});
