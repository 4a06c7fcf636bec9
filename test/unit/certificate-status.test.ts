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

  it("has words and a tag for every status", () => {
    for (const status of ["valid", "expired", "revoked", "superseded"] as const) {
      expect(CERTIFICATE_STATUS_LABEL[status]).toMatch(/^[A-Z]/);
      expect(CERTIFICATE_STATUS_TAG[status]).toMatch(/^tag tag--/);
    }
  });
});
