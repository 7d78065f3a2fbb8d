/**
 * Fixed one-minute windows of request counts per key, in memory. Cheap and
 * predictable; the price is that a burst at a window's edge may get up to
 * twice the limit through, which is fine for protecting one process. (Several
 * API processes each count on their own.)
 */
export interface WindowVerdict {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Whole seconds until the window resets. */
  readonly retryAfterSeconds: number;
}

interface Window {
  start: number;
  count: number;
}

/** Beyond this many keys, expired windows are swept so the map cannot grow without bound. */
const SWEEP_AT = 10_000;

export class FixedWindowCounter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one request for `key` and says whether it is within the limit. */
  hit(key: string): WindowVerdict {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (!w && this.windows.size >= SWEEP_AT) this.sweep(now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    const retryAfterSeconds = Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
    return { allowed: w.count <= this.limit, limit: this.limit, remaining: Math.max(0, this.limit - w.count), retryAfterSeconds };
  }

  /** Whether `key` is already over the limit, without counting. */
  peek(key: string): WindowVerdict | undefined {
    const w = this.windows.get(key);
    const now = this.now();
    if (!w || now - w.start >= this.windowMs || w.count < this.limit) return undefined;
    return { allowed: false, limit: this.limit, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) };
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
