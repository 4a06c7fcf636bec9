import { describe, expect, it } from "vitest";
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from "@/lib/auth/password-policy";

describe("password policy", () => {
  it("refuses fewer than 8 characters", () => {
    expect(passwordProblem("a1b2c3d")).toMatch(/8 characters or more/);
    expect(passwordProblem("")).toBe("Enter a password");
  });

  it("accepts exactly 8 characters with no composition rules", () => {
    expect(passwordProblem("horsebed")).toBeNull();
    expect(PASSWORD_MIN).toBe(8);
  });

  it("allows at least 64 characters and refuses beyond the maximum", () => {
    expect(passwordProblem("correct horse battery staple ".repeat(3).slice(0, 64))).toBeNull();
    expect(PASSWORD_MAX).toBeGreaterThanOrEqual(64);
    expect(passwordProblem("x".repeat(PASSWORD_MAX) + "yz")).toMatch(/or fewer/);
  });

  it("counts characters, not bytes (emoji and accents)", () => {
    expect(passwordProblem("ééééééé")).toMatch(/8 characters/);
    expect(passwordProblem("🙂🙂🙂🙂🙂🙂🙂🙂")).toBeNull();
  });

  it("refuses common passwords from the deny-list, whatever the case", () => {
    expect(passwordProblem("password123")).toMatch(/too common/);
    expect(passwordProblem("PassWord123")).toMatch(/too common/);
    expect(passwordProblem("qwertyuiop")).toMatch(/too common/);
  });

  it("refuses the email's own name and one repeated character", () => {
    expect(passwordProblem("jo.bloggs", { email: "jo.bloggs@example.org" })).toMatch(/email/);
    expect(passwordProblem("zzzzzzzzzz")).toMatch(/repeated/);
  });
});
