import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, writeTransaction } from "@/db/client";
import {
  findCertificateByCode,
  insertCertificate,
  latestLiveCertificate,
  listCertificatesOfPerson,
  markSuperseded,
  revokeCertificate,
} from "@/db/queries/certificates";
import { listAudit } from "@/db/queries/audit";
import { retrainVersions } from "@/db/tables";
import { certificateForViewer, certificatePdf, refresherFor, revoke, verifyCode } from "@/lib/certificates/access";
import { NotAllowed } from "@/lib/errors";
import { formatCode, newCertificateCode } from "@/lib/certificates/code";
import { certificateStatus } from "@/lib/certificates/status";
import { setTestNow } from "@/lib/clock";
import { freshDatabase, makePerson, makeScheme, rowCounts, viewerOf, sqlRun } from "../helpers/db";

let db: Db;

async function issue(person: { id: number; name: string; schemeId: number | null }, overrides: Partial<Parameters<typeof insertCertificate>[0]> = {}) {
  return await insertCertificate({
    code: newCertificateCode(),
    personId: person.id,
    schemeId: person.schemeId!,
    holderName: person.name,
    courseId: "shared-lives-confidentiality",
    courseTitle: "Confidentiality and information sharing",
    contentVersion: "2026.1",
    cycle: 1,
    issuedOn: "2026-03-14",
    expiresOn: "2027-03-14",
    modules: [
      { slug: "golden-rules", title: "The seven golden rules", completedOn: "2026-03-10", assisted: false, score: 5, total: 5 },
      { slug: "confidentiality", title: "Confidentiality for Shared Lives carers", completedOn: "2026-03-12", assisted: true, score: null, total: null },
      { slug: "triangle-of-care", title: "The triangle of care", completedOn: "2026-03-14", assisted: false, score: 4, total: 5 },
    ],
    ...overrides,
  });
}

async function setup() {
  const scheme = await makeScheme();
  const other = await makeScheme();
  const carer = await makePerson("carer", scheme.id, { name: "Carys Carer", email: "carys@test.example" });
  const otherCarer = await makePerson("carer", scheme.id);
  const trainer = await makePerson("trainer", scheme.id);
  const otherTrainer = await makePerson("trainer", other.id);
  const admin = await makePerson("admin", null);
  return { scheme, other, carer, otherCarer, trainer, otherTrainer, admin };
}

beforeEach(async () => {
  db = await freshDatabase();
  setTestNow("2026-06-01T12:00:00Z");
});
afterEach(() => setTestNow(null));

describe("verifyCode", () => {
  it("shows only the public fields: status, name, course, version and dates", async () => {
    const { carer } = await setup();
    const cert = await issue(carer);
    const view = await verifyCode(formatCode(cert.code).toLowerCase());
    expect(view).toEqual({
      status: "valid",
      holderName: "Carys Carer",
      courseTitle: "Confidentiality and information sharing",
      issuedOn: "2026-03-14",
      expiresOn: "2027-03-14",
      contentVersion: "2026.1",
    });
    const text = JSON.stringify(view);
    expect(text).not.toContain("carys@test.example");
    expect(text).not.toContain(cert.code);
    expect(Object.keys(view!)).not.toContain("schemeId");
    expect(Object.keys(view!)).not.toContain("personId");
  });

  it("returns null for an unknown or malformed code", async () => {
    await setup();
    expect(await verifyCode(newCertificateCode())).toBeNull();
    expect(await verifyCode("not a code")).toBeNull();
    expect(await verifyCode("")).toBeNull();
  });

  it("says expired the day after expiry, using the clock", async () => {
    const { carer } = await setup();
    const cert = await issue(carer);
    setTestNow("2027-03-14T23:30:00Z"); // 23:30 UTC is still 14 March in London (GMT)
    expect((await verifyCode(cert.code))!.status).toBe("valid");
    setTestNow("2027-03-15T00:30:00Z");
    expect((await verifyCode(cert.code))!.status).toBe("expired");
  });
});

describe("certificate status from stored rows", () => {
  it("is valid, expired, superseded or revoked", async () => {
    const { carer, otherCarer, trainer } = await setup();
    const first = await issue(carer, { issuedOn: "2025-03-01", expiresOn: "2026-03-01" });
    expect(certificateStatus(first, "2026-06-01")).toBe("expired");

    // One live certificate per person and cycle (certificates_one_live): each renewal is the next cycle.
    const old = await issue(carer, { issuedOn: "2026-01-10", expiresOn: "2027-01-10", cycle: 2 });
    expect(certificateStatus(old, "2026-06-01")).toBe("valid");
    const renewed = await issue(carer, { issuedOn: "2026-12-01", expiresOn: "2028-01-10", cycle: 3 });
    expect(await markSuperseded(old.id, renewed.id, new Date())).toBe(true);
    expect(await markSuperseded(old.id, renewed.id, new Date())).toBe(false);
    expect(certificateStatus((await findCertificateByCode(old.code))!, "2026-06-01")).toBe("superseded");

    const other = await issue(otherCarer);
    expect(await revokeCertificate(other.id, trainer.id, "Issued by mistake", new Date())).toBe(true);
    expect(await revokeCertificate(other.id, trainer.id, "Again", new Date())).toBe(false);
    const revoked = (await findCertificateByCode(other.code))!;
    expect(certificateStatus(revoked, "2026-06-01")).toBe("revoked");
    expect(revoked.revokedReason).toBe("Issued by mistake");
  });

  it("latestLiveCertificate skips revoked and superseded ones; the list is newest first", async () => {
    const { carer, trainer } = await setup();
    expect(await latestLiveCertificate(carer.id)).toBeUndefined();
    const old = await issue(carer, { issuedOn: "2025-03-01", expiresOn: "2026-03-01" });
    const current = await issue(carer, { issuedOn: "2026-02-01", expiresOn: "2027-03-01", cycle: 2 });
    await markSuperseded(old.id, current.id, new Date());
    expect((await latestLiveCertificate(carer.id))?.id).toBe(current.id);
    await revokeCertificate(current.id, trainer.id, "Mistake", new Date());
    expect(await latestLiveCertificate(carer.id)).toBeUndefined();
    expect((await listCertificatesOfPerson(carer.id)).map((c) => c.id)).toEqual([current.id, old.id]);
  });
});

describe("the database keeps certificates as issued", () => {
  it("refuses to change a certificate's expiry, name, code or dates", async () => {
    const { carer } = await setup();
    const cert = await issue(carer);
    await expect(sqlRun(db, "update certificates set expires_on = '2030-01-01' where id = ?", cert.id)).rejects.toThrow(/immutable/);
    await expect(sqlRun(db, "update certificates set holder_name = 'Someone Else' where id = ?", cert.id)).rejects.toThrow(/immutable/);
    await expect(sqlRun(db, "update certificates set code = 'X' where id = ?", cert.id)).rejects.toThrow(/immutable/);
    await expect(sqlRun(db, "update certificates set issued_on = '2020-01-01' where id = ?", cert.id)).rejects.toThrow(/immutable/);
    await expect(sqlRun(db, "delete from certificates where id = ?", cert.id)).rejects.toThrow(/never deleted/);
    expect((await findCertificateByCode(cert.code))!.expiresOn).toBe("2027-03-14");
  });

  it("refuses to un-revoke", async () => {
    const { carer, trainer } = await setup();
    const cert = await issue(carer);
    await revokeCertificate(cert.id, trainer.id, "Mistake", new Date());
    await expect(sqlRun(db, "update certificates set revoked_at = null where id = ?", cert.id)).rejects.toThrow(/immutable/);
  });
});

describe("certificateForViewer", () => {
  it("shows the certificate to its holder, a trainer of its scheme and an admin", async () => {
    const { carer, trainer, admin } = await setup();
    const cert = await issue(carer);
    const own = (await certificateForViewer(viewerOf(carer), cert.id))!;
    expect(own).toMatchObject({ id: cert.id, isOwner: true, canRevoke: false, status: "valid", formattedCode: formatCode(cert.code) });
    expect(own.verifyUrl).toBe(`http://localhost:3000/verify/${formatCode(cert.code)}`);
    expect(own.schemeName).toMatch(/^Scheme /);
    expect(await certificateForViewer(viewerOf(trainer), cert.id)).toMatchObject({ isOwner: false, canRevoke: true });
    expect(await certificateForViewer(viewerOf(admin), cert.id)).toMatchObject({ isOwner: false, canRevoke: true });
  });

  it("refuses another carer of the same scheme and a trainer of another scheme", async () => {
    const { carer, otherCarer, otherTrainer } = await setup();
    const cert = await issue(carer);
    await expect(certificateForViewer(viewerOf(otherCarer), cert.id)).rejects.toThrow(NotAllowed);
    await expect(certificateForViewer(viewerOf(otherTrainer), cert.id)).rejects.toThrow(NotAllowed);
  });

  it("returns null for an id that does not exist", async () => {
    const { carer } = await setup();
    expect(await certificateForViewer(viewerOf(carer), 999)).toBeNull();
    expect(await certificateForViewer(viewerOf(carer), -1)).toBeNull();
    expect(await certificateForViewer(viewerOf(carer), Number.NaN)).toBeNull();
  });

  it("gives the PDF to the same people only", async () => {
    const { carer, otherCarer } = await setup();
    const cert = await issue(carer);
    const result = await certificatePdf(viewerOf(carer), cert.id);
    expect(result!.filename).toBe("shared-lives-certificate-carys-carer-2026-03-14.pdf");
    expect(result!.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await expect(certificatePdf(viewerOf(otherCarer), cert.id)).rejects.toThrow(NotAllowed);
  });
});

describe("revoke", () => {
  it("by a trainer of another scheme is refused and changes nothing", async () => {
    const { carer, otherTrainer } = await setup();
    const cert = await issue(carer);
    const before = await rowCounts(db);
    await expect(revoke(viewerOf(otherTrainer), cert.id, "Not mine to revoke")).rejects.toThrow(NotAllowed);
    expect(await rowCounts(db)).toEqual(before);
    expect((await findCertificateByCode(cert.code))!.revokedAt).toBeNull();
  });

  it("by the holder or another carer is refused and changes nothing", async () => {
    const { carer, otherCarer } = await setup();
    const cert = await issue(carer);
    const before = await rowCounts(db);
    await expect(revoke(viewerOf(carer), cert.id, "I want to")).rejects.toThrow(NotAllowed);
    await expect(revoke(viewerOf(otherCarer), cert.id, "I want to")).rejects.toThrow(NotAllowed);
    await expect(revoke(viewerOf(otherCarer), 999, "No such certificate")).rejects.toThrow(NotAllowed);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("by the scheme's trainer revokes it with an audit entry; the public check then says revoked", async () => {
    const { carer, trainer, scheme } = await setup();
    const cert = await issue(carer);
    expect(await revoke(viewerOf(trainer), cert.id, "  Issued to the wrong person  ")).toEqual({ ok: true, holderName: "Carys Carer" });
    const stored = (await findCertificateByCode(cert.code))!;
    expect(stored.revokedBy).toBe(trainer.id);
    expect(stored.revokedReason).toBe("Issued to the wrong person");
    expect(stored.revokedAt?.toISOString()).toBe("2026-06-01T12:00:00.000Z");
    expect((await verifyCode(cert.code))!.status).toBe("revoked");
    const [entry] = await listAudit({ action: "revoked-certificate", limit: 5 });
    expect(entry).toMatchObject({ actorId: trainer.id, schemeId: scheme.id, subjectPersonId: carer.id, details: { certificateId: cert.id, reason: "Issued to the wrong person" } });
  });

  it("a second time says so and adds no audit entry", async () => {
    const { carer, trainer, admin } = await setup();
    const cert = await issue(carer);
    await revoke(viewerOf(trainer), cert.id, "First");
    const before = await rowCounts(db);
    expect(await revoke(viewerOf(admin), cert.id, "Second")).toEqual({ ok: false, message: "This certificate has already been revoked." });
    expect(await rowCounts(db)).toEqual(before);
    expect((await findCertificateByCode(cert.code))!.revokedReason).toBe("First");
  });

  it("needs a reason", async () => {
    const { carer, trainer } = await setup();
    const cert = await issue(carer);
    await expect(revoke(viewerOf(trainer), cert.id, "   ")).rejects.toThrow(/reason/);
    expect((await findCertificateByCode(cert.code))!.revokedAt).toBeNull();
  });
});

describe("refresherFor", () => {
  it("reads the latest live certificate and any retraining mark, for the person and their trainer only", async () => {
    const { carer, trainer, otherTrainer } = await setup();
    expect((await refresherFor(viewerOf(carer), carer.id)).state.status).toBe("not-started");
    const cert = await issue(carer);
    expect(await refresherFor(viewerOf(carer), carer.id)).toMatchObject({
      certificate: { id: cert.id },
      state: { status: "complete", windowOpensOn: "2027-01-13", dueOn: "2027-03-14" },
    });
    await writeTransaction(async (tx) => await tx.insert(retrainVersions).values({ contentVersion: "2026.1", markedAt: new Date("2026-05-20T09:00:00Z"), markedBy: null }));
    expect((await refresherFor(viewerOf(trainer), carer.id)).state).toEqual({ status: "due-soon", windowOpensOn: "2026-05-20", dueOn: "2026-07-19" });
    await expect(refresherFor(viewerOf(otherTrainer), carer.id)).rejects.toThrow(NotAllowed);
  });
});
