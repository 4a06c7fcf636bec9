import { describe, expect, it } from "vitest";
import { type Viewer, canDeactivate, canInviteRole, canManageScheme, canTakeCourse, canViewPerson } from "@/lib/access";

const v = (role: Viewer["role"], personId: number, schemeId: number | null): Viewer => ({ personId, role, schemeId, name: "x", email: "x@x.x", sessionId: "s" });
const carer = v("carer", 1, 10);
const staff = v("staff", 2, 10);
const trainer = v("trainer", 3, 10);
const otherTrainer = v("trainer", 4, 20);
const admin = v("admin", 5, null);
const sameSchemePerson = { id: 6, schemeId: 10 };
const otherSchemePerson = { id: 7, schemeId: 20 };

describe("who may see a person's records", () => {
  it.each([
    ["carer", carer, sameSchemePerson, false],
    ["staff", staff, sameSchemePerson, false],
    ["trainer, own scheme", trainer, sameSchemePerson, true],
    ["trainer, other scheme", trainer, otherSchemePerson, false],
    ["other scheme's trainer", otherTrainer, sameSchemePerson, false],
    ["admin", admin, otherSchemePerson, true],
  ])("%s", (_label, viewer, person, allowed) => {
    expect(canViewPerson(viewer, person)).toBe(allowed);
  });

  it("everyone may see their own records", () => {
    for (const viewer of [carer, staff, trainer, admin]) expect(canViewPerson(viewer, { id: viewer.personId, schemeId: viewer.schemeId })).toBe(true);
  });
});

describe("who may manage a scheme", () => {
  it("only its trainers and admins", () => {
    expect(canManageScheme(carer, 10)).toBe(false);
    expect(canManageScheme(staff, 10)).toBe(false);
    expect(canManageScheme(trainer, 10)).toBe(true);
    expect(canManageScheme(trainer, 20)).toBe(false);
    expect(canManageScheme(trainer, null)).toBe(false);
    expect(canManageScheme(admin, 20)).toBe(true);
  });

  it("trainers invite carers, staff and trainers but not admins", () => {
    expect(canInviteRole(trainer, "carer")).toBe(true);
    expect(canInviteRole(trainer, "admin")).toBe(false);
    expect(canInviteRole(carer, "carer")).toBe(false);
    expect(canInviteRole(admin, "admin")).toBe(true);
  });

  it("a trainer cannot deactivate themselves or another scheme's people", () => {
    expect(canDeactivate(trainer, { id: trainer.personId, schemeId: 10 })).toBe(false);
    expect(canDeactivate(trainer, otherSchemePerson)).toBe(false);
    expect(canDeactivate(trainer, sameSchemePerson)).toBe(true);
  });

  it("admins do not take the course; everyone else does", () => {
    expect([carer, staff, trainer].every(canTakeCourse)).toBe(true);
    expect(canTakeCourse(admin)).toBe(false);
  });
});
