import "server-only";
import { logger as appLogger } from "@/lib/logger";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { defaultOwner } from "@/lib/jobs/worker";
import { type RunnerSettings, type TickReport, runTick } from "./runner";

export interface ScheduleRunnerOptions {
  /** Fixed deps (tests), or resolved per tick (the app: follows a connection made in Settings). */
  deps: OffboardingDeps | (() => Promise<OffboardingDeps>);
  owner?: string;
  leaseMs?: number;
  batch?: number;
  concurrency?: number;
  /** Backoff after Workfront was unreachable: base · 2^n, capped (defaults 5 s, 5 min). */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** How often a credential pause tries the credential again (default 10 s; 0: every tick). */
  probeMs?: number;
  /** The clock that spaces the probes out (tests inject one; due times use the database's). */
  now?: () => number;
}

export interface ScheduleRunner {
  readonly owner: string;
  /** One pass (tests drive it directly: no sleeping, no wall clock). Never two at once per runner. */
  tick(): Promise<TickReport>;
}

export function createScheduleRunner(options: ScheduleRunnerOptions): ScheduleRunner {
  const source = options.deps;
  const resolveDeps = typeof source === "function" ? source : () => Promise.resolve(source);
  const base = options.retryBaseMs ?? 5_000;
  const cap = options.retryCapMs ?? 300_000;
  const settings: RunnerSettings = {
    owner: options.owner ?? `schedule:${defaultOwner()}`,
    leaseMs: options.leaseMs ?? 60_000,
    batch: options.batch ?? 50,
    concurrency: options.concurrency ?? 4,
    retryDelayMs: (attempts) => Math.min(cap, base * 2 ** Math.max(0, attempts - 1)),
  };
  const probeMs = options.probeMs ?? 10_000;
  const now = options.now ?? Date.now;
  let lastProbe = -Infinity;
  let running: Promise<TickReport> | null = null;
  return {
    owner: settings.owner,
    tick() {
      const probe = now() - lastProbe >= probeMs;
      if (probe) lastProbe = now();
      running ??= (async () => runTick(await resolveDeps(), settings, { probe }))().finally(() => {
        running = null;
      });
      return running;
    },
  };
}

export interface ScheduleLoop {
  wake(): void;
  stop(): Promise<void>;
}

/**
 * The runner in a loop: a tick, then a pause of `pollMs` (or until woken, e.g. when a schedule is
 * made for the next seconds). A tick that claimed a full batch is followed by another at once.
 */
export function startScheduleLoop(runner: ScheduleRunner, options: { pollMs: number; logger?: Pick<typeof appLogger, "warn" | "info"> }): ScheduleLoop {
  const log = options.logger ?? appLogger.child({ module: "schedule", owner: runner.owner });
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  // A wake() during a tick is kept: the next tick follows at once instead of after pollMs.
  let woken = false;
  const loop = (async () => {
    while (!stopped) {
      woken = false;
      try {
        const report = await runner.tick();
        if (report.ran || report.failed || report.held || report.overdue || report.paused || report.resumed) log.info({ ...report }, "scheduled deactivations");
        if (report.claimed > 0 && report.retried === 0 && report.paused === 0) continue;
      } catch (error) {
        log.warn({ err: error }, "the schedule runner's tick failed; it tries again");
      }
      if (woken || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs);
        timer.unref?.();
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  })();
  return {
    wake: () => {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
    },
  };
}
