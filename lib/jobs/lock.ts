// Jobs that must never run twice at once (the daily reminders and anonymisation), whichever
// process or machine starts them: each takes a lock row in the database (job_locks) for the length
// of its run. A second run while the first holds it is refused, cleanly, without doing anything.
// A holder that crashes blocks others only until its lock's time runs out.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { acquireJobLock, findJobLock, releaseJobLock } from "@/db/queries/shared-state";
import { now } from "../clock";

/** The lock names. scripts/daily.ts takes the same ones, one job at a time. */
export const JOBS = { reminders: "reminders", anonymise: "anonymise" } as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Longest a run may hold its lock; past it, a run that crashed no longer blocks the next. */
export const DEFAULT_LOCK_MS = 30 * 60_000;

export type Locked<T> = { ran: true; result: T } | { ran: false; heldBy: string; lockedUntil: Date };

/** Runs `job` holding the lock `name`; refuses (ran: false) while another run holds it. */
export async function withJobLock<T>(name: JobName, job: () => Promise<T> | T, opts: { lockMs?: number } = {}): Promise<Locked<T>> {
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
  const at = now().getTime();
  if (!(await acquireJobLock(name, holder, at, at + (opts.lockMs ?? DEFAULT_LOCK_MS)))) {
    const held = await findJobLock(name);
    return { ran: false, heldBy: held?.holder ?? "another run", lockedUntil: new Date(held?.lockedUntil ?? at) };
  }
  try {
    return { ran: true, result: await job() };
  } finally {
    await releaseJobLock(name, holder);
  }
}

/** The line a script prints when it was refused. */
export function refusedMessage(name: JobName, refused: { heldBy: string; lockedUntil: Date }): string {
  return `Not run: another ${name} run (${refused.heldBy}) is in progress; its lock lasts until ${refused.lockedUntil.toISOString()} at the latest. Nothing was done.`;
}
