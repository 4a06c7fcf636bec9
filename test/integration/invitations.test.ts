import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { findPersonByEmail } from "@/db/queries/people";
import { listOutboxTo } from "@/db/queries/outbox";
import { checkPassword } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/hashing";
import { setTestNow } from "@/lib/clock";
import { acceptInvitation, inspectInvitation, invite } from "@/lib/invitations";
import { NotAllowed } from "@/lib/errors";
import { requireManagedPerson, requireScheme } from "@/lib/trainer/scope";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf, onPostgres, sqlRun } from "../helpers/db";

let db: Db;
let schemeId: number;
let trainer: ReturnType<typeof viewerOf>;

function tokenOf(link: string) {
  return link.split("/invite/")[1]!;
}

beforeEach(async () => {
  setTestNow("2026-11-23T10:00:00Z");
  db = await freshDatabase();
  schemeId = (await makeScheme()).id;
  trainer = viewerOf(await makePerson("trainer", schemeId));
});

describe("invitations", () => {
  it("a trainer invites; the email is queued; the person sets a password and can sign in", async () => {
    const result = await invite(trainer, { email: "New.Carer@Example.org", role: "carer", schemeId });
    expect(result.ok).toBe(true);
    const link = (result as { link: string }).link;
    expect((await listOutboxTo("new.carer@example.org"))[0]!.body).toContain(link);
    expect(await inspectInvitation(tokenOf(link))).toMatchObject({ ok: true, email: "new.carer@example.org", role: "carer" });
    expect(await acceptInvitation(tokenOf(link), "Nia Newcarer", "kettle garden lamp")).toEqual({ ok: true, email: "new.carer@example.org" });
    expect(await findPersonByEmail("new.carer@example.org")).toMatchObject({ name: "Nia Newcarer", role: "carer", schemeId });
    expect((await checkPassword("NEW.carer@example.org", "kettle garden lamp")).ok).toBe(true);
  });

  it("works once: a second use is refused and creates nobody", async () => {
    const { link } = (await invite(trainer, { email: "once@example.org", role: "staff", schemeId })) as { link: string };
    await acceptInvitation(tokenOf(link), "First Use", "kettle garden lamp");
    const before = await rowCounts(db);
    expect(await acceptInvitation(tokenOf(link), "Second Use", "another good password")).toMatchObject({ ok: false });
    expect(await inspectInvitation(tokenOf(link))).toEqual({ ok: false, reason: "used" });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("runs out after 14 days (valid on day 13, not at 14 days)", async () => {
    const { link } = (await invite(trainer, { email: "late@example.org", role: "carer", schemeId })) as { link: string };
    setTestNow("2026-12-06T09:59:59Z");
    expect((await inspectInvitation(tokenOf(link))).ok).toBe(true);
    setTestNow("2026-12-07T10:00:00Z");
    expect(await inspectInvitation(tokenOf(link))).toEqual({ ok: false, reason: "expired" });
    const before = await rowCounts(db);
    expect((await acceptInvitation(tokenOf(link), "Too Late", "kettle garden lamp")).ok).toBe(false);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("refuses a weak password without using up the invitation", async () => {
    const { link } = (await invite(trainer, { email: "weak@example.org", role: "carer", schemeId })) as { link: string };
    expect(await acceptInvitation(tokenOf(link), "Weak", "password1")).toMatchObject({ ok: false, field: "password" });
    expect((await inspectInvitation(tokenOf(link))).ok).toBe(true);
  });

  it("refuses malformed and unknown tokens", async () => {
    expect(await inspectInvitation("short")).toEqual({ ok: false, reason: "malformed" });
    expect(await inspectInvitation("x".repeat(43))).toEqual({ ok: false, reason: "unknown" });
    expect(await inspectInvitation(undefined)).toEqual({ ok: false, reason: "malformed" });
  });

  it("a trainer cannot invite into another scheme, nor a carer at all, and nothing is written", async () => {
    const other = (await makeScheme()).id;
    const carer = viewerOf(await makePerson("carer", schemeId));
    const before = await rowCounts(db);
    await expect(invite(trainer, { email: "x@example.org", role: "carer", schemeId: other })).rejects.toThrow(NotAllowed);
    await expect(invite(carer, { email: "y@example.org", role: "carer", schemeId })).rejects.toThrow(NotAllowed);
    await expect(invite(trainer, { email: "z@example.org", role: "admin", schemeId })).rejects.toThrow(NotAllowed);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("a trainer cannot reach another scheme, or its people", async () => {
    const other = (await makeScheme()).id;
    const outsider = await makePerson("carer", other);
    await expect(requireScheme(trainer, other)).rejects.toThrow(NotAllowed);
    await expect(requireManagedPerson(trainer, outsider.id)).rejects.toThrow(NotAllowed);
    expect((await requireScheme(trainer, schemeId)).id).toBe(schemeId);
    expect((await requireManagedPerson(trainer, (await makePerson("carer", schemeId)).id)).schemeId).toBe(schemeId);
  });
});

describe("password sign-in", () => {
  it("throttles: the 11th attempt within 5 minutes is refused even with the right password", async () => {
    await makePerson("carer", schemeId, { email: "guess@example.org", passwordHash: await hashPassword("the right password") });
    for (let i = 0; i < 10; i++) {
      setTestNow(new Date(Date.parse("2026-11-23T10:00:00Z") + i * 10_000));
      expect(await checkPassword("guess@example.org", `wrong ${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    setTestNow("2026-11-23T10:02:00Z");
    expect(await checkPassword("guess@example.org", "the right password")).toMatchObject({ ok: false, reason: "throttled" });
    setTestNow("2026-11-23T10:17:00Z");
    expect((await checkPassword("guess@example.org", "the right password")).ok).toBe(true);
  });

  it("does not sign in a deactivated person", async () => {
    const person = await makePerson("carer", schemeId, { email: "gone@example.org", passwordHash: await hashPassword("the right password") });
    await sqlRun(db, "update people set active = ? where id = ?", onPostgres ? false : 0, person.id);
    expect((await checkPassword("gone@example.org", "the right password")).ok).toBe(false);
  });
});
