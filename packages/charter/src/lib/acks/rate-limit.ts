/**
 * A token bucket per key (a reader, or an address for requests without one): `perMinute` requests
 * a minute on average, bursts of up to `perMinute` at once (a reader confirming a reading path's
 * steps one after another). Pure apart from the clock it is handed, so tests can drive it.
 */
export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the next request would be allowed (for Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(perMinute: number) {
    this.capacity = perMinute;
    this.perMs = perMinute / 60_000;
  }

  take(key: string, now: number): RateDecision {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  /** Forgets buckets that have filled up again: they would start full anyway. Keeps memory bounded by recent keys. */
  prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.capacity) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
