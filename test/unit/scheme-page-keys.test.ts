// The signed addresses of a scheme's copies of the course pages (lib/scheme-details/page-keys.ts):
// unguessable, one per page and revision, and checked before they reach the page cache.
import { describe, expect, it } from "vitest";
import { isUnsignedSchemePath, lessonKey, readSegment, signSegment, signedPartOfPath, walkthroughKey } from "@/lib/scheme-details/page-keys";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const savedAt = Date.parse("2026-11-23T10:00:00.123Z");
const scheme = { schemeId: 7, revision: 3, savedAt };
const stamp = savedAt.toString(36);
const page = lessonKey("confidentiality", "data-breaches");

describe("signed segments", () => {
  it("name the scheme and the save, and read back for the page they were signed for", () => {
    const segment = signSegment(secret, scheme, page);
    expect(segment).toMatch(new RegExp(`^7-3-${stamp}-[A-Za-z0-9_-]{22}$`));
    expect(readSegment(secret, segment, page)).toEqual(scheme);
  });

  it("differ for the same scheme and revision saved at another moment (a database made again)", () => {
    expect(signSegment(secret, { ...scheme, savedAt: savedAt + 1 }, page)).not.toBe(signSegment(secret, scheme, page));
    const other = signSegment(secret, scheme, page).replace(`-${stamp}-`, `-${(savedAt + 1).toString(36)}-`);
    expect(readSegment(secret, other, page)).toBeNull();
  });

  it("are refused for another page, another scheme or revision, another secret, or any change", () => {
    const segment = signSegment(secret, scheme, page);
    expect(readSegment(secret, segment, lessonKey("confidentiality", "social-media"))).toBeNull();
    expect(readSegment(secret, segment.replace(/^7-/, "8-"), page)).toBeNull();
    expect(readSegment(secret, segment.replace(/^7-3-/, "7-4-"), page)).toBeNull();
    // The same number written another way (a leading zero) is not the same address.
    expect(readSegment(secret, segment.replace(`-${stamp}-`, `-0${stamp}-`), page)).toBeNull();
    expect(readSegment(`${secret}x`, segment, page)).toBeNull();
    const last = segment.at(-1) === "A" ? "B" : "A";
    expect(readSegment(secret, segment.slice(0, -1) + last, page)).toBeNull();
    for (const bad of ["", "7-3", "7-3-", `0-3-${stamp}-AAAAAAAAAAAAAAAAAAAAAA`, `7-3-${stamp}-AAAA`, `${segment}x`, `${segment}/x`, `7-3-${stamp}-%41AAAAAAAAAAAAAAAAAAAA`, "7-3-AAAAAAAAAAAAAAAAAAAAAA"]) {
      expect(readSegment(secret, bad, page), bad).toBeNull();
    }
  });
});

describe("addresses", () => {
  it("find the segment and the page it must be signed for", () => {
    expect(signedPartOfPath("/modules/golden-rules/consent/scheme/1-1-x")).toEqual({ segment: "1-1-x", page: "lesson:golden-rules/consent" });
    expect(signedPartOfPath("/modules/golden-rules/consent/scheme")).toEqual({ segment: "", page: "lesson:golden-rules/consent" });
    expect(signedPartOfPath("/modules/golden-rules/consent/scheme/1-1-x/more")).toEqual({ segment: "1-1-x/more", page: "lesson:golden-rules/consent" });
    expect(signedPartOfPath("/should-i-share/scheme/1-1-x")).toEqual({ segment: "1-1-x", page: walkthroughKey(null) });
    expect(signedPartOfPath("/should-i-share/scheme/1-1-x/q1")).toEqual({ segment: "1-1-x", page: "walkthrough:q1" });
    expect(signedPartOfPath("/should-i-share/scheme/1-1-x/")).toEqual({ segment: "1-1-x", page: "walkthrough:start" });
    for (const other of ["/modules/golden-rules/consent", "/modules/golden-rules/consent/read", "/should-i-share/q1", "/my", "/trainer/scheme-details"]) {
      expect(signedPartOfPath(other), other).toBeNull();
      expect(isUnsignedSchemePath(secret, other)).toBe(false);
    }
  });

  it("are let through only when signed for exactly that page", () => {
    const lesson = `/modules/confidentiality/data-breaches/scheme/${signSegment(secret, scheme, page)}`;
    expect(isUnsignedSchemePath(secret, lesson)).toBe(false);
    expect(isUnsignedSchemePath(secret, lesson.replace("data-breaches", "social-media"))).toBe(true);
    expect(isUnsignedSchemePath(secret, `${lesson}/extra`)).toBe(true);
    expect(isUnsignedSchemePath(secret, `/modules/confidentiality/data-breaches/scheme/7-3-${stamp}-AAAAAAAAAAAAAAAAAAAAAA`)).toBe(true);
    const start = `/should-i-share/scheme/${signSegment(secret, scheme, walkthroughKey(null))}`;
    expect(isUnsignedSchemePath(secret, start)).toBe(false);
    // A start page's signature does not open a step, nor a step's another step.
    expect(isUnsignedSchemePath(secret, `${start}/q1`)).toBe(true);
    const q1 = `/should-i-share/scheme/${signSegment(secret, scheme, walkthroughKey("q1"))}/q1`;
    expect(isUnsignedSchemePath(secret, q1)).toBe(false);
    expect(isUnsignedSchemePath(secret, q1.replace(/\/q1$/, "/q2"))).toBe(true);
  });
});
