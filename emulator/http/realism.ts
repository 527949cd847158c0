import type { FaultKind, RuntimeConfig } from "../config";
import type { Rng } from "../core/rng";

/**
 * Latency and injected faults. Faults are drawn from a seeded RNG so a failing run can be
 * replayed with the same seed and the same request order.
 *
 * When each fault strikes, relative to the work:
 * - error500, html502, reset, hang: before the request is handled — it has no effect;
 * - malformedJson: after — the change is applied but the answer is unreadable.
 */
export const FAULTS_BEFORE_WORK: ReadonlySet<FaultKind> = new Set(["error500", "html502", "reset", "hang"]);

export function latencyFor(config: RuntimeConfig, rng: Rng, batchUris: number): number {
  const jitter = config.jitterMs > 0 ? rng.next() * config.jitterMs : 0;
  return config.latencyMs + jitter + batchUris * config.batchUriCostMs;
}

export function pickFault(config: RuntimeConfig, rng: Rng): FaultKind | null {
  if (config.faultRate <= 0 || config.faultKinds.length === 0) return null;
  if (rng.next() >= config.faultRate) return null;
  return rng.pick(config.faultKinds);
}

/** Sleeps, but wakes early (resolving false) when the server is closing. */
export function sleep(ms: number, closing: AbortSignal): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!closing.aborted);
  return new Promise((resolve) => {
    if (closing.aborted) return resolve(false);
    const timer = setTimeout(() => {
      closing.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    closing.addEventListener("abort", onAbort, { once: true });
  });
}
