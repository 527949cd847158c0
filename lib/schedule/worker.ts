import "server-only";
import { logger as appLogger } from "@/lib/logger";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { defaultOwner } from "@/lib/jobs/worker";
import { MAX_OBJECTS_PER_REQUEST } from "@/lib/workfront";
import type { BatchSetting } from "./run-batch";
import { type RunnerSettings, type TickReport, runTick } from "./runner";

export interface ScheduleRunnerOptions {
  /** Fixed deps (tests), or resolved per tick (the app: follows a connection made in Settings). */
  deps: OffboardingDeps | (() => Promise<OffboardingDeps>);
  owner?: string;
  leaseMs?: number;
  /** Schedules claimed per tick, run as one batch (default 1,000). */
  claimLimit?: number;
  /** People per chunk and chunks at once, as a bulk job's (JOBS_CHUNK_SIZE, JOBS_CONCURRENCY; defaults 50, 10). */
  chunkSize?: number;
  concurrency?: number;
  /** The job engine's write path (JOBS_WRITE_MODE, WORKFRONT_BATCH; defaults bulk, off). */
  writeMode?: "bulk" | "single";
  workfrontBatch?: BatchSetting;
  /** Backoff after Workfront was unreachable: base · 2^n, capped (defaults 5 s, 5 min). */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** How often a credential pause tries the credential again (default 10 s; 0: every tick). */
  probeMs?: number;
  /** The clock that spaces the probes out (tests inject one; due times use the database's). */
  now?: () => number;
}

/** The runner's options from the job worker's settings (lib/jobs/config.ts workerSettings): due schedules run as a job's items do. */
export function jobLikeOptions(settings: { chunkSize: number; concurrency: number; writeMode: "bulk" | "single"; batch: BatchSetting; probeMs: number }) {
  return { chunkSize: settings.chunkSize, concurrency: settings.concurrency, writeMode: settings.writeMode, workfrontBatch: settings.batch, probeMs: settings.probeMs };
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
    claimLimit: options.claimLimit ?? 1_000,
    chunkSize: Math.min(MAX_OBJECTS_PER_REQUEST, options.chunkSize ?? 50),
    concurrency: options.concurrency ?? 10,
    writeMode: options.writeMode ?? "bulk",
    batch: options.workfrontBatch ?? "off",
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
 * The runner in a loop: a tick, then a pause of `pollMs`, or until the next schedule is due if that
 * is sooner, or until woken (a schedule was made for the next seconds). A tick that claimed a full batch is followed by another at once.
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
      let pauseMs = options.pollMs;
      try {
        const report = await runner.tick();
        // The next schedule is due before the next poll: wake at its time (a few ms after, so that
        // the database's clock has passed it), not up to pollMs late.
        if (report.nextDueMs !== null) pauseMs = Math.min(pauseMs, report.nextDueMs + 5);
        if (report.ran || report.failed || report.held || report.overdue || report.paused || report.resumed) log.info({ ...report }, "scheduled deactivations");
        if (report.claimed > 0 && report.retried === 0 && report.paused === 0) continue;
      } catch (error) {
        log.warn({ err: error }, "the schedule runner's tick failed; it tries again");
      }
      if (woken || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pauseMs);
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
