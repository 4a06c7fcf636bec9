// Server-side sessions, on the engine under test: every signed-in request reads the session row
// (findLiveSession, a statement prepared once per connection on SQLite), so signing out,
// expiry and deactivation take effect at once, on every app instance. On PostgreSQL the time
// compared with expires_at must go to the driver as a Date (placeholders skip the column's own
// conversion): with milliseconds, as on SQLite, every signed-in page was a 500.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertSession } from "@/db/queries/auth";
import { setPersonActive } from "@/db/queries/people";
import { endSession, liveSession, SESSION_HOURS, startSession } from "@/lib/auth/sessions";
import { setTestNow } from "@/lib/clock";
import { freshDatabase, makePerson, makeScheme } from "../helpers/db";

const START = new Date("2026-11-23T08:00:00Z");

beforeEach(async () => {
  await freshDatabase();
  setTestNow(START);
});
afterEach(() => setTestNow(null));

async function carer() {
  const scheme = await makeScheme();
  return await makePerson("carer", scheme.id, { name: "Ada Carer" });
}

describe("sessions", () => {
  it("a new session is live, with its person", async () => {
    const person = await carer();
    const id = await startSession(person.id);
    expect(await liveSession(id)).toMatchObject({ sessionId: id, personId: person.id, name: "Ada Carer", role: "carer", schemeId: person.schemeId });
  });

  it("is live until the millisecond it expires, and not from then on", async () => {
    const person = await carer();
    const id = await startSession(person.id);
    const expires = START.getTime() + SESSION_HOURS * 3600_000;
    setTestNow(new Date(expires - 1));
    expect(await liveSession(id)).toBeDefined();
    setTestNow(new Date(expires));
    expect(await liveSession(id)).toBeUndefined();
  });

  it("ends when signed out", async () => {
    const person = await carer();
    const id = await startSession(person.id);
    await endSession(id);
    expect(await liveSession(id)).toBeUndefined();
  });

  it("ends when the person is deactivated, and an unknown id is no session", async () => {
    const person = await carer();
    await insertSession({ id: "s1", personId: person.id, createdAt: START, expiresAt: new Date(START.getTime() + 3600_000) });
    expect(await liveSession("s1")).toBeDefined();
    await setPersonActive(person.id, false, START);
    expect(await liveSession("s1")).toBeUndefined();
    expect(await liveSession("no-such-session")).toBeUndefined();
  });
});
