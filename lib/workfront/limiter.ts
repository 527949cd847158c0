/**
 * Caps the requests in flight to one Workfront tenant. Workfront limits concurrent API threads per
 * customer (historically 10), so every caller in the process shares one limiter per tenant. When
 * Workfront throttles, the limiter halves its effective cap, then grows back one slot at a time as
 * requests succeed (additive increase, multiplicative decrease).
 *
 * One throttling episode halves the cap once: the requests already in flight when the cap was
 * halved were sent under the old cap, so their throttles say nothing new (six simultaneous 429s
 * used to take 10 down to 1). New starts are not paused for the whole tenant: the lower cap is
 * what relieves it, and each throttled request waits out its own Retry-After before its retry.
 */
export interface Slot {
  /** Frees the slot (once; a second call does nothing). */
  release(): void;
  /** The request succeeded: the cap may grow back. */
  succeeded(): void;
  /** The tenant throttled this request: the cap halves, unless it already did since it started. */
  throttled(): void;
}

interface Waiter {
  resolve: (slot: Slot) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export interface LimiterStats {
  max: number;
  limit: number;
  active: number;
  queued: number;
  peak: number;
}

export class InFlightLimiter {
  private active = 0;
  private peak = 0;
  private limit: number;
  private successesSinceGrowth = 0;
  /** Counts the cap's decreases; a slot remembers the one it started in. */
  private episode = 0;
  private readonly waiters: Waiter[] = [];

  constructor(private max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError("maxInFlight must be a positive integer");
    this.limit = max;
  }

  setMax(max: number): void {
    if (!Number.isInteger(max) || max < 1) throw new RangeError("maxInFlight must be a positive integer");
    this.max = max;
    this.limit = Math.min(this.limit, max);
    this.drain();
  }

  /** Resolves with a slot once one is free; rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<Slot> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(signal.reason);
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
      this.drain();
    });
  }

  private onThrottle(startedIn: number): void {
    if (startedIn !== this.episode) return;
    this.episode += 1;
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.successesSinceGrowth = 0;
  }

  private onSuccess(): void {
    if (this.limit >= this.max) return;
    this.successesSinceGrowth += 1;
    if (this.successesSinceGrowth >= this.limit) {
      this.limit += 1;
      this.successesSinceGrowth = 0;
      this.drain();
    }
  }

  stats(): LimiterStats {
    return { max: this.max, limit: this.limit, active: this.active, queued: this.waiters.length, peak: this.peak };
  }

  private drain(): void {
    while (this.active < this.limit && this.waiters.length > 0) {
      const waiter = this.waiters.shift()!;
      if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
      this.active += 1;
      this.peak = Math.max(this.peak, this.active);
      waiter.resolve(this.slot());
    }
  }

  private slot(): Slot {
    const startedIn = this.episode;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.active -= 1;
        this.drain();
      },
      succeeded: () => this.onSuccess(),
      throttled: () => this.onThrottle(startedIn),
    };
  }
}

// Kept on globalThis so that every route bundle and hot reload in one process shares the limiter.
const registryKey = Symbol.for("wf-offboard.workfront.limiters");
type Registry = Map<string, InFlightLimiter>;
const globalRegistry = globalThis as typeof globalThis & { [registryKey]?: Registry };

/** The process-wide limiter of a tenant (keyed by its origin). */
export function tenantLimiter(tenant: string, maxInFlight: number): InFlightLimiter {
  const registry = (globalRegistry[registryKey] ??= new Map());
  let limiter = registry.get(tenant);
  if (!limiter) {
    limiter = new InFlightLimiter(maxInFlight);
    registry.set(tenant, limiter);
  } else {
    limiter.setMax(maxInFlight);
  }
  return limiter;
}
