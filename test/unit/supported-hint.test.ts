// The supported-session hint cookie: proxy.ts's matcher (read by Next at build time, so written out)
// names the same cookie as lib/support/hint.ts, and only static course pages go to their twins.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SUPPORTED_HINT_COOKIE, supportedTwin } from "@/lib/support/hint";

describe("the supported-session hint", () => {
  it("is the cookie the proxy's matcher looks for", () => {
    const proxy = readFileSync(join(__dirname, "..", "..", "proxy.ts"), "utf8");
    expect(proxy).toContain(`{ type: "cookie", key: "${SUPPORTED_HINT_COOKIE}" }`);
  });

  it("sends the static course pages to their per-request twins, and nothing else", () => {
    expect(supportedTwin("/modules/golden-rules/myth-buster")).toBe("/supported-view/modules/golden-rules/myth-buster");
    expect(supportedTwin("/modules/golden-rules/print")).toBe("/supported-view/modules/golden-rules/print");
    expect(supportedTwin("/should-i-share")).toBe("/supported-view/should-i-share");
    expect(supportedTwin("/should-i-share/q1")).toBe("/supported-view/should-i-share/q1");
    expect(supportedTwin("/glossary")).toBe("/supported-view/glossary");
    expect(supportedTwin("/about")).toBe("/supported-view/about");
    // A scheme's copies (issue 15): the signed segment is carried over, and checked by the proxy first.
    expect(supportedTwin("/modules/golden-rules/myth-buster/scheme/1-1-abc-x_y")).toBe("/supported-view/modules/golden-rules/myth-buster/scheme/1-1-abc-x_y");
    expect(supportedTwin("/should-i-share/scheme/1-1-abc-x_y")).toBe("/supported-view/should-i-share/scheme/1-1-abc-x_y");
    expect(supportedTwin("/should-i-share/scheme/1-1-abc-x_y/q1")).toBe("/supported-view/should-i-share/scheme/1-1-abc-x_y/q1");
    for (const path of ["/modules/golden-rules", "/modules/golden-rules/quiz", "/modules/golden-rules/quiz/1/1", "/modules/x/y/read", "/my", "/trainer", "/modules/X/y", "/about/x", "/modules/a/b/scheme", "/modules/a/b/scheme/x/y", "/should-i-share/scheme/x/y/z"]) {
      expect(supportedTwin(path), path).toBeNull();
    }
  });
});
