// The daily job runs both steps (reminders, then anonymisation), reports each step's outcome, and
// the command exits non-zero when a step failed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { writeTransaction } from "@/db/client";
import { listOutboxTo } from "@/db/queries/outbox";
import { findPersonById } from "@/db/queries/people";
import { setTestNow } from "@/lib/clock";
import { runDailyJobs } from "@/lib/daily-jobs";
import { setActive } from "@/lib/people";
import { completeModule } from "@/lib/training/complete";
import { freshDatabase, makePerson, makeScheme, viewerOf } from "../helpers/db";

const titles = new Map([
  ["golden-rules", "Golden rules"],
  ["confidentiality", "Confidentiality"],
  ["triangle-of-care", "Triangle of care"],
]);

beforeEach(async () => {
  await freshDatabase();
});

async function trainedOn(day: string, schemeId: number, trainerId: number, name: string) {
  setTestNow(`${day}T09:00:00Z`);
  const person = await makePerson("carer", schemeId, { name });
  for (const slug of titles.keys())
    await writeTransaction(async (tx) =>
      await completeModule(tx, { personId: person.id, moduleSlug: slug, cycle: 1, completedOn: day, assisted: { by: "Officer", evidence: "Workbook", recordedBy: trainerId }, actorId: trainerId }, titles),
    );
  return person;
}

describe("the daily job", () => {
  it("sends the reminders due today and anonymises people who left long ago, in one run", async () => {
    const scheme = await makeScheme();
    const trainer = await makePerson("trainer", scheme.id);
    const leaver = await trainedOn("2018-01-10", scheme.id, trainer.id, "Olive Old");
    await setActive(viewerOf(trainer), leaver.id, false); // left in 2018: past the six-year retention by 2025
    const carer = await trainedOn("2025-01-10", scheme.id, trainer.id, "Rita Renew"); // expires 2026-01-10

    setTestNow("2025-12-11T09:00:00Z"); // 30 days before the carer's expiry
    const results = await runDailyJobs();

    expect(results.map((r) => [r.step, r.ok])).toEqual([
      ["reminders", true],
      ["anonymisation", true],
      ["supported sessions", true],
    ]);
    expect((await listOutboxTo(carer.email)).map((m) => m.kind)).toContain("reminder-30-days");
    expect((await findPersonById(leaver.id))?.name).not.toBe("Olive Old");
    expect((await findPersonById(carer.id))?.name).toBe("Rita Renew");
  });

  it("runs every step even when one fails, and reports which failed", async () => {
    const ran: string[] = [];
    const results = await runDailyJobs([
      { step: "first", run: () => { throw new Error("mail server down"); } },
      { step: "second", run: () => { ran.push("second"); return "done"; } },
    ]);
    expect(ran).toEqual(["second"]);
    expect(results).toMatchObject([
      { step: "first", ok: false, error: new Error("mail server down") },
      { step: "second", ok: true, summary: "done" },
    ]);
  });
});

describe("npm run daily", () => {
  const run = (databasePath: string) =>
    spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/daily.ts"], {
      cwd: join(__dirname, "..", ".."),
      env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_PATH: databasePath, AUTH_SECRET: "x".repeat(40) },
      encoding: "utf8",
      timeout: 50_000, // spawnSync blocks Vitest's own timeout, so it needs its own
    });

  it("reports both steps and exits 0 when both succeed", () => {
    const dir = mkdtempSync(join(tmpdir(), "daily-"));
    try {
      const result = run(join(dir, "daily.db"));
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(/^reminders: sent 0 reminders and 0 trainer digests\.\nanonymisation: anonymised 0 people.*\nsupported sessions: ended 0 supported sessions left idle\./);
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("exits non-zero, naming each failed step, when the database cannot be opened", () => {
    const dir = mkdtempSync(join(tmpdir(), "daily-"));
    try {
      writeFileSync(join(dir, "a-file"), "");
      const result = run(join(dir, "a-file", "daily.db")); // its "folder" is a file: opening fails
      expect(result.stderr).toContain("reminders: FAILED");
      expect(result.stderr).toContain("anonymisation: FAILED");
      expect(result.stderr).toContain("supported sessions: FAILED");
      expect(result.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
