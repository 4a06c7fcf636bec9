import { describe, expect, it } from "vitest";
import { isSameOriginPost, seeOther } from "@/lib/form-post";

const h = (init: Record<string, string>) => new Headers(init);

describe("isSameOriginPost", () => {
  it("accepts a post from a page on this site", () => {
    expect(isSameOriginPost(h({ origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" }))).toBe(true);
    expect(isSameOriginPost(h({ origin: "https://training.example.org", host: "app:3000", "x-forwarded-host": "training.example.org" }))).toBe(true);
  });

  it("refuses a post from another site, or from an opaque origin", () => {
    expect(isSameOriginPost(h({ origin: "https://evil.example", host: "training.example.org" }))).toBe(false);
    expect(isSameOriginPost(h({ origin: "null", host: "training.example.org" }))).toBe(false);
    expect(isSameOriginPost(h({ origin: "http://training.example.org:8080", host: "training.example.org" }))).toBe(false);
  });

  it("without Origin, trusts Fetch Metadata when there is some", () => {
    expect(isSameOriginPost(h({ host: "x" }))).toBe(true);
    expect(isSameOriginPost(h({ host: "x", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginPost(h({ host: "x", "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});

describe("seeOther", () => {
  it("is a 303 to a path on this site", () => {
    const r = seeOther("/modules/golden-rules");
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe("/modules/golden-rules");
  });
});
