import type { FaultKind, RuntimeConfig, ThrottleMode } from "../config";
import { type ErrorEnvelope, errorEnvelope } from "../core/errors";
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

export function latencyFor(config: RuntimeConfig, rng: Rng): number {
  const jitter = config.jitterMs > 0 ? rng.next() * config.jitterMs : 0;
  return config.latencyMs + jitter;
}

/**
 * The answer to a request over the in-flight cap. Workfront's throttle signal is undocumented
 * (workfront-api.md §5, §11); each mode is a guess a client must survive: 429 with `Retry-After`,
 * or a 500/503 without it whose only hint is a message about the concurrent request limit.
 */
export function throttleAnswer(
  mode: ThrottleMode,
  cap: number,
): { status: number; body: ErrorEnvelope; headers: Record<string, string> } {
  const message = `The concurrent API request limit (${cap}) for this customer has been reached. Retry later.`;
  if (mode === "429")
    return { status: 429, body: errorEnvelope("throttled", message), headers: { "retry-after": "1" } };
  return { status: Number(mode), body: errorEnvelope("internal", message), headers: {} };
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
