// QR codes for the verification address: PNG for the PDF, SVG for the HTML certificate.
import QRCode from "qrcode";

const options = { errorCorrectionLevel: "M", margin: 2 } as const;

/** A PNG, about `width` pixels square, for pdfkit's doc.image(). */
export function qrPng(url: string, width = 300): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...options, type: "png", width });
}

/**
 * An SVG element as markup, hidden from assistive technology: the caller wraps it in an element
 * with role="img" and a label, and prints the address as text beside it. The markup comes only
 * from the qrcode package (paths and colours), never from user input.
 */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { ...options, type: "svg" });
  return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ');
}
