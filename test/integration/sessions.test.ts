// Server-side sessions: the row behind every signed-in request (lib/auth/sessions.ts). Found while
// live; not once it has expired, been ended, or its person was deactivated. On PostgreSQL the
// prepared lookup once passed its time as integer ms to a timestamptz, and every signed-in page failed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setPersonActive } from "@/db/queries/people";
import { endSession, liveSession, SESSION_HOURS, startSession } from "@/lib/auth/sessions";
import { setTestNow } from "@/lib/clock";
import { freshDatabase, makePerson, makeScheme } from "../helpers/db";

let person: Awaited<ReturnType<typeof makePerson>>;
beforeEach(async () => {
  await freshDatabase();
  setTestNow("2027-03-01T10:00:00Z");
  person = await makePerson("carer", (await makeScheme()).id);
});
afterEach(() => setTestNow(null));

describe("sessions", () => {
  it("finds a live session with its person", async () => {
    const id = await startSession(person.id);
    expect(await liveSession(id)).toEqual({ sessionId: id, personId: person.id, name: person.name, email: person.email, role: "carer", schemeId: person.schemeId });
    expect(await liveSession("no-such-session")).toBeUndefined();
  });

  it("ends when it expires, to the millisecond", async () => {
    const id = await startSession(person.id);
    const expires = new Date("2027-03-01T10:00:00Z").getTime() + SESSION_HOURS * 3600_000;
    setTestNow(new Date(expires - 1));
    expect(await liveSession(id)).toBeDefined();
    setTestNow(new Date(expires));
    expect(await liveSession(id)).toBeUndefined();
  });

  it("ends when signed out, or when the person is deactivated", async () => {
    const signedOut = await startSession(person.id);
    await endSession(signedOut);
    expect(await liveSession(signedOut)).toBeUndefined();

    const other = await startSession(person.id);
    await setPersonActive(person.id, false, new Date());
    expect(await liveSession(other)).toBeUndefined();
  });
});
