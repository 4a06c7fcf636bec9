import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { describe, expect, it } from "vitest";
import { formatCode, newCertificateCode } from "@/lib/certificates/code";
import { renderCertificatePdf, toWinAnsi } from "@/lib/certificates/pdf";

const code = newCertificateCode();
const data = {
  holderName: "Amara Okafor-Jones",
  courseTitle: "Confidentiality and information sharing",
  modules: [
    { title: "The seven golden rules of information sharing", completedOn: "2026-03-02", assisted: false },
    { title: "Confidentiality for Shared Lives carers", completedOn: "2026-03-09", assisted: true },
    { title: "The triangle of care", completedOn: "2026-03-14", assisted: false },
  ],
  issuedOn: "2026-03-14",
  expiresOn: "2027-03-14",
  code,
  contentVersion: "2026.1",
  schemeName: "Northshire Shared Lives",
  verifyUrl: `http://localhost:3000/verify/${formatCode(code)}`,
};

async function textOf(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(doc, { mergePages: true });
  const meta = await getMeta(doc);
  return { text: text.replace(/\s+/g, " "), totalPages, meta };
}

describe("certificate PDF", () => {
  it("shows the scheme's contact when the scheme gave one, on the same one page (issue 15)", async () => {
    const { text, totalPages } = await textOf(await renderCertificatePdf({ ...data, schemeContact: "0300 123 4567, team@northshire.example" }));
    expect(totalPages).toBe(1);
    expect(text).toContain("Issued by: Northshire Shared Lives");
    expect(text).toContain("Scheme contact: 0300 123 4567, team@northshire.example");
    expect((await textOf(await renderCertificatePdf(data))).text).not.toContain("Scheme contact");
  });

  it("is a one-page PDF whose text has the name, course, code, dates, modules and verification address", async () => {
    const pdf = await renderCertificatePdf(data);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, totalPages, meta } = await textOf(pdf);
    expect(totalPages).toBe(1);
    expect(text).toContain("Amara Okafor-Jones");
    expect(text).toContain("Confidentiality and information sharing");
    expect(text).toContain(formatCode(code));
    expect(text).toContain(data.verifyUrl);
    expect(text).toContain("14 March 2027");
    expect(text).toContain("The triangle of care");
    expect(text).toMatch(/Confidentiality for Shared Lives carers, completed 9 March 2026 \(assisted/);
    expect((meta.info as { Title?: string }).Title).toBe("Certificate: Confidentiality and information sharing – Amara Okafor-Jones");
  });

  it("copes with a long name and many modules on one page", async () => {
    const pdf = await renderCertificatePdf({
      ...data,
      holderName: "Bartholomew Maximilian Fotheringham-Worthington-Smythe",
      modules: [...data.modules, ...data.modules],
    });
    const { text, totalPages } = await textOf(pdf);
    expect(totalPages).toBe(1);
    // Shrunk to fit one line where it can; wrapped (at the hyphen) where it cannot.
    expect(text).toMatch(/Bartholomew Maximilian Fotheringham-Worthington- ?Smythe/);
  });

  it("writes names outside Windows-1252 without crashing", async () => {
    expect(toWinAnsi("Zoë Łukasz Ő")).toBe("Zoë Lukasz O");
    expect(toWinAnsi("李")).toBe("?");
    const pdf = await renderCertificatePdf({ ...data, holderName: "Łucja Wiśniewska" });
    const { text, meta } = await textOf(pdf);
    expect(text).toContain("Lucja Wisniewska");
    // The document's title keeps the name exactly.
    expect((meta.info as { Title?: string }).Title).toContain("Łucja Wiśniewska");
  });
});
