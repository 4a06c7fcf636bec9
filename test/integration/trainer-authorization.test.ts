// Who may use the trainer pages, as a matrix: every role against every trainer page, export and
// action, called the way a browser would reach them (pages rendered, server actions and route
// handlers called directly with form data and ids of the scheme's records). A refusal must be the
// 403 page (or a 403 response) and must change nothing.
import { renderToString } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { insertIntake } from "@/db/queries/intakes";
import { findPersonById, setPersonActive } from "@/db/queries/people";
import { findSchemeDetails } from "@/db/queries/scheme-details";
import type { Viewer } from "@/lib/access";
import { setTestNow } from "@/lib/clock";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf, sqlRow } from "../helpers/db";

const h = vi.hoisted(() => {
  class Forbidden extends Error {}
  class Redirect extends Error {}
  class NotFound extends Error {}
  return { current: null as Viewer | null, Forbidden, Redirect, NotFound };
});

vi.mock("next/navigation", () => ({
  forbidden: () => {
    throw new h.Forbidden("403");
  },
  redirect: (url: string) => {
    throw new h.Redirect(url);
  },
  notFound: () => {
    throw new h.NotFound("404");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/viewer", () => ({
  getViewer: async () => h.current,
  requireViewer: async () => {
    if (!h.current) throw new h.Redirect("/sign-in");
    return h.current;
  },
  requireRole: async (roles: string[]) => {
    if (!h.current) throw new h.Redirect("/sign-in");
    if (!roles.includes(h.current.role)) throw new h.Redirect("/no-access");
    return h.current;
  },
}));

const actions = await import("@/app/(site)/trainer/actions");
const exportRoute = await import("@/app/(site)/trainer/matrix/export/route");
const personDataRoute = await import("@/app/(site)/trainer/people/[personId]/data/route");
const myDataRoute = await import("@/app/(site)/my/data/route");
const pages = {
  overview: (await import("@/app/(site)/trainer/page")).default,
  matrix: (await import("@/app/(site)/trainer/matrix/page")).default,
  intakes: (await import("@/app/(site)/trainer/intakes/page")).default,
  intake: (await import("@/app/(site)/trainer/intakes/[intakeId]/page")).default,
  person: (await import("@/app/(site)/trainer/people/[personId]/page")).default,
  assisted: (await import("@/app/(site)/trainer/people/[personId]/assisted/page")).default,
  analytics: (await import("@/app/(site)/trainer/analytics/page")).default,
  audit: (await import("@/app/(site)/trainer/audit/page")).default,
  leavers: (await import("@/app/(site)/trainer/leavers/page")).default,
  schemeDetails: (await import("@/app/(site)/trainer/scheme-details/page")).default,
};

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  const schemeA = await makeScheme("Scheme A");
  const schemeB = await makeScheme("Scheme B");
  const intakeA = await insertIntake({ schemeId: schemeA.id, name: "A intake", startDate: "2026-09-01", createdBy: null });
  const carolA = await makePerson("carer", schemeA.id, { name: "Carol Secret-Carer" });
  const leaverA = await makePerson("carer", schemeA.id, { name: "Lee Leaver" });
  await setPersonActive(leaverA.id, false, new Date("2015-01-01"));
  const roles = {
    carer: viewerOf(await makePerson("carer", schemeA.id)),
    staff: viewerOf(await makePerson("staff", schemeA.id)),
    "trainer of another scheme": viewerOf(await makePerson("trainer", schemeB.id)),
    trainer: viewerOf(await makePerson("trainer", schemeA.id)),
    admin: viewerOf(await makePerson("admin", null)),
  };
  return { schemeA, schemeB, intakeA, carolA, leaverA, roles };
}

type RoleName = keyof Awaited<ReturnType<typeof makeWorld>>["roles"];
const ALLOWED: RoleName[] = ["trainer", "admin"];
const REFUSED: RoleName[] = ["carer", "staff", "trainer of another scheme"];
const ALL: RoleName[] = [...REFUSED, ...ALLOWED];

beforeEach(async () => {
  setTestNow("2026-11-23T10:00:00Z");
  db = await freshDatabase();
  world = await makeWorld();
  h.current = null;
});

function as(role: RoleName) {
  h.current = world.roles[role];
}

/** Query values a page is given: admins (and the other scheme's trainer, trying) name scheme A. */
function schemeParam(role: RoleName): Record<string, string> {
  return role === "trainer" ? {} : { scheme: String(world.schemeA.id) };
}

async function outcome(fn: () => Promise<unknown>): Promise<"ok" | "403" | "redirect" | "404"> {
  try {
    await fn();
    return "ok";
  } catch (error) {
    if (error instanceof h.Forbidden) return "403";
    // lib/http-status.ts: pages and actions send people to /no-access (served as a 403) or /page-not-found.
    if (error instanceof h.Redirect && error.message === "/no-access") return "403";
    if (error instanceof h.Redirect && error.message === "/page-not-found") return "404";
    if (error instanceof h.Redirect) return "redirect";
    if (error instanceof h.NotFound) return "404";
    throw error;
  }
}

const pageCalls: Record<string, (role: RoleName) => Promise<string>> = {
  "/trainer": async (role) => renderToString(await pages.overview({ searchParams: Promise.resolve(schemeParam(role)) })),
  "/trainer/matrix": async (role) => renderToString(await pages.matrix({ searchParams: Promise.resolve(schemeParam(role)) })),
  "/trainer/intakes": async (role) => renderToString(await pages.intakes({ searchParams: Promise.resolve(schemeParam(role)) })),
  "/trainer/intakes/[A intake]": async () => renderToString(await pages.intake({ params: Promise.resolve({ intakeId: String(world.intakeA.id) }) })),
  "/trainer/people/[A carer]": async () =>
    renderToString(await pages.person({ params: Promise.resolve({ personId: String(world.carolA.id) }), searchParams: Promise.resolve({}) })),
  "/trainer/people/[A carer]/assisted": async () => renderToString(await pages.assisted({ params: Promise.resolve({ personId: String(world.carolA.id) }) })),
  "/trainer/analytics": async (role) => renderToString(await pages.analytics({ searchParams: Promise.resolve(schemeParam(role)) })),
  "/trainer/audit": async (role) => renderToString(await pages.audit({ searchParams: Promise.resolve(schemeParam(role)) })),
  "/trainer/leavers": async (role) => renderToString(await pages.leavers({ searchParams: Promise.resolve(schemeParam(role)) })),
  "/trainer/scheme-details": async (role) => renderToString(await pages.schemeDetails({ searchParams: Promise.resolve(schemeParam(role)) })),
};

describe("trainer pages", () => {
  for (const [path, render] of Object.entries(pageCalls)) {
    it.each(ALL)(`${path} as %s`, async (role) => {
      as(role);
      let html = "";
      const result = await outcome(async () => {
        html = await render(role);
      });
      if (ALLOWED.includes(role)) {
        expect(result).toBe("ok");
        expect(html).toContain("Scheme A");
      } else {
        expect(result).toBe("403");
        expect(html).not.toContain("Carol Secret-Carer");
      }
    });
  }

  it("a trainer naming another scheme, or an unknown or malformed one, gets the 403 page", async () => {
    as("trainer");
    for (const scheme of [String(world.schemeB.id), "99999", "1 or 1=1", "-1"]) {
      expect(await outcome(() => pages.matrix({ searchParams: Promise.resolve({ scheme }) }))).toBe("403");
    }
    as("admin");
    expect(await outcome(() => pages.matrix({ searchParams: Promise.resolve({ scheme: "99999" }) }))).toBe("403");
  });

  it("an admin with no scheme chosen is shown the schemes to pick from", async () => {
    as("admin");
    const html = renderToString(await pages.matrix({ searchParams: Promise.resolve({}) }));
    expect(html).toContain("Choose a scheme");
    expect(html).toContain(`/trainer/matrix?scheme=${world.schemeA.id}`);
    expect(html).not.toContain("Carol Secret-Carer");
  });

  it("signed-out visitors are sent to sign in", async () => {
    expect(await outcome(() => pages.matrix({ searchParams: Promise.resolve({}) }))).toBe("redirect");
  });

  it("the matrix shows the scheme's people to its trainer", async () => {
    as("trainer");
    const html = renderToString(await pages.matrix({ searchParams: Promise.resolve({}) }));
    expect(html).toContain("Carol Secret-Carer");
    expect(html).toContain("Not started");
  });
});

function form(values: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

/** Each action with form data naming scheme A's records, and how to tell it did its work. */
const actionCalls: Record<string, { call: (role: RoleName) => Promise<unknown>; changed: () => boolean | Promise<boolean> }> = {
  "invite a person": {
    call: (role) => actions.invitePersonAction({}, form({ email: `new-${role.replace(/ /g, "")}@example.org`, role: "carer", schemeId: String(world.schemeA.id) })),
    changed: async () => (await sqlRow<{ n: number }>(db, "select count(*) n from invitations"))!.n > 0,
  },
  "deactivate a person": {
    call: () => actions.setActiveAction({}, form({ personId: String(world.carolA.id), active: "false" })),
    changed: async () => !(await findPersonById(world.carolA.id))!.active,
  },
  "create an intake": {
    call: () => actions.createIntakeAction({}, form({ name: "New intake", startDate: "2027-01-18", schemeId: String(world.schemeA.id) })),
    changed: async () => (await sqlRow<{ n: number }>(db, "select count(*) n from intakes"))!.n === 2,
  },
  "bulk invite": {
    call: () =>
      actions.bulkInviteAction(
        {},
        form({ intakeId: String(world.intakeA.id), list: "", defaultRole: "staff", file: new File(["name,email,role\nBo,bo@example.org,carer\n"], "list.csv", { type: "text/csv" }) }),
      ),
    changed: async () => (await sqlRow<{ n: number }>(db, "select count(*) n from invitations where email = 'bo@example.org'"))!.n === 1,
  },
  "record an assisted completion": {
    call: () =>
      actions.recordAssistedAction(
        {},
        form({ personId: String(world.carolA.id), moduleSlug: "golden-rules", completedOn: "2026-11-20", assistedBy: "Officer Olu", evidence: "Signed workbook" }),
      ),
    changed: async () => (await sqlRow<{ n: number }>(db, "select count(*) n from module_completions where assisted"))!.n === 1,
  },
  "move a person to an intake": {
    call: () => actions.moveToIntakeFormAction(form({ personId: String(world.carolA.id), intakeId: String(world.intakeA.id) })),
    changed: async () => (await findPersonById(world.carolA.id))!.intakeId === world.intakeA.id,
  },
  "save the scheme's contacts": {
    call: () => actions.saveSchemeDetailsAction({}, form({ publicName: "Scheme A", advicePhone: "0300 123 4567", schemeId: String(world.schemeA.id) })),
    changed: async () => (await findSchemeDetails(world.schemeA.id)) !== undefined,
  },
  "anonymise leavers": {
    call: () => actions.anonymiseAction({}, form({ confirm: "yes", schemeId: String(world.schemeA.id) })),
    changed: async () => (await findPersonById(world.leaverA.id))!.anonymisedAt !== null,
  },
};

describe("server actions, called directly", () => {
  for (const [name, { call, changed }] of Object.entries(actionCalls)) {
    it.each(ALL)(`${name} as %s`, async (role) => {
      as(role);
      const before = await rowCounts(db);
      const result = await outcome(() => call(role));
      if (ALLOWED.includes(role)) {
        expect(["ok", "redirect"]).toContain(result);
        expect(await changed()).toBe(true);
      } else {
        expect(result).toBe("403");
        expect(await changed()).toBe(false);
        expect(await rowCounts(db)).toEqual(before);
      }
    });
  }

  it("a trainer cannot reach into another scheme by changing ids in the form", async () => {
    const schemeBIntake = await insertIntake({ schemeId: world.schemeB.id, name: "B intake", startDate: "2026-09-01", createdBy: null });
    const bobB = await makePerson("carer", world.schemeB.id);
    as("trainer");
    const before = await rowCounts(db);
    const attempts = [
      () => actions.invitePersonAction({}, form({ email: "x@example.org", role: "carer", schemeId: String(world.schemeB.id) })),
      () => actions.invitePersonAction({}, form({ email: "x@example.org", role: "carer", intakeId: String(schemeBIntake.id) })),
      () => actions.createIntakeAction({}, form({ name: "Sneaky", startDate: "2027-01-01", schemeId: String(world.schemeB.id) })),
      () => actions.setActiveAction({}, form({ personId: String(bobB.id), active: "false" })),
      () => actions.bulkInviteAction({}, form({ intakeId: String(schemeBIntake.id), list: "y@example.org", defaultRole: "carer" })),
      () => actions.recordAssistedAction({}, form({ personId: String(bobB.id), moduleSlug: "golden-rules", completedOn: "2026-11-20", assistedBy: "x", evidence: "y" })),
      () => actions.moveToIntakeFormAction(form({ personId: String(world.carolA.id), intakeId: String(schemeBIntake.id) })),
      () => actions.moveToIntakeFormAction(form({ personId: String(bobB.id), intakeId: "" })),
      () => actions.anonymiseAction({}, form({ confirm: "yes", schemeId: String(world.schemeB.id) })),
      () => actions.saveSchemeDetailsAction({}, form({ publicName: "Not yours", schemeId: String(world.schemeB.id) })),
      // An admin account is in no scheme: not a trainer's to manage.
      () => actions.setActiveAction({}, form({ personId: String(world.roles.admin.personId), active: "false" })),
      () => actions.recordAssistedAction({}, form({ personId: "999999", moduleSlug: "golden-rules", completedOn: "2026-11-20", assistedBy: "x", evidence: "y" })),
    ];
    for (const attempt of attempts) expect(await outcome(attempt)).toBe("403");
    expect(await rowCounts(db)).toEqual(before);
  });

  it("an admin must name the scheme; a trainer cannot reactivate an anonymised person", async () => {
    as("admin");
    expect(await outcome(() => actions.createIntakeAction({}, form({ name: "No scheme", startDate: "2027-01-01" })))).toBe("403");
    as("trainer");
    expect(await outcome(() => actions.anonymiseAction({}, form({ confirm: "yes" })))).toBe("redirect");
    expect((await findPersonById(world.leaverA.id))!.anonymisedAt).not.toBeNull();
    const before = await rowCounts(db);
    expect(await outcome(() => actions.setActiveAction({}, form({ personId: String(world.leaverA.id), active: "true" })))).toBe("403");
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe("route handlers, requested directly", () => {
  const get = (url: string) => new Request(`http://localhost${url}`);

  it.each(ALL)("the matrix export as %s", async (role) => {
    as(role);
    const before = await rowCounts(db);
    const query = role === "trainer" ? "" : `?scheme=${world.schemeA.id}`;
    const response = await exportRoute.GET(get(`/trainer/matrix/export${query}`));
    const body = await response.text();
    if (ALLOWED.includes(role)) {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(body).toContain("Carol Secret-Carer");
    } else {
      expect(response.status).toBe(403);
      expect(body).not.toContain("Carol");
      expect(await rowCounts(db)).toEqual(before);
    }
  });

  it.each(ALL)("a person's data file (subject access request) as %s", async (role) => {
    as(role);
    const before = await rowCounts(db);
    const response = await personDataRoute.GET(get(`/trainer/people/${world.carolA.id}/data`), { params: Promise.resolve({ personId: String(world.carolA.id) }) });
    const body = await response.text();
    if (ALLOWED.includes(role)) {
      expect(response.status).toBe(200);
      expect(JSON.parse(body).person.name).toBe("Carol Secret-Carer");
    } else {
      expect(response.status).toBe(403);
      expect(body).not.toContain("Carol");
      expect(await rowCounts(db)).toEqual(before);
    }
  });

  it.each(ALL)("my own data file as %s", async (role) => {
    as(role);
    const response = await myDataRoute.GET(get("/my/data"));
    expect(response.status).toBe(200);
    const data = JSON.parse(await response.text());
    expect(data.person.id).toBe(world.roles[role].personId);
    expect(JSON.stringify(data)).not.toContain("Carol Secret-Carer");
  });

  it("signed out: sent to sign in", async () => {
    expect((await exportRoute.GET(get("/trainer/matrix/export"))).status).toBe(303);
    expect((await myDataRoute.GET(get("/my/data"))).status).toBe(303);
    expect((await personDataRoute.GET(get("/x"), { params: Promise.resolve({ personId: String(world.carolA.id) }) })).status).toBe(303);
  });

  it("a trainer asking for another scheme's export or person gets 403", async () => {
    as("trainer");
    const bobB = await makePerson("carer", world.schemeB.id, { name: "Bob Other-Scheme" });
    expect((await exportRoute.GET(get(`/trainer/matrix/export?scheme=${world.schemeB.id}`))).status).toBe(403);
    const response = await personDataRoute.GET(get("/x"), { params: Promise.resolve({ personId: String(bobB.id) }) });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain("Bob");
    // Someone who does not exist is refused like someone in another scheme: no hint which it was.
    expect((await personDataRoute.GET(get("/x"), { params: Promise.resolve({ personId: "999999" }) })).status).toBe(403);
    // An id that is not an id at all is not a page.
    for (const personId of ["abc", "1.5", "0", "01"]) {
      expect((await personDataRoute.GET(get("/x"), { params: Promise.resolve({ personId }) })).status).toBe(404);
    }
  });
});
