// GET /health: 200 when this instance's database answers, 503 when it does not. For load
// balancers and uptime checks: no data, no session (the wrapper is told not to load a viewer, as
// that would itself need the database).
import { routeHandler } from "@/lib/actions/route-handler";
import { databaseHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export const GET = routeHandler({ access: "public", loadViewer: false }, async () => {
  const health = await databaseHealth();
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (health.ok) return new Response("ok\n", { status: 200, headers });
  return new Response(`database ${health.reason === "timeout" ? "not answering" : "unavailable"}\n`, { status: 503, headers });
});
