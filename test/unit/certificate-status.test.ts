import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CERTIFICATE_STATUS_LABEL, CERTIFICATE_STATUS_TAG, certificateStatus } from "@/lib/certificates/status";

const at = new Date("2026-06-01T10:00:00Z");

describe("certificateStatus", () => {
  it("is valid up to and including the expiry day, expired after", () => {
    expect(certificateStatus({ expiresOn: "2027-03-14" }, "2026-03-14")).toBe("valid");
    expect(certificateStatus({ expiresOn: "2027-03-14" }, "2027-03-14")).toBe("valid");
    expect(certificateStatus({ expiresOn: "2027-03-14" }, "2027-03-15")).toBe("expired");
  });

  it("revoked wins over everything, then superseded, then expired", () => {
    expect(certificateStatus({ expiresOn: "2027-03-14", revokedAt: at, supersededAt: at }, "2028-01-01")).toBe("revoked");
    expect(certificateStatus({ expiresOn: "2027-03-14", revokedAt: at }, "2026-06-01")).toBe("revoked");
    expect(certificateStatus({ expiresOn: "2027-03-14", supersededAt: at }, "2028-01-01")).toBe("superseded");
    expect(certificateStatus({ expiresOn: "2027-03-14", supersededAt: at.getTime() }, "2026-06-01")).toBe("superseded");
    expect(certificateStatus({ expiresOn: "2027-03-14", revokedAt: null, supersededAt: null }, "2026-06-01")).toBe("valid");
  });

  // The tag is the only colour cue and must never be the only cue: each status needs its own words
  // and its own colour, and the colour class must exist in the stylesheet (a renamed class would
  // silently show an unstyled tag).
  it("shows each status in its own words and its own colour, with a class the stylesheet defines", () => {
    const statuses = ["valid", "expired", "revoked", "superseded"] as const;
    const css = readFileSync(join(process.cwd(), "app", "globals.css"), "utf8");
    const words = statuses.map((s) => CERTIFICATE_STATUS_LABEL[s].toLowerCase());
    const tags = statuses.map((s) => CERTIFICATE_STATUS_TAG[s]);
    expect(new Set(words).size).toBe(statuses.length);
    expect(new Set(tags).size).toBe(statuses.length);
    for (const status of statuses) {
      // The words say the status itself, so a screen reader user hears the same as the colour shows.
      expect(CERTIFICATE_STATUS_LABEL[status].toLowerCase()).toBe(status);
      for (const cls of CERTIFICATE_STATUS_TAG[status].split(" ")) expect(css, `.${cls}`).toMatch(new RegExp(`\\.${cls}\\s*\\{`));
    }
    // Valid reads as good and revoked as bad, never the other way round.
    expect(CERTIFICATE_STATUS_TAG.valid).toContain("green");
    expect(CERTIFICATE_STATUS_TAG.revoked).toContain("red");
  });
});
