// One password rule: the invitation form refuses exactly what lib/auth/password-policy.ts refuses,
// with the policy's words (it used to have its own 1,024-character limit whose message said 128).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from "@/lib/auth/password-policy";
import { freshDatabase, makePerson, makeScheme, viewerOf } from "../helpers/db";

const h = vi.hoisted(() => {
  class Redirect extends Error {}
  return { Redirect };
});
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new h.Redirect(url);
  },
}));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => null }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/config", () => ({
  signIn: async (_provider: string, options: { redirectTo: string }) => {
    throw new h.Redirect(options.redirectTo);
  },
}));

const { acceptInvitationAction } = await import("@/app/(site)/invite/[token]/actions");
const { invite } = await import("@/lib/invitations");

let token: string;

beforeEach(async () => {
  await freshDatabase();
  const scheme = await makeScheme();
  const result = await invite(viewerOf(await makePerson("trainer", scheme.id)), { email: "new@example.org", role: "carer", schemeId: scheme.id });
  token = result.ok ? result.link.split("/").at(-1)! : "";
});

function form(password: string, name = "Nia New"): FormData {
  const data = new FormData();
  data.append("token", token);
  data.append("name", name);
  data.append("password", password);
  return data;
}

describe("the invitation form's password rule", () => {
  it("refuses what the policy refuses, beside the password, in the policy's words", async () => {
    for (const password of ["", "short", "password", "x".repeat(PASSWORD_MAX + 1), "y".repeat(1000), "z".repeat(1025)]) {
      const state = await acceptInvitationAction({}, form(password));
      expect(state.errors, `${password.length} characters`).toEqual([{ field: "password", message: passwordProblem(password)! }]);
    }
    expect(passwordProblem("x".repeat(PASSWORD_MAX + 1))).toBe(`Password must be ${PASSWORD_MAX} characters or fewer`);
  });

  it("accepts the longest and shortest passwords the policy allows", async () => {
    const longest = Array.from({ length: PASSWORD_MAX }, (_, i) => String.fromCharCode(97 + (i % 26))).join("");
    expect(passwordProblem(longest)).toBeNull();
    await expect(acceptInvitationAction({}, form(longest))).rejects.toThrow("/my?welcome=1");
    expect(passwordProblem("qmzx wvr".slice(0, PASSWORD_MIN))).toBeNull();
  });

  it("asks for a name when there is none", async () => {
    const state = await acceptInvitationAction({}, form("a long enough password", "   "));
    expect(state.errors).toEqual([{ field: "name", message: "Enter a name" }]);
  });
});
