// The matrix, as filtered, as a CSV download: the same query string as the matrix page.
import { routeHandler } from "@/lib/actions/route-handler";
import { plainText } from "@/lib/form-post";
import { matrixCsv } from "@/lib/trainer/export";
import { parseMatrixFilters } from "@/lib/trainer/matrix";
import { resolveScheme } from "@/lib/trainer/scope";

export const dynamic = "force-dynamic";

export const GET = routeHandler(
  {
    access: ["trainer", "admin"],
    signInReturn: (_params, request) => `/trainer/matrix${new URL(request.url).search}`,
    forbidden: "You do not have access to this scheme's training matrix.",
  },
  // The filters are read by parseMatrixFilters, the matrix page's own reader, which ignores
  // anything it does not know rather than refusing it (a stale bookmark still gives a CSV).
  async ({ viewer, request }) => {
    const searchParams = new URL(request.url).searchParams;
    const scope = await resolveScheme(viewer, searchParams.get("scheme") ?? undefined);
    if (!scope) return plainText(400, "Choose a scheme first: /trainer/matrix");
    const { filename, csv } = await matrixCsv(viewer, scope.id, parseMatrixFilters(searchParams));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
