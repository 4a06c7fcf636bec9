// Load with autocannon, keeping every response time so any percentile can be read off.
import autocannon from "autocannon";

export type LoadRequest = {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
};

export type LoadSpec = {
  url: string;
  /** Either one fixed request, or a function that makes the n-th one (to rotate people, ids…). */
  request: LoadRequest | ((n: number) => LoadRequest);
  connections: number;
  seconds: number;
};

export type LoadResult = {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
  /** Every response time, sorted (dropped from the saved JSON). */
  times?: number[];
};

/** Several runs of the same request taken together, as if one. */
export function merge(runs: LoadResult[]): LoadResult {
  const times = runs.flatMap((r) => r.times ?? []).sort((a, b) => a - b);
  const requests = runs.reduce((s, r) => s + r.requests, 0);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    requests,
    seconds,
    rps: seconds ? requests / seconds : 0,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    statuses,
    errors: runs.reduce((s, r) => s + r.errors, 0),
    timeouts: runs.reduce((s, r) => s + r.timeouts, 0),
    bytesPerResponse: requests ? runs.reduce((s, r) => s + r.bytesPerResponse * r.requests, 0) / requests : 0,
    times,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function load(spec: LoadSpec): Promise<LoadResult> {
  const times: number[] = [];
  let bytes = 0;
  let n = 0;
  const dynamic = typeof spec.request === "function" ? spec.request : null;
  const fixed = dynamic ? dynamic(0) : (spec.request as LoadRequest);
  const options: autocannon.Options = {
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: 30,
    method: fixed.method ?? "GET",
    headers: fixed.headers,
    body: fixed.body,
    requests: [
      dynamic
        ? {
            setupRequest: (req: autocannon.Request) => {
              const r = dynamic(n++);
              return { ...req, method: r.method ?? "GET", path: r.path, headers: r.headers ?? {}, body: r.body } as autocannon.Request;
            },
          }
        : { method: fixed.method ?? "GET", path: fixed.path, headers: fixed.headers, body: fixed.body },
    ],
  };
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
      times.push(responseTime);
      bytes += resBytes;
    });
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count ?? 0;
  return {
    requests: times.length,
    seconds: result.duration ?? seconds,
    rps: times.length / (result.duration ?? seconds),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: times.length ? bytes / times.length : 0,
    times,
  };
}

export type SequentialResult = { p50: number; p95: number; max: number; statuses: Record<string, number>; floor: { p50: number; p95: number } };

/**
 * One request at a time, `count` times: the latency one person sees when the site is not busy.
 * A request for `floorPath` goes between each, so the report can say how fast a bare page was
 * answering meanwhile (when that is slow too, the machine was busy with other work).
 */
export async function sequential(url: string, make: (n: number) => LoadRequest, count: number, floorPath: string): Promise<SequentialResult> {
  const times: number[] = [];
  const floor: number[] = [];
  const statuses: Record<string, number> = {};
  const timed = async (r: LoadRequest) => {
    const body = typeof r.body === "string" || r.body === undefined ? r.body : new Uint8Array(r.body);
    const t = process.hrtime.bigint();
    const res = await fetch(new URL(r.path, url), { method: r.method ?? "GET", headers: r.headers, body, redirect: "manual" });
    await res.arrayBuffer();
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: res.status };
  };
  for (let i = 0; i < count; i++) {
    const page = await timed(make(i));
    times.push(page.ms);
    statuses[page.status] = (statuses[page.status] ?? 0) + 1;
    floor.push((await timed({ path: floorPath })).ms);
  }
  times.sort((a, b) => a - b);
  floor.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? NaN, statuses, floor: { p50: percentile(floor, 50), p95: percentile(floor, 95) } };
}
