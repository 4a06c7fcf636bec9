// What a certificate counts as today, as the public verification page says it. Pure.

export type CertificateStatus = "valid" | "expired" | "revoked" | "superseded";

/** Revoked wins, then superseded, then expired (after the expiry day; the day itself is valid). */
export function certificateStatus(
  cert: { expiresOn: string; revokedAt?: Date | number | null; supersededAt?: Date | number | null },
  today: string,
): CertificateStatus {
  if (cert.revokedAt != null) return "revoked";
  if (cert.supersededAt != null) return "superseded";
  if (today > cert.expiresOn) return "expired";
  return "valid";
}

export const CERTIFICATE_STATUS_LABEL: Record<CertificateStatus, string> = {
  valid: "Valid",
  expired: "Expired",
  revoked: "Revoked",
  superseded: "Superseded",
};

/** Tag colour classes (globals.css); always shown with the words above. */
export const CERTIFICATE_STATUS_TAG: Record<CertificateStatus, string> = {
  valid: "tag tag--green",
  expired: "tag tag--orange",
  revoked: "tag tag--red",
  superseded: "tag tag--grey",
};
