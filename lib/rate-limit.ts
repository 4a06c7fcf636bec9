// An in-memory token bucket per key (a client address), pure: the caller passes the time, so tests
// move it freely. One process only; a site behind several processes would need a shared store.

export type TokenBucketOptions = {
  /** Most requests allowed at once (the bucket's size). */
  capacity: number;
  /** Tokens added back per millisecond; capacity / 60_000 refills the bucket in a minute. */
  refillPerMs: number;
  /** Keys kept at most; beyond it, the least recently used are forgotten (they start full again). */
  maxKeys?: number;
};

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterMs: number };

export type TokenBucket = {
  take(key: string, atMs: number): TakeResult;
  /** For tests. */
  size(): number;
};

export function createTokenBucket({ capacity, refillPerMs, maxKeys = 10_000 }: TokenBucketOptions): TokenBucket {
  if (!(capacity >= 1) || !(refillPerMs > 0)) throw new Error("capacity must be at least 1 and refillPerMs above 0");
  // Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  const buckets = new Map<string, { tokens: number; at: number }>();

  return {
    take(key, atMs) {
      const found = buckets.get(key);
      // A clock that steps back never adds tokens.
      const tokens = found ? Math.min(capacity, found.tokens + Math.max(0, atMs - found.at) * refillPerMs) : capacity;
      const at = found ? Math.max(found.at, atMs) : atMs;
      buckets.delete(key);
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, at });
        while (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
        return { ok: true, remaining: Math.floor(tokens - 1) };
      }
      buckets.set(key, { tokens, at });
      return { ok: false, retryAfterMs: Math.ceil((1 - tokens) / refillPerMs) };
    },
    size: () => buckets.size,
  };
}

/**
 * Who is asking, for throttling: the nearest hop's address. x-forwarded-for's last entry is the one
 * added by the server or proxy next to us (earlier entries are whatever the client claimed);
 * x-real-ip otherwise; one shared key when neither is there.
 */
export function clientKey(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  const ip = last || headers.get("x-real-ip")?.trim();
  return ip ? ip.slice(0, 100) : "unknown";
}

const globalBuckets = globalThis as unknown as { sharedLivesBuckets?: Map<string, TokenBucket> };

/** One bucket per name for the life of the process (kept across hot reloads in development). */
export function sharedBucket(name: string, options: TokenBucketOptions): TokenBucket {
  globalBuckets.sharedLivesBuckets ??= new Map();
  let bucket = globalBuckets.sharedLivesBuckets.get(name);
  if (!bucket) {
    bucket = createTokenBucket(options);
    globalBuckets.sharedLivesBuckets.set(name, bucket);
  }
  return bucket;
}

/** Public certificate checks: 30 a minute per address, refilling steadily. */
export const VERIFY_LIMIT: TokenBucketOptions = { capacity: 30, refillPerMs: 30 / 60_000 };
