// The two wrappers every server action and route handler goes through: who may call, what input
// is refused and how, and what NotAllowed and ShownError become.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Viewer } from "@/lib/access";
import { NotAllowed, ShownError } from "@/lib/errors";

const h = vi.hoisted(() => {
  class Redirect extends Error {}
  return { current: null as Viewer | null, Redirect };
});
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new h.Redirect(url);
  },
}));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => h.current }));

const { NUL_MESSAGE, safeAction, safeFormAction } = await import("@/lib/actions/safe-action");
const { routeHandler, idText } = await import("@/lib/actions/route-handler");

const carer: Viewer = { personId: 1, name: "Cara", email: "cara@example.org", role: "carer", schemeId: 1, sessionId: "s" };
const trainer: Viewer = { ...carer, personId: 2, role: "trainer" };

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

async function redirectOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof h.Redirect) return error.message;
    throw error;
  }
  throw new Error("expected a redirect");
}

const schema = z.object({ name: z.string().min(1, "Enter a name"), password: z.string().optional() });

beforeEach(() => {
  h.current = null;
});

describe("safeAction", () => {
  it("refuses a role it was not given with the no-access page, without running the action", async () => {
    const handler = vi.fn(() => ({ success: "done" }));
    const action = safeAction({ access: ["trainer", "admin"], schema }, handler);
    h.current = carer;
    expect(await redirectOf(() => action({}, form({ name: "x" })))).toBe("/no-access");
    expect(handler).not.toHaveBeenCalled();
    h.current = trainer;
    expect(await action({}, form({ name: "x" }))).toEqual({ success: "done" });
  });

  it("sends a signed-out visitor to sign in, coming back to the page", async () => {
    const action = safeAction({ access: "signed-in", schema, returnTo: () => "/modules/x/quiz" }, () => ({}));
    expect(await redirectOf(() => action({}, form({ name: "x" })))).toBe("/sign-in?next=%2Fmodules%2Fx%2Fquiz");
  });

  it("answers bad input with a message beside the field and the values back, never the password", async () => {
    const handler = vi.fn(() => ({}));
    const action = safeAction({ access: "signed-in", schema }, handler);
    h.current = carer;
    const state = await action({}, form({ name: "", password: "secret", other: "kept" }));
    expect(state.errors).toEqual([{ field: "name", message: "Enter a name" }]);
    expect(state.values).toEqual({ name: "", other: "kept" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a NUL character in any field beside that field, before the schema (PostgreSQL cannot store it)", async () => {
    const handler = vi.fn(() => ({}));
    const action = safeAction({ access: "signed-in", schema }, handler);
    h.current = carer;
    const state = await action({}, form({ name: "Ada", other: "a\u0000b" }));
    expect(state.errors).toEqual([{ field: "other", message: NUL_MESSAGE }]);
    expect(handler).not.toHaveBeenCalled();
    const plainHandler = vi.fn(async () => {});
    const plain = safeFormAction({ access: "signed-in", schema }, plainHandler);
    expect(await redirectOf(() => plain(form({ name: "A\u0000" })))).toBe("/no-access");
    expect(plainHandler).not.toHaveBeenCalled();
  });

  it("turns NotAllowed into the no-access page, or the answer the action chose", async () => {
    h.current = trainer;
    const refused = safeAction({ access: ["trainer"], schema }, () => {
      throw new NotAllowed();
    });
    expect(await redirectOf(() => refused({}, form({ name: "x" })))).toBe("/no-access");
    const chosen = safeAction({ access: ["trainer"], schema, notAllowed: () => ({ message: "Choose a scheme" }) }, () => {
      throw new NotAllowed();
    });
    expect(await chosen({}, form({ name: "x" }))).toEqual({ message: "Choose a scheme" });
  });

  it("shows a ShownError as the form's message, beside its field when it names one", async () => {
    h.current = carer;
    const general = safeAction({ access: "signed-in", schema }, () => {
      throw new ShownError("This quiz has already been submitted.");
    });
    expect((await general({}, form({ name: "x" }))).message).toBe("This quiz has already been submitted.");
    const onField = safeAction({ access: "signed-in", schema }, () => {
      throw new ShownError("Choose one of the answers shown.", "option");
    });
    expect((await onField({}, form({ name: "x" }))).errors).toEqual([{ field: "option", message: "Choose one of the answers shown." }]);
  });

  it("lets redirect() and other errors through (a redirect inside the action still happens)", async () => {
    h.current = carer;
    const redirecting = safeAction({ access: "signed-in", schema }, () => {
      throw new h.Redirect("/next-page");
    });
    expect(await redirectOf(() => redirecting({}, form({ name: "x" })))).toBe("/next-page");
    const broken = safeAction({ access: "signed-in", schema }, () => {
      throw new TypeError("bug");
    });
    await expect(broken({}, form({ name: "x" }))).rejects.toThrow(TypeError);
  });

  it("public mode runs for signed-out visitors but still parses the input", async () => {
    const handler = vi.fn((_input: unknown, { viewer }: { viewer: Viewer | null }) => ({ success: viewer ? "in" : "out" }));
    const action = safeAction({ access: "public", schema }, handler);
    expect(await action({}, form({ name: "x" }))).toEqual({ success: "out" });
    expect((await action({}, form({}))).errors?.[0]?.field).toBe("name");
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe("safeFormAction (plain forms)", () => {
  it("refuses a tampered form, and NotAllowed, with the no-access page", async () => {
    h.current = trainer;
    const handler = vi.fn();
    const action = safeFormAction({ access: ["trainer"], schema: z.object({ personId: idText }) }, handler);
    expect(await redirectOf(() => action(form({ personId: "1 or 1=1" })))).toBe("/no-access");
    expect(handler).not.toHaveBeenCalled();
    const refusing = safeFormAction({ access: ["trainer"], schema: z.object({}) }, () => {
      throw new NotAllowed();
    });
    expect(await redirectOf(() => refusing(form({})))).toBe("/no-access");
  });
});

describe("routeHandler", () => {
  const get = (path: string, init?: RequestInit) => new Request(`http://localhost${path}`, init);
  const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
  const ok = routeHandler({ access: ["trainer"], params: z.object({ id: idText }), forbidden: "Not yours." }, ({ params: p }) => new Response(`id ${p.id}`));

  it("sends a signed-out visitor to sign in with 303", async () => {
    const response = await ok(get("/things/5"), params({ id: "5" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/sign-in?next=%2Fthings%2F5");
  });

  it("refuses a role it was not given, and NotAllowed, with 403 and its words", async () => {
    h.current = carer;
    const refused = await ok(get("/things/5"), params({ id: "5" }));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("Not yours.");
    h.current = trainer;
    const notAllowed = routeHandler({ access: ["trainer"], forbidden: "Not yours." }, () => {
      throw new NotAllowed();
    });
    const response = await notAllowed(get("/x"));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("Not yours.");
  });

  it("answers a malformed route parameter with 404 and parses good ones", async () => {
    h.current = trainer;
    for (const id of ["abc", "0", "01", "1.5", "1e3", "constructor"]) expect((await ok(get(`/things/${id}`), params({ id }))).status, id).toBe(404);
    expect(await (await ok(get("/things/5"), params({ id: "5" }))).text()).toBe("id 5");
  });

  it("refuses a POST from another site with 403 before anything else", async () => {
    h.current = trainer;
    const handler = vi.fn(() => new Response("done"));
    const post = routeHandler({ access: "signed-in" }, handler);
    const response = await post(get("/x", { method: "POST", headers: { origin: "https://evil.example", host: "localhost" } }));
    expect(response.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
    expect((await post(get("/x", { method: "POST", headers: { origin: "http://localhost", host: "localhost" } }))).status).toBe(200);
  });

  it("answers a ShownError with its status and message", async () => {
    h.current = trainer;
    const shown = routeHandler({ access: "signed-in" }, () => {
      throw new ShownError("We could not find that quiz.", undefined, 404);
    });
    const response = await shown(get("/x"));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("We could not find that quiz.");
  });
});

describe("in a supported session (an officer's browser acting as a carer)", () => {
  const supported: Viewer = { ...carer, supportedBy: { officerId: 2, officerName: "Olu", supportedSessionId: 5 } };

  it("every action is refused unless it says it is allowed, public ones too, without running", async () => {
    const handler = vi.fn(() => ({ success: "done" }));
    h.current = supported;
    for (const access of ["signed-in", "public", ["carer"]] as const) {
      expect(await redirectOf(() => safeAction({ access, schema }, handler)({}, form({ name: "x" })))).toBe("/no-access?why=supported-session");
      expect(await redirectOf(() => safeFormAction({ access, schema }, () => void handler())(form({ name: "x" })))).toBe("/no-access?why=supported-session");
    }
    expect(handler).not.toHaveBeenCalled();
    expect(await safeAction({ access: "signed-in", supportedSession: "allowed", schema }, handler)({}, form({ name: "x" }))).toEqual({ success: "done" });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("an allowed action still checks roles", async () => {
    h.current = supported;
    expect(await redirectOf(() => safeAction({ access: ["trainer"], supportedSession: "allowed", schema }, () => ({}))({}, form({ name: "x" })))).toBe("/no-access");
  });

  it("every route handler answers 403 saying why, unless it says it is allowed", async () => {
    h.current = supported;
    const handler = vi.fn(() => new Response("ok"));
    for (const access of ["signed-in", "public"] as const) {
      const response = await routeHandler({ access }, handler)(new Request("http://localhost/x"));
      expect(response.status).toBe(403);
      expect(await response.text()).toMatch(/not part of a supported session/);
    }
    expect(handler).not.toHaveBeenCalled();
    expect((await routeHandler({ access: "signed-in", supportedSession: "allowed" }, handler)(new Request("http://localhost/x"))).status).toBe(200);
  });

  it("nothing changes for anyone not in a supported session", async () => {
    h.current = carer;
    expect(await safeAction({ access: "signed-in", schema }, () => ({ success: "yes" }))({}, form({ name: "x" }))).toEqual({ success: "yes" });
    expect((await routeHandler({ access: "signed-in" }, () => new Response("ok"))(new Request("http://localhost/x"))).status).toBe(200);
  });
});
