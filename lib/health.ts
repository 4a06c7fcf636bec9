import "server-only";
// What the load balancer's health check asks: does this instance reach its database? Nothing about
// anyone's data, and no session needed.
import { pingDatabase } from "@/db/queries/health";

/** How long the check waits for the database before calling it down: well inside a balancer's timeout. */
export const HEALTH_TIMEOUT_MS = 2_000;

export type Health = { ok: true; ms: number } | { ok: false; reason: "timeout" | "error" };

export async function databaseHealth(timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Health>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: "timeout" }), timeoutMs);
  });
  const ping = pingDatabase().then(
    (): Health => ({ ok: true, ms: Math.round(performance.now() - started) }),
    (): Health => ({ ok: false, reason: "error" }),
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
