// How a module was completed, named the same way everywhere a trainer looks.
import { describe, expect, it } from "vitest";
import { moduleCell } from "@/lib/trainer/status";
import { certificateRoute, completionRoute, routeOfficerId, routeWords } from "@/lib/training/route";

describe("completionRoute", () => {
  it.each([
    [{ assisted: false, supportedByPersonId: null, paperEnteredByPersonId: null }, "online", null],
    [{ assisted: 0, supportedByPersonId: 7, paperEnteredByPersonId: null }, "supported", 7],
    [{ assisted: false, supportedByPersonId: null, paperEnteredByPersonId: 8 }, "paper", 8],
    [{ assisted: true, supportedByPersonId: null, paperEnteredByPersonId: null }, "assisted", null],
    // An assisted completion has no attempt: whatever else is set, it is what it says.
    [{ assisted: 1, supportedByPersonId: 7, paperEnteredByPersonId: 8 }, "assisted", null],
  ])("%j is %s", (facts, route, officer) => {
    expect(completionRoute(facts)).toBe(route);
    expect(routeOfficerId(facts)).toBe(officer);
  });

  it("in words, naming the officer", () => {
    expect(routeWords("supported", "Olu Officer")).toBe("in a supported session with Olu Officer");
    expect(routeWords("paper", "Olu Officer")).toBe("on paper, entered by Olu Officer");
    expect(routeWords("paper", null)).toBe("on paper, entered by an officer");
    expect(routeWords("online", "x")).toBe("");
  });

  it("on a certificate: only supported and paper are stored (online and assisted as before)", () => {
    expect(certificateRoute("supported")).toBe("supported");
    expect(certificateRoute("paper")).toBe("paper");
    expect(certificateRoute("online")).toBeUndefined();
    expect(certificateRoute("assisted")).toBeUndefined();
  });
});

describe("the matrix cell says the route", () => {
  const facts = { completedOn: "2026-03-14", score: 5, total: 5, assisted: false, started: true };
  it("supported and paper, with the officer; nothing extra online; nothing before completion", () => {
    expect(moduleCell({ ...facts, supportedByPersonId: 3, officerName: "Olu" }, false)).toMatchObject({
      route: "supported",
      routeTag: "Supported session",
      routeText: "in a supported session with Olu",
      scoreText: "5 out of 5",
    });
    expect(moduleCell({ ...facts, paperEnteredByPersonId: 3, officerName: "Olu" }, false)).toMatchObject({ route: "paper", routeTag: "On paper", routeText: "on paper, entered by Olu" });
    expect(moduleCell(facts, false)).toMatchObject({ route: "online", routeTag: "", routeText: "" });
    expect(moduleCell({ ...facts, assisted: true }, false)).toMatchObject({ route: "assisted", routeTag: "Assisted", routeText: "" });
    expect(moduleCell({ ...facts, completedOn: null, supportedByPersonId: 3 }, false)).toMatchObject({ route: null, routeTag: "", routeText: "" });
  });
});
