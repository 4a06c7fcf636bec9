// The matrix, as filtered, as a CSV download: the same query string as the matrix page.
import { getViewer } from "@/lib/auth/viewer";
import { plainText, seeOther } from "@/lib/form-post";
import { matrixCsv } from "@/lib/trainer/export";
import { parseMatrixFilters } from "@/lib/trainer/matrix";
import { NotAllowed, resolveScheme } from "@/lib/trainer/scope";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const viewer = await getViewer();
  if (!viewer) return seeOther(`/sign-in?next=${encodeURIComponent(`/trainer/matrix${url.search}`)}`);
  try {
    const scope = await resolveScheme(viewer, url.searchParams.get("scheme") ?? undefined);
    if (!scope) return plainText(400, "Choose a scheme first: /trainer/matrix");
    const { filename, csv } = await matrixCsv(viewer, scope.id, parseMatrixFilters(url.searchParams));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotAllowed) return plainText(403, "You do not have access to this scheme's training matrix.");
    throw error;
  }
}
