// The supported session's rules: who may support whom, what a supported session may use, when it
// ends by itself, and what a request finds when it reads one.
import { describe, expect, it } from "vitest";
import { type Viewer, canSupport, refusedInSupportedSession } from "@/lib/access";
import {
  ACTIVITY_WRITE_EVERY_MS,
  SUPPORTED_SESSION_IDLE_MINUTES,
  SUPPORTED_SESSION_IDLE_MS,
  activityWriteDue,
  decideSupportedSession,
  idleExpired,
  minutesBetween,
  supportedViewer,
} from "@/lib/support/rules";

const v = (role: Viewer["role"], personId: number, schemeId: number | null, extra: Partial<Viewer> = {}): Viewer => ({
  personId,
  role,
  schemeId,
  name: `${role} ${personId}`,
  email: `${personId}@x.example`,
  sessionId: "s",
  ...extra,
});
const carer = { id: 10, schemeId: 1, role: "carer" as const, active: true };

describe("who may support a carer (canSupport)", () => {
  it.each([
    ["a trainer of the carer's scheme", v("trainer", 1, 1), carer, true],
    ["a staff member (officer) of the carer's scheme", v("staff", 2, 1), carer, true],
    ["a trainer of another scheme", v("trainer", 3, 2), carer, false],
    ["a staff member of another scheme", v("staff", 4, 2), carer, false],
    ["an admin (in no scheme)", v("admin", 5, null), carer, false],
    ["another carer of the scheme", v("carer", 6, 1), carer, false],
    ["a trainer, for a deactivated carer", v("trainer", 1, 1), { ...carer, active: false }, false],
    ["a trainer, for a staff member", v("trainer", 1, 1), { ...carer, role: "staff" as const }, false],
    ["a trainer, for another trainer", v("trainer", 1, 1), { ...carer, role: "trainer" as const }, false],
    ["a carer, for themselves", v("carer", 10, 1), carer, false],
    ["a trainer in no scheme", v("trainer", 1, null), { ...carer, schemeId: null }, false],
    [
      "an officer already in a supported session",
      v("carer", 11, 1, { supportedBy: { officerId: 1, officerName: "O", supportedSessionId: 9 } }),
      carer,
      false,
    ],
  ])("%s: %s", (_label, officer, person, allowed) => {
    expect(canSupport(officer, person)).toBe(allowed);
  });
});

describe("what a supported session may use (refusedInSupportedSession)", () => {
  const supported = v("carer", 10, 1, { supportedBy: { officerId: 1, officerName: "O", supportedSessionId: 9 } });
  it("refuses by default, and allows only what says so", () => {
    expect(refusedInSupportedSession(supported)).toBe(true);
    expect(refusedInSupportedSession(supported, "refused")).toBe(true);
    expect(refusedInSupportedSession(supported, "allowed")).toBe(false);
  });
  it("never refuses anyone else", () => {
    for (const viewer of [null, v("carer", 10, 1), v("trainer", 1, 1), v("carer", 10, 1, { supportedBy: null })]) {
      expect(refusedInSupportedSession(viewer)).toBe(false);
    }
  });
});

describe("the idle time", () => {
  const start = new Date("2026-11-23T10:00:00Z");
  const after = (ms: number) => new Date(start.getTime() + ms);

  it("is 30 minutes", () => {
    expect(SUPPORTED_SESSION_IDLE_MINUTES).toBe(30);
    expect(SUPPORTED_SESSION_IDLE_MS).toBe(30 * 60_000);
  });

  it("ends a session at exactly 30 minutes without use, not a millisecond before", () => {
    expect(idleExpired(start, after(SUPPORTED_SESSION_IDLE_MS - 1))).toBe(false);
    expect(idleExpired(start, after(SUPPORTED_SESSION_IDLE_MS))).toBe(true);
    expect(idleExpired(start, after(-5_000))).toBe(false); // a clock a little behind
  });

  it("writes the last-active time at most once a minute", () => {
    expect(ACTIVITY_WRITE_EVERY_MS).toBe(60_000);
    expect(activityWriteDue(start, after(59_999))).toBe(false);
    expect(activityWriteDue(start, after(60_000))).toBe(true);
  });

  it("counts whole minutes for the audit entry", () => {
    expect(minutesBetween(start, after(89_000))).toBe(1);
    expect(minutesBetween(start, after(-1))).toBe(0);
  });
});

describe("what a request finds (decideSupportedSession)", () => {
  const officer = v("staff", 1, 1);
  const at = new Date("2026-11-23T10:00:00Z");
  const open = (lastActiveMsAgo: number, person = { ...carer, name: "Carol", email: "carol@x.example" }) => ({
    officer,
    supported: { id: 9, lastActiveAt: new Date(at.getTime() - lastActiveMsAgo), person },
  });

  it("nothing open: the officer", () => {
    expect(decideSupportedSession({ officer, supported: null }, at)).toEqual({ kind: "none" });
  });

  it("open and recently used: it stands, writing the time only once a minute", () => {
    expect(decideSupportedSession(open(10_000), at)).toEqual({ kind: "active", writeActivity: false });
    expect(decideSupportedSession(open(61_000), at)).toEqual({ kind: "active", writeActivity: true });
  });

  it("idle for the idle time: it ends as expired", () => {
    expect(decideSupportedSession(open(SUPPORTED_SESSION_IDLE_MS), at)).toEqual({ kind: "end", reason: "expired" });
  });

  it("no longer allowed (the carer deactivated or moved, the officer's role changed): it ends", () => {
    expect(decideSupportedSession(open(1_000, { ...carer, active: false, name: "C", email: "c@x" }), at)).toEqual({ kind: "end", reason: "not-allowed" });
    expect(decideSupportedSession(open(1_000, { ...carer, schemeId: 2, name: "C", email: "c@x" }), at)).toEqual({ kind: "end", reason: "not-allowed" });
    expect(decideSupportedSession({ ...open(1_000), officer: v("carer", 1, 1) }, at)).toEqual({ kind: "end", reason: "not-allowed" });
  });

  it("gives the carer as the viewer, with the officer named, on the officer's session", () => {
    const facts = open(1_000);
    expect(supportedViewer(facts)).toEqual({
      personId: 10,
      name: "Carol",
      email: "carol@x.example",
      role: "carer",
      schemeId: 1,
      sessionId: "s",
      supportedBy: { officerId: 1, officerName: "staff 1", supportedSessionId: 9 },
    });
  });
});
