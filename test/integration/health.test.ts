// GET /health for load balancers: 200 while the database answers, 503 when it does not; no data,
// no session. Runs on both engines (TEST_ENGINE).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import * as healthQueries from "@/db/queries/health";
import { databaseHealth } from "@/lib/health";
import { GET } from "@/app/health/route";
import { freshDatabase } from "../helpers/db";

// The check must not look for a session (that needs the database it is checking).
vi.mock("@/lib/auth/viewer", () => ({
  getViewer: async () => {
    throw new Error("the health check loaded a viewer");
  },
}));

let db: Db;
beforeEach(async () => {
  db = await freshDatabase();
});
afterEach(() => vi.restoreAllMocks());

describe("the health check", () => {
  it("says ok with 200 while the database answers, without a session or any data", async () => {
    expect(await databaseHealth()).toMatchObject({ ok: true });
    const response = await GET(new Request("http://localhost/health"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("ok\n");
  });

  it("says 503 when the database is gone", async () => {
    await db.close();
    expect(await databaseHealth()).toEqual({ ok: false, reason: "error" });
    const response = await GET(new Request("http://localhost/health"));
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("database unavailable\n");
  });

  it("says 503 when the database does not answer in time, rather than hanging", async () => {
    vi.spyOn(healthQueries, "pingDatabase").mockReturnValue(new Promise(() => {}));
    expect(await databaseHealth(50)).toEqual({ ok: false, reason: "timeout" });
  });
});
