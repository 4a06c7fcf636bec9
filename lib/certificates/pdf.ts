import "server-only";
// The certificate as a PDF: A4 portrait, the standard Helvetica fonts (nothing to embed), tagged
// for screen readers (headings, paragraphs, the QR code as a figure with alternative text), with a
// QR code and the printed address of the public verification page.
import PDFDocument from "pdfkit";
import { now } from "../clock";
import { formatLongDate } from "../dates";
import { formatCode } from "./code";
import { qrPng } from "./qr";

export type CertificatePdfData = {
  holderName: string;
  courseTitle: string;
  modules: { title: string; completedOn: string; assisted: boolean; route?: "supported" | "paper" }[];
  issuedOn: string;
  expiresOn: string;
  /** Canonical or formatted; printed in groups of four. */
  code: string;
  contentVersion: string;
  schemeName: string;
  /** The scheme's phone and email, as it gave them (issue 15); null when it gave none. */
  schemeContact?: string | null;
  verifyUrl: string;
};

const INK = "#0b0c0c";
const MUTED = "#484949";
const BRAND = "#1d4f91";

/**
 * The standard PDF fonts only cover Windows-1252 (Western European) characters. Letters outside it
 * (say "Ł" or "ő") are written without their accent, and anything else as "?", rather than as
 * garbage; the HTML certificate shows the name exactly.
 */
const NO_DECOMPOSITION: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", Ŧ: "T", ŧ: "t" };

export function toWinAnsi(text: string): string {
  const cp1252Extras = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || cp1252Extras.includes(ch)) {
      out += ch;
      continue;
    }
    const base = (NO_DECOMPOSITION[ch] ?? ch).normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    out += base && [...base].every((c) => c.codePointAt(0)! < 0x7f) ? base : ch === "\n" ? " " : "?";
  }
  return out;
}

export async function renderCertificatePdf(data: CertificatePdfData): Promise<Buffer> {
  const qr = await qrPng(data.verifyUrl, 360);
  const code = formatCode(data.code);
  const holder = toWinAnsi(data.holderName);
  const course = toWinAnsi(data.courseTitle);
  const scheme = toWinAnsi(data.schemeName);

  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 64, bottom: 56, left: 64, right: 64 },
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    info: {
      // Document information strings are Unicode: the names go in exactly as they are.
      Title: `Certificate: ${data.courseTitle} – ${data.holderName}`,
      Author: data.schemeName,
      Subject: `Certificate of completion, ${data.courseTitle}, issued ${formatLongDate(data.issuedOn)}, valid until ${formatLongDate(data.expiresOn)}`,
      Keywords: `certificate, Shared Lives, ${code}`,
      Creator: "Shared Lives training",
      CreationDate: now(),
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const pageHeight = doc.page.height;

  // Decoration: a border and a band at the top. Marked as an artifact so screen readers skip it.
  doc.markContent("Artifact", { type: "Layout" });
  doc.lineWidth(3).strokeColor(BRAND).rect(24, 24, doc.page.width - 48, pageHeight - 48).stroke();
  doc.lineWidth(0.75).rect(30, 30, doc.page.width - 60, pageHeight - 60).stroke();
  doc.endMarkedContent();

  const root = doc.struct("Document");
  doc.addStructure(root);
  const block = (tag: string, draw: () => unknown) =>
    root.add(
      doc.struct(tag, {}, () => {
        draw();
      }),
    );

  doc.y = 72;
  block("P", () => doc.font("Helvetica").fontSize(11).fillColor(MUTED).text(`${scheme} · Shared Lives training`, left, doc.y, { width, align: "center" }));
  doc.moveDown(1.2);
  block("H1", () => doc.font("Helvetica-Bold").fontSize(26).fillColor(BRAND).text("Certificate of completion", { width, align: "center" }));
  doc.moveDown(1.2);
  block("P", () => doc.font("Helvetica").fontSize(13).fillColor(INK).text("This certifies that", { width, align: "center" }));
  doc.moveDown(0.4);
  // The name on one line if it can be: long names get a smaller size, down to 18 points.
  let nameSize = 28;
  while (nameSize > 18 && doc.font("Helvetica-Bold").fontSize(nameSize).widthOfString(holder) > width) nameSize -= 1;
  block("P", () => doc.font("Helvetica-Bold").fontSize(nameSize).fillColor(INK).text(holder, { width, align: "center" }));
  doc.moveDown(0.4);
  block("P", () => doc.font("Helvetica").fontSize(13).text("has completed the course", { width, align: "center" }));
  doc.moveDown(0.4);
  block("P", () => doc.font("Helvetica-Bold").fontSize(17).text(course, { width, align: "center" }));
  doc.moveDown(1.4);

  block("H2", () => doc.font("Helvetica-Bold").fontSize(13).fillColor(BRAND).text("Modules completed", left, doc.y, { width }));
  doc.moveDown(0.3);
  for (const m of data.modules) {
    const how = m.assisted
      ? " (assisted: completed on paper with a Shared Lives officer)"
      : m.route === "supported"
        ? " (in a supported session with a Shared Lives officer)"
        : m.route === "paper"
          ? " (on paper, scored, entered by a Shared Lives officer)"
          : "";
    block("P", () =>
      doc
        .font("Helvetica-Bold")
        .fontSize(11.5)
        .fillColor(INK)
        .text(toWinAnsi(m.title), left, doc.y, { width, continued: true })
        .font("Helvetica")
        .text(`, completed ${formatLongDate(m.completedOn)}${how}`),
    );
    doc.moveDown(0.25);
  }
  doc.moveDown(1);

  const rows: [string, string][] = [
    ["Issued on", formatLongDate(data.issuedOn)],
    ["Valid until", formatLongDate(data.expiresOn)],
    ["Course version", toWinAnsi(data.contentVersion)],
    ["Issued by", scheme],
    ...(data.schemeContact ? [["Scheme contact", toWinAnsi(data.schemeContact)] as [string, string]] : []),
  ];
  for (const [label, value] of rows) {
    block("P", () =>
      doc.font("Helvetica-Bold").fontSize(11.5).fillColor(INK).text(`${label}: `, left, doc.y, { width, continued: true }).font("Helvetica").text(value),
    );
    doc.moveDown(0.2);
  }
  doc.moveDown(0.6);
  block("P", () => doc.font("Helvetica-Bold").fontSize(11.5).text("Certificate code: ", left, doc.y, { width, continued: true }).font("Helvetica-Bold").fontSize(13).text(code));

  // The QR code and the address, at the foot of the page.
  const qrSize = 112;
  const footTop = pageHeight - 56 - qrSize - 8;
  // Never draw over the text: if it ran long, the check goes on a page of its own.
  if (doc.y > footTop - 12) doc.addPage();
  root.add(
    doc.struct("Figure", { alt: `QR code linking to ${data.verifyUrl}` }, () => {
      doc.image(qr, left, footTop, { width: qrSize, height: qrSize });
    }),
  );
  const textLeft = left + qrSize + 16;
  const textWidth = width - qrSize - 16;
  doc.y = footTop + 14;
  block("H2", () => doc.font("Helvetica-Bold").fontSize(12).fillColor(BRAND).text("Check this certificate", textLeft, doc.y, { width: textWidth }));
  doc.moveDown(0.3);
  block("P", () =>
    doc
      .font("Helvetica")
      .fontSize(10.5)
      .fillColor(INK)
      .text("Anyone can check that this certificate is genuine and in date. Scan the QR code or go to:", textLeft, doc.y, { width: textWidth }),
  );
  doc.moveDown(0.3);
  block("P", () => doc.font("Helvetica").fontSize(9.5).fillColor(BRAND).text(data.verifyUrl, textLeft, doc.y, { width: textWidth, link: data.verifyUrl, underline: true }));

  root.end();
  doc.end();
  return done;
}
