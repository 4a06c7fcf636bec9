import { describe, expect, it } from "vitest";
import { clientNavigationHref, type Press, type PressedLink } from "@/app/_components/links/client-link-rules";

const ORIGIN = "https://training.example";
const plain: Press = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
const link = (href: string, more: Partial<PressedLink> = {}): PressedLink => ({ href, target: null, download: false, ...more });

describe("which link presses the site opens without reloading", () => {
  it("opens a plain press on a link to one of its pages, keeping the query and the fragment", () => {
    expect(clientNavigationHref(plain, link(`${ORIGIN}/modules/golden-rules`), ORIGIN)).toBe("/modules/golden-rules");
    expect(clientNavigationHref(plain, link(`${ORIGIN}/my/certificates?from=my#latest`), ORIGIN)).toBe("/my/certificates?from=my#latest");
    expect(clientNavigationHref(plain, link("/glossary"), ORIGIN)).toBe("/glossary");
  });

  it("treats target _self (any case) and an empty target as this tab", () => {
    expect(clientNavigationHref(plain, link(`${ORIGIN}/my`, { target: "_self" }), ORIGIN)).toBe("/my");
    expect(clientNavigationHref(plain, link(`${ORIGIN}/my`, { target: "_SELF" }), ORIGIN)).toBe("/my");
    expect(clientNavigationHref(plain, link(`${ORIGIN}/my`, { target: "" }), ORIGIN)).toBe("/my");
  });

  it.each([
    ["Ctrl", { ctrlKey: true }],
    ["Cmd", { metaKey: true }],
    ["Shift", { shiftKey: true }],
    ["Alt", { altKey: true }],
    ["the middle button", { button: 1 }],
    ["the right button", { button: 2 }],
    ["a press a script already handled", { defaultPrevented: true }],
  ])("leaves a press with %s to the browser", (_what, change) => {
    expect(clientNavigationHref({ ...plain, ...change }, link(`${ORIGIN}/my`), ORIGIN)).toBeNull();
  });

  it("leaves downloads, other windows, other sites and other schemes to the browser", () => {
    expect(clientNavigationHref(plain, link(`${ORIGIN}/my/calendar`, { download: true }), ORIGIN)).toBeNull();
    expect(clientNavigationHref(plain, link(`${ORIGIN}/my`, { target: "_blank" }), ORIGIN)).toBeNull();
    expect(clientNavigationHref(plain, link("https://www.cqc.org.uk/"), ORIGIN)).toBeNull();
    expect(clientNavigationHref(plain, link("http://training.example/my"), ORIGIN)).toBeNull();
    expect(clientNavigationHref(plain, link("https://training.example:8443/my"), ORIGIN)).toBeNull();
    expect(clientNavigationHref(plain, link("mailto:team@scheme.example"), ORIGIN)).toBeNull();
    expect(clientNavigationHref(plain, link("tel:01234567890"), ORIGIN)).toBeNull();
  });

  it("leaves an address it cannot read to the browser", () => {
    expect(clientNavigationHref(plain, link("http://[::1"), ORIGIN)).toBeNull();
  });
});
