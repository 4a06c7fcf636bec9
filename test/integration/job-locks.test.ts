// The daily job's lock: a row in job_locks, taken by one atomic upsert, so two processes (or two
// machines) never run reminders or anonymisation at once; a crashed holder's lock runs out.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { acquireJobLock, findJobLock, releaseJobLock } from "@/db/queries/shared-state";
import { setTestNow } from "@/lib/clock";
import { DEFAULT_LOCK_MS, JOBS, withJobLock } from "@/lib/jobs/lock";
import { freshDatabase } from "../helpers/db";

const root = join(__dirname, "..", "..");

beforeEach(async () => {
  await freshDatabase();
  setTestNow("2026-11-23T08:00:00Z");
});
afterEach(() => setTestNow(null));

describe("job_locks", () => {
  it("one holder at a time; the holder's release frees it; another's release does nothing", async () => {
    expect(await acquireJobLock("j", "first", 1000, 2000)).toBe(true);
    expect(await acquireJobLock("j", "second", 1500, 2500)).toBe(false);
    expect(await releaseJobLock("j", "second")).toBe(false);
    expect((await findJobLock("j"))?.holder).toBe("first");
    expect(await releaseJobLock("j", "first")).toBe(true);
    expect(await acquireJobLock("j", "second", 1500, 2500)).toBe(true);
  });

  it("a crashed holder's lock runs out at locked_until, not before", async () => {
    expect(await acquireJobLock("j", "crashed", 1000, 2000)).toBe(true);
    expect(await acquireJobLock("j", "next", 1999, 3000)).toBe(false);
    expect(await acquireJobLock("j", "next", 2000, 3000)).toBe(true);
    expect((await findJobLock("j"))?.holder).toBe("next");
  });
});

describe("withJobLock", () => {
  it("refuses a second run while the first holds the lock, without running it; runs again afterwards", async () => {
    let second: Awaited<ReturnType<typeof withJobLock>> | undefined;
    let secondRan = false;
    const first = await withJobLock(JOBS.reminders, async () => {
      second = await withJobLock(JOBS.reminders, () => {
        secondRan = true;
      });
      return "first done";
    });
    expect(first).toEqual({ ran: true, result: "first done" });
    expect(second).toMatchObject({ ran: false, lockedUntil: new Date(Date.parse("2026-11-23T08:00:00Z") + DEFAULT_LOCK_MS) });
    expect(secondRan).toBe(false);
    expect(await findJobLock(JOBS.reminders)).toBeUndefined();
    expect((await withJobLock(JOBS.reminders, () => 1)).ran).toBe(true);
  });

  it("releases the lock when the job throws", async () => {
    await expect(withJobLock(JOBS.anonymise, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await findJobLock(JOBS.anonymise)).toBeUndefined();
  });

  it("locks are per job: reminders and anonymisation may run side by side", async () => {
    const inner = await withJobLock(JOBS.reminders, async () => await withJobLock(JOBS.anonymise, () => "both"));
    expect(inner).toEqual({ ran: true, result: { ran: true, result: "both" } });
  });
});

describe("the scripts", () => {
  it("npm run reminders and npm run anonymise are refused cleanly while another run holds the lock", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "slt-lock-")), "t.db");
    const db = openDatabase(path);
    const far = Date.now() + 3_600_000;
    await acquireJobLock(JOBS.reminders, "other-machine:1:x", Date.now(), far, db.writer);
    await acquireJobLock(JOBS.anonymise, "other-machine:1:y", Date.now(), far, db.writer);
    const run = (script: string) =>
      promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", join(root, "scripts", script)], {
        cwd: root,
        env: { ...process.env, DATABASE_PATH: path },
      });
    const [reminders, anonymise] = await Promise.all([run("reminders.ts"), run("anonymise.ts")]);
    expect(reminders.stdout).toMatch(/^Not run: another reminders run \(other-machine:1:x\) is in progress/);
    expect(anonymise.stdout).toMatch(/^Not run: another anonymise run \(other-machine:1:y\) is in progress/);
    expect(db.client().prepare("select count(*) as n from outbox").get()).toEqual({ n: 0 });
    expect((await findJobLock(JOBS.reminders, db.read))?.holder).toBe("other-machine:1:x");
  }, 60_000);
});
