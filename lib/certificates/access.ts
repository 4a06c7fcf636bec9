import "server-only";
// Certificates on behalf of someone: the holder, a trainer of the scheme that issued it, or an
// admin may see one; a trainer of that scheme or an admin may revoke it. The public may check a
// code and learn only whether it is genuine and in date, with the holder's name, the course and dates.
import { writeTransaction } from "@/db/client";
import {
  type CertificateRow,
  type CertificateWithScheme,
  findCertificateById,
  findPublicCertificateByCode,
  revokeCertificate,
} from "@/db/queries/certificates";
import { findPersonById } from "@/db/queries/people";
import { type Viewer, canManageScheme, canViewPerson } from "../access";
import { audit } from "../audit";
import { now, today } from "../clock";
import { env } from "../env";
import { NotAllowed } from "../errors";
import type { RefresherState } from "../refresher";
import { completionRoute, routeOfficerId, routeWords } from "../training/route";
import { trainingState } from "../training/state";
import { completionsInCycle } from "@/db/queries/training";
import { namesOf } from "@/db/queries/support";
import { formatCode, normaliseCode } from "./code";
import { renderCertificatePdf } from "./pdf";
import { schemeContactText } from "../scheme-details/points";
import { localCourseOfScheme } from "../scheme-details/service";
import { type CertificateStatus, certificateStatus } from "./status";


export type CertificateView = CertificateWithScheme & {
  status: CertificateStatus;
  /** The viewer is the holder. */
  isOwner: boolean;
  /** The viewer may revoke it (a trainer of its scheme or an admin) and it is not revoked yet. */
  canRevoke: boolean;
  /** The code in groups of four. */
  formattedCode: string;
  verifyUrl: string;
  /**
   * How each module was done when not online on their own (issue 16), by module slug: "in a
   * supported session with Olu Officer", "on paper, entered by Olu Officer". Shown to everyone who
   * may see the certificate page (never on the public check page).
   */
  routeTexts: Record<string, string>;
};

/** The route words for each module of a certificate, with the officers named, from the completions it was issued on. */
async function routeTextsOf(cert: Pick<CertificateWithScheme, "personId" | "cycle" | "modules">): Promise<Record<string, string>> {
  const completions = await completionsInCycle(cert.personId, cert.cycle);
  const officers = await namesOf(completions.map(routeOfficerId).filter((id): id is number => id !== null));
  const out: Record<string, string> = {};
  for (const m of cert.modules) {
    const c = completions.find((x) => x.moduleSlug === m.slug);
    const route = c ? completionRoute(c) : (m.route ?? "online");
    const officer = c ? routeOfficerId(c) : null;
    if (route === "supported" || route === "paper") out[m.slug] = routeWords(route, officer !== null ? (officers.get(officer) ?? null) : null);
  }
  return out;
}

/** The public address that checks a code: SITE_URL/verify/XXXX-XXXX-… */
export function verifyUrlFor(code: string): string {
  return `${env().siteUrl}/verify/${formatCode(code)}`;
}

function mayView(viewer: Viewer, cert: { personId: number; schemeId: number }): boolean {
  return canViewPerson(viewer, { id: cert.personId, schemeId: cert.schemeId });
}

/**
 * One certificate, for its holder, a trainer of the scheme that issued it, or an admin.
 * Null when there is no such certificate; NotAllowed for anyone else.
 */
export async function certificateForViewer(viewer: Viewer, id: number): Promise<CertificateView | null> {
  const cert = Number.isSafeInteger(id) && id > 0 ? await findCertificateById(id) : undefined;
  if (!cert) return null;
  if (!mayView(viewer, cert)) throw new NotAllowed();
  const status = certificateStatus(cert, today());
  return {
    ...cert,
    status,
    isOwner: cert.personId === viewer.personId,
    canRevoke: canManageScheme(viewer, cert.schemeId) && cert.revokedAt === null,
    formattedCode: formatCode(cert.code),
    verifyUrl: verifyUrlFor(cert.code),
    routeTexts: await routeTextsOf(cert),
  };
}

export const REASON_MAX = 500;

export type RevokeResult = { ok: true; holderName: string } | { ok: false; message: string };

/**
 * Revokes a certificate, with an audit entry in the same transaction. Trainers of the issuing
 * scheme and admins only (NotAllowed otherwise, and for an unknown id). A certificate already
 * revoked stays as it was.
 */
export async function revoke(viewer: Viewer, id: number, reason: string): Promise<RevokeResult> {
  const cert = Number.isSafeInteger(id) && id > 0 ? await findCertificateById(id) : undefined;
  if (!cert || !canManageScheme(viewer, cert.schemeId)) throw new NotAllowed();
  const why = reason.trim();
  if (!why || why.length > REASON_MAX) throw new Error(`A reason of 1 to ${REASON_MAX} characters is required`);
  return await writeTransaction(async (tx) => {
    if (!await revokeCertificate(cert.id, viewer.personId, why, now(), tx)) {
      return { ok: false as const, message: "This certificate has already been revoked." };
    }
    await audit(
      {
        actorId: viewer.personId,
        schemeId: cert.schemeId,
        subjectPersonId: cert.personId,
        action: "revoked-certificate",
        details: { certificateId: cert.id, reason: why },
      },
      tx,
    );
    return { ok: true as const, holderName: cert.holderName };
  });
}

/** Everything the public verification page may show. Nothing else leaves this module. */
export type PublicCertificate = {
  status: CertificateStatus;
  holderName: string;
  courseTitle: string;
  issuedOn: string;
  expiresOn: string;
  contentVersion: string;
};

/** Checks a code as someone typed it. Null for a malformed or unknown code. */
export async function verifyCode(input: unknown): Promise<PublicCertificate | null> {
  const code = normaliseCode(input);
  if (!code) return null;
  const cert = await findPublicCertificateByCode(code);
  if (!cert) return null;
  return {
    status: certificateStatus(cert, today()),
    holderName: cert.holderName,
    courseTitle: cert.courseTitle,
    issuedOn: cert.issuedOn,
    expiresOn: cert.expiresOn,
    contentVersion: cert.contentVersion,
  };
}

/** The PDF of a certificate, for the same people as certificateForViewer. Null when unknown. */
export async function certificatePdf(viewer: Viewer, id: number): Promise<{ filename: string; pdf: Buffer } | null> {
  const cert = await certificateForViewer(viewer, id);
  if (!cert) return null;
  const local = await localCourseOfScheme(cert.schemeId);
  const pdf = await renderCertificatePdf({
    holderName: cert.holderName,
    courseTitle: cert.courseTitle,
    modules: cert.modules.map((m) => ({ title: m.title, completedOn: m.completedOn, assisted: m.assisted, route: m.route })),
    issuedOn: cert.issuedOn,
    expiresOn: cert.expiresOn,
    code: cert.code,
    contentVersion: cert.contentVersion,
    schemeName: local?.details.publicName ?? cert.schemeName,
    schemeContact: local ? schemeContactText(local.details) : null,
    verifyUrl: cert.verifyUrl,
  });
  const name = cert.holderName
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 40);
  return { filename: `shared-lives-certificate-${name ? `${name}-` : ""}${cert.issuedOn}.pdf`, pdf };
}

/**
 * A person's refresher standing and live certificate (the same rule as My training:
 * lib/training/state.ts). For the person themselves, their trainers and admins.
 */
export async function refresherFor(viewer: Viewer, personId: number): Promise<{ certificate: CertificateRow | null; state: RefresherState }> {
  const person = await findPersonById(personId);
  if (!person || !canViewPerson(viewer, person)) throw new NotAllowed();
  const training = await trainingState(personId);
  return { certificate: training.liveCertificate ?? null, state: training.status };
}
