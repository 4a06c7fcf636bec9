import { z } from "zod";
import { idText, routeHandler } from "@/lib/actions/route-handler";
import { certificatePdf } from "@/lib/certificates/access";
import { plainText } from "@/lib/form-post";

// The certificate as a PDF download, for the same people who may open the certificate page.
export const GET = routeHandler(
  {
    access: "signed-in",
    params: z.object({ id: idText }),
    signInReturn: ({ id }) => (typeof id === "string" && /^[1-9]\d{0,11}$/.test(id) ? `/certificates/${id}` : "/my"),
    forbidden: "You do not have access to this certificate.",
    notFound: "Certificate not found",
  },
  async ({ viewer, params }) => {
    const result = await certificatePdf(viewer, params.id);
    if (!result) return plainText(404, "Certificate not found");
    return new Response(new Uint8Array(result.pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${result.filename}"`,
        "Content-Length": String(result.pdf.length),
        // Personal data: never kept by a shared cache.
        "Cache-Control": "private, no-store",
      },
    });
  },
);
