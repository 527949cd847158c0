import "server-only";
import { logger as appLogger } from "@/lib/logger";
import {
  type ReconcileDeps,
  type ReconcileLogger,
  type ReconcileReport,
  reconcileInterrupted,
} from "./reconcile";

export const DEFAULT_INTERVAL_MS = 5 * 60_000;

export interface AuditReconciler {
  /** Runs a pass now, unless one is running (then waits for that one). */
  runNow(): Promise<ReconcileReport | null>;
  /** No further runs; resolves once a run in progress has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `reconcileInterrupted` at once and then every `intervalMs` on an unref'd timer (it never
 * keeps a process alive). `deps` is resolved per run, so it follows the Workfront connection.
 */
export function startAuditReconciler(options: {
  deps: () => Promise<ReconcileDeps>;
  intervalMs?: number;
  graceMs?: number;
  logger?: ReconcileLogger;
}): AuditReconciler {
  const log = options.logger ?? appLogger.child({ module: "audit-reconcile" });
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  let running: Promise<ReconcileReport | null> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const runNow = () =>
    (running ??= (async () => {
      try {
        return await reconcileInterrupted(await options.deps(), { graceMs: options.graceMs, logger: log });
      } catch (error) {
        log.error({ err: error }, "reconciling interrupted audit rows failed; trying again later");
        return null;
      } finally {
        running = undefined;
      }
    })());

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void runNow().finally(schedule), intervalMs);
    timer.unref?.();
  };
  void runNow().finally(schedule);

  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
