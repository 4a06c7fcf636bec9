import { getViewer } from "@/lib/auth/viewer";
import { NotAllowed, certificatePdf } from "@/lib/certificates/access";

// The certificate as a PDF download, for the same people who may open the certificate page.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = /^[1-9]\d{0,11}$/.test(raw) ? Number(raw) : null;
  const viewer = await getViewer();
  if (!viewer) {
    const next = encodeURIComponent(id ? `/certificates/${id}` : "/my");
    return new Response(null, { status: 303, headers: { Location: `/sign-in?next=${next}` } });
  }
  if (!id) return new Response("Certificate not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

  let result;
  try {
    result = await certificatePdf(viewer, id);
  } catch (error) {
    if (error instanceof NotAllowed) {
      return new Response("You do not have access to this certificate.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
  if (!result) return new Response("Certificate not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

  return new Response(new Uint8Array(result.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${result.filename}"`,
      "Content-Length": String(result.pdf.length),
      // Personal data: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
