import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { inArray } from "drizzle-orm";
import { jobs } from "@/lib/db";
import { logger as appLogger } from "@/lib/logger";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { type ClaimedItem, claimItems, renewLeases } from "./claim";
import { loadJobContexts } from "./job-context";
import { processChunk } from "./process-chunk";
import { applyOutcomes, finishJobs } from "./record-outcomes";
import { pausedJobIds, probeCredential, resumePausedJobs } from "./resume";
import { type BatchSetting, describeError } from "./workfront-calls";

export interface WorkerLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface WorkerOptions {
  /**
   * Fixed deps (tests), or a function resolved for every chunk and probe, so that a Workfront
   * connection made, renewed or removed while the worker runs applies to its next unit of work.
   */
  deps: OffboardingDeps | (() => Promise<OffboardingDeps>);
  /** Names this worker in leases; unique per process by default (host:pid:random). */
  owner?: string;
  /** Chunks in progress at once. Default 4. */
  concurrency?: number;
  /** People per chunk, ≤ 100 (one bulk edit). Default 50. */
  chunkSize?: number;
  /** Default 45 s; renewed every third of it while a chunk runs. */
  leaseMs?: number;
  /** Claims per person before a transient failure is final. Default 5. */
  maxAttempts?: number;
  /** How often an idle worker looks for work. Default 1 s. */
  pollMs?: number;
  /** How often a paused job's credential is tried again. Default 10 s. */
  probeMs?: number;
  /** `bulk` (default): one documented bulk edit per chunk; `single`: one PUT per person. */
  writeMode?: "bulk" | "single";
  /** Whether chunks write through the undocumented /batch instead (default `off`). */
  batch?: BatchSetting;
  /** Backoff between claims of a person after a transient failure: base · 2^n, capped. */
  retryBaseMs?: number;
  retryCapMs?: number;
  logger?: WorkerLogger;
}

export interface WorkerStats {
  chunks: number;
  items: number;
  written: number;
  lost: number;
  errors: number;
}

export interface JobWorker {
  readonly owner: string;
  /** Look for work now (a job was just created, retried or resumed in this process). */
  wake(): void;
  /** Try the credential now and resume paused jobs if it works; true when it worked. */
  probeNow(): Promise<boolean>;
  /** Finishes the chunks in progress (up to `graceMs`), then stops; unfinished leases expire. */
  stop(graceMs?: number): Promise<void>;
  stats(): WorkerStats;
}

export function defaultOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Sleeps until `ms` pass or `wake` fires, whichever comes first. */
class Alarm {
  private waiters: (() => void)[] = [];
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref?.();
      const waiters = this.waiters;
      function done() {
        clearTimeout(timer);
        const index = waiters.indexOf(done);
        if (index >= 0) waiters.splice(index, 1);
        resolve();
      }
      waiters.push(done);
    });
  }
  ring(): void {
    for (const done of [...this.waiters]) done();
  }
}

/**
 * The job worker: `concurrency` lanes, each claiming a chunk of items with a lease, running it
 * (processChunk) and claiming the next; plus a maintenance loop that probes the credential of
 * paused jobs and ends jobs left with nothing to do. All Workfront calls go through the client's
 * per-tenant in-flight limiter, so the worker and the dashboard share the tenant's cap.
 */
export function startWorker(options: WorkerOptions): JobWorker {
  const source = options.deps;
  const resolveDeps = typeof source === "function" ? source : () => Promise.resolve(source);
  const owner = options.owner ?? defaultOwner();
  const concurrency = options.concurrency ?? 4;
  const chunkSize = Math.min(100, options.chunkSize ?? 50);
  const leaseMs = options.leaseMs ?? 45_000;
  const pollMs = options.pollMs ?? 1_000;
  const probeMs = options.probeMs ?? 10_000;
  const retryBaseMs = options.retryBaseMs ?? 1_000;
  const retryCapMs = options.retryCapMs ?? 30_000;
  const log = options.logger ?? appLogger.child({ module: "jobs", owner });
  const settings = {
    owner,
    maxAttempts: options.maxAttempts ?? 5,
    writeMode: options.writeMode ?? "bulk",
    batch: options.batch ?? "off",
    leaseMs,
    retryDelayMs: (attempts: number) => Math.floor(Math.min(retryCapMs, retryBaseMs * 2 ** Math.max(0, attempts - 1)) * (0.5 + Math.random() / 2)),
  } as const;
  const stats: WorkerStats = { chunks: 0, items: 0, written: 0, lost: 0, errors: 0 };
  const alarm = new Alarm();
  let stopped = false;

  async function runChunk(deps: OffboardingDeps, claimed: ClaimedItem[]): Promise<void> {
    const ids = claimed.map((item) => item.id);
    const renew = setInterval(() => {
      renewLeases(deps.db, { owner, itemIds: ids, leaseMs }).catch((error: unknown) =>
        log.warn({ err: error }, "renewing leases failed"),
      );
    }, Math.max(100, Math.floor(leaseMs / 3)));
    try {
      const report = await processChunk(deps, settings, claimed);
      stats.chunks += 1;
      stats.items += report.items;
      stats.written += report.written;
      stats.lost += report.lost;
      if (report.paused.length) log.warn({ jobs: report.paused }, "Workfront refused the credential: job paused");
    } catch (error) {
      stats.errors += 1;
      log.error({ err: error }, "a chunk failed; its people will be tried again");
      await giveBack(deps, claimed, error).catch((again: unknown) =>
        log.error({ err: again }, "could not give the chunk back; its leases will expire"),
      );
    } finally {
      clearInterval(renew);
    }
  }

  /** After an unexpected error (a database hiccup), the chunk's people are retried later. */
  async function giveBack(deps: OffboardingDeps, claimed: ClaimedItem[], error: unknown): Promise<void> {
    const contexts = await loadJobContexts(deps.db, claimed.map((item) => item.jobId));
    const outcomes = claimed.flatMap((item) => {
      const job = contexts.get(item.jobId);
      return job ? [{ type: "retry" as const, item, job, user: null, error: describeError(error) }] : [];
    });
    await applyOutcomes(deps.db, settings, outcomes);
    await finishJobs(deps.db, [...contexts.keys()]);
  }

  async function lane(index: number): Promise<void> {
    while (!stopped) {
      let claimed: ClaimedItem[] = [];
      let deps: OffboardingDeps | undefined;
      try {
        deps = await resolveDeps();
        claimed = await claimItems(deps.db, { owner, limit: chunkSize, leaseMs });
      } catch (error) {
        stats.errors += 1;
        log.error({ err: error, lane: index }, "claiming items failed");
      }
      if (!deps || claimed.length === 0) {
        await alarm.wait(pollMs * (0.75 + Math.random() / 2));
        continue;
      }
      await runChunk(deps, claimed);
    }
  }

  async function probeNow(): Promise<boolean> {
    const deps = await resolveDeps();
    const paused = await pausedJobIds(deps.db);
    if (paused.length === 0) return true;
    try {
      await probeCredential(deps.client);
    } catch (error) {
      log.info({ jobs: paused.length, code: describeError(error).code }, "Workfront credential still refused");
      return false;
    }
    const resumed = await resumePausedJobs(deps.db, null);
    if (resumed.length) {
      log.info({ jobs: resumed }, "Workfront credential works again: jobs resumed");
      alarm.ring();
    }
    return true;
  }

  /** Ends jobs whose items are all final but whose status was not updated (a crash in between). */
  async function sweep(): Promise<void> {
    const { db } = await resolveDeps();
    const open = await db
      .select({ id: jobs.id })
      .from(jobs)
      .where(inArray(jobs.status, ["queued", "running", "cancelling"]));
    await finishJobs(db, open.map((job) => job.id));
  }

  async function maintenance(): Promise<void> {
    while (!stopped) {
      try {
        await probeNow();
        await sweep();
      } catch (error) {
        log.warn({ err: error }, "job maintenance failed");
      }
      await alarm.wait(probeMs);
    }
  }

  const lanes = Array.from({ length: concurrency }, (_, index) => lane(index));
  const upkeep = maintenance();
  log.info({ concurrency, chunkSize, leaseMs, writeMode: settings.writeMode, batch: settings.batch }, "job worker started");

  return {
    owner,
    wake: () => alarm.ring(),
    probeNow,
    stats: () => ({ ...stats }),
    async stop(graceMs = 30_000) {
      if (stopped) return;
      stopped = true;
      alarm.ring();
      const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref?.());
      await Promise.race([Promise.all([...lanes, upkeep]), grace]);
      log.info({ ...stats }, "job worker stopped");
    },
  };
}
