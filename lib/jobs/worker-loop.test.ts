import { hostname } from "node:os";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Database, jobs } from "@/lib/db";
import { logger as appLogger } from "@/lib/logger";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { type ClaimedItem, claimItems, renewLeases } from "./claim";
import { type JobContext, loadJobContexts } from "./job-context";
import { type ChunkReport, processChunk } from "./process-chunk";
import { applyOutcomes, finishJobs } from "./record-outcomes";
import { pausedJobIds, probeCredential, resumePausedJobs } from "./resume";
import { type JobWorker, type WorkerOptions, defaultOwner, startWorker } from "./worker";

/**
 * The worker's loops in-process, on fake timers, with the database steps it calls (claim, chunk,
 * outcomes, resume) replaced by mocks: what it claims, when it polls, renews, gives back, probes,
 * sweeps, logs and stops. No database and no tenant: the steps themselves have their own tests.
 */
vi.mock("./claim", () => ({ claimItems: vi.fn(), renewLeases: vi.fn() }));
vi.mock("./process-chunk", () => ({ processChunk: vi.fn() }));
vi.mock("./record-outcomes", () => ({ applyOutcomes: vi.fn(), finishJobs: vi.fn() }));
vi.mock("./resume", () => ({ pausedJobIds: vi.fn(), probeCredential: vi.fn(), resumePausedJobs: vi.fn() }));
vi.mock("./job-context", () => ({ loadJobContexts: vi.fn() }));

const claim = vi.mocked(claimItems);
const renew = vi.mocked(renewLeases);
const chunk = vi.mocked(processChunk);
const apply = vi.mocked(applyOutcomes);
const finish = vi.mocked(finishJobs);
const paused = vi.mocked(pausedJobIds);
const probe = vi.mocked(probeCredential);
const resume = vi.mocked(resumePausedJobs);
const contexts = vi.mocked(loadJobContexts);

/** A database that answers only the sweep's query (`select … from jobs where status in …`). */
function fakeDb(openJobIds: string[]) {
  const calls = { select: [] as Record<string, unknown>[], from: [] as unknown[], where: [] as SQL[] };
  const db = {
    select(fields: Record<string, unknown>) {
      calls.select.push(fields);
      return {
        from(table: unknown) {
          calls.from.push(table);
          return {
            where(condition: SQL) {
              calls.where.push(condition);
              return Promise.resolve(openJobIds.map((id) => ({ id })));
            },
          };
        },
      };
    },
  };
  return { db: db as unknown as Database, calls };
}

function makeLogger() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

function item(id: string, jobId = "job-1"): ClaimedItem {
  return { id, jobId, targetId: `target-${id}`, targetName: null, targetEmail: null, attempts: 0, auditEventId: null };
}

function report(items: number, written: number, lost: number, pausedJobs: string[] = []): ChunkReport {
  return { items, written, lost, paused: pausedJobs };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Lets the loops run what they can without moving the clock. */
async function settle() {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

const pending: (() => void)[] = [];
const workers: JobWorker[] = [];

function start(options: Partial<WorkerOptions> & { open?: string[] } = {}) {
  const { open = [], ...rest } = options;
  const logger = makeLogger();
  const { db, calls } = fakeDb(open);
  const deps = { db, client: { name: "client" }, protectedUsers: [] } as unknown as OffboardingDeps;
  const worker = startWorker({ deps, owner: "w1", concurrency: 1, pollMs: 100, probeMs: 1_000_000, logger, ...rest });
  workers.push(worker);
  return { worker, logger, deps, db, calls };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
  vi.resetAllMocks();
  vi.spyOn(Math, "random").mockReturnValue(0.2);
  claim.mockResolvedValue([]);
  renew.mockResolvedValue(undefined as never);
  paused.mockResolvedValue([]);
  finish.mockResolvedValue(undefined as never);
  apply.mockResolvedValue({ lost: 0, paused: [] });
});

afterEach(async () => {
  for (const release of pending.splice(0)) release();
  for (const worker of workers.splice(0)) {
    const stopped = worker.stop(0);
    await settle();
    await vi.advanceTimersByTimeAsync(1);
    await Promise.race([stopped, settle()]);
  }
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("the worker's name", () => {
  it("is host:pid:eight hex characters, different for each worker", () => {
    const pattern = new RegExp(`^${hostname().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${process.pid}:[0-9a-f]{8}$`);
    const first = defaultOwner();
    expect(first).toMatch(pattern);
    expect(defaultOwner()).not.toBe(first);
  });
});

describe("starting", () => {
  it("logs its settings (chunk size capped at 100) and reports zero stats", async () => {
    const { worker, logger } = start({ concurrency: 2, chunkSize: 150, leaseMs: 9_000, writeMode: "single", batch: "on" });
    expect(logger.info).toHaveBeenCalledWith(
      { concurrency: 2, chunkSize: 100, leaseMs: 9_000, writeMode: "single", batch: "on" },
      "job worker started",
    );
    expect(worker.stats()).toEqual({ chunks: 0, items: 0, written: 0, lost: 0, errors: 0 });
    await settle();
    expect(claim).toHaveBeenCalledWith(expect.anything(), { owner: "w1", limit: 100, leaseMs: 9_000 });
  });

  it("logs through the app logger's child tagged with the module and owner when given no logger", () => {
    const child = makeLogger();
    const spy = vi.spyOn(appLogger, "child").mockReturnValue(child as never);
    const { db } = fakeDb([]);
    workers.push(startWorker({ deps: { db, client: {}, protectedUsers: [] } as never, owner: "w9", pollMs: 100, probeMs: 1_000_000 }));
    expect(spy).toHaveBeenCalledWith({ module: "jobs", owner: "w9" });
    expect(child.info).toHaveBeenCalledWith(
      { concurrency: 4, chunkSize: 50, leaseMs: 45_000, writeMode: "bulk", batch: "off" },
      "job worker started",
    );
  });
});

describe("an idle lane", () => {
  it("claims once, then again only after the jittered poll interval (0.75–1.25 × pollMs)", async () => {
    const { db } = start({ pollMs: 100 });
    await settle();
    expect(claim).toHaveBeenCalledTimes(1);
    expect(claim).toHaveBeenCalledWith(db, { owner: "w1", limit: 50, leaseMs: 45_000 });
    expect(chunk).not.toHaveBeenCalled();
    // Math.random() = 0.2: 100 × (0.75 + 0.1) = 85 ms.
    await vi.advanceTimersByTimeAsync(84);
    expect(claim).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(claim).toHaveBeenCalledTimes(2);
    expect(chunk).not.toHaveBeenCalled();
  });

  it("looks for work at once when woken", async () => {
    const { worker } = start();
    await settle();
    expect(claim).toHaveBeenCalledTimes(1);
    worker.wake();
    await settle();
    expect(claim).toHaveBeenCalledTimes(2);
  });

  it("counts and logs a failed claim per lane, runs nothing, and tries again after the poll interval", async () => {
    const failure = new Error("connection reset");
    claim.mockRejectedValueOnce(failure).mockRejectedValueOnce(failure);
    const { worker, logger } = start({ concurrency: 2 });
    await settle();
    expect(chunk).not.toHaveBeenCalled();
    expect(worker.stats().errors).toBe(2);
    expect(logger.error.mock.calls).toEqual([
      [{ err: failure, lane: 0 }, "claiming items failed"],
      [{ err: failure, lane: 1 }, "claiming items failed"],
    ]);
    expect(claim).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(86);
    expect(claim).toHaveBeenCalledTimes(4);
  });

  it("counts a failure to resolve its deps as an error and does not claim", async () => {
    const failure = new Error("no connection");
    const { db } = fakeDb([]);
    const source = vi.fn(async () => ({ db, client: {}, protectedUsers: [] }) as unknown as OffboardingDeps);
    source.mockRejectedValueOnce(failure);
    const logger = makeLogger();
    const worker = startWorker({ deps: source, owner: "w1", concurrency: 1, pollMs: 100, probeMs: 1_000_000, logger });
    workers.push(worker);
    await settle();
    expect(claim).not.toHaveBeenCalled();
    expect(chunk).not.toHaveBeenCalled();
    expect(worker.stats().errors).toBe(1);
    expect(logger.error).toHaveBeenCalledWith({ err: failure, lane: 0 }, "claiming items failed");
  });
});

describe("running a chunk", () => {
  it("passes the claimed items and its settings to the chunk, and adds the chunk's report to the stats", async () => {
    const a = item("a");
    const b = item("b");
    claim.mockResolvedValueOnce([a, b]).mockResolvedValueOnce([]).mockResolvedValueOnce([item("c")]);
    chunk.mockResolvedValueOnce(report(2, 1, 1, ["job-9"])).mockResolvedValueOnce(report(3, 2, 0));
    const { worker, logger, deps } = start({ maxAttempts: 3, leaseMs: 6_000 });
    await settle();
    expect(chunk).toHaveBeenCalledTimes(1);
    expect(chunk.mock.calls[0]![0]).toBe(deps);
    expect(chunk.mock.calls[0]![1]).toMatchObject({ owner: "w1", maxAttempts: 3, writeMode: "bulk", batch: "off", leaseMs: 6_000 });
    expect(chunk.mock.calls[0]![2]).toEqual([a, b]);
    expect(worker.stats()).toEqual({ chunks: 1, items: 2, written: 1, lost: 1, errors: 0 });
    expect(logger.warn).toHaveBeenCalledWith({ jobs: ["job-9"] }, "Workfront refused the credential: job paused");

    worker.wake();
    await settle();
    expect(chunk).toHaveBeenCalledTimes(2);
    expect(worker.stats()).toEqual({ chunks: 2, items: 5, written: 3, lost: 1, errors: 0 });
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it("spaces retries base · 2^(attempts-1), capped, jittered to 50–100 %", async () => {
    claim.mockResolvedValueOnce([item("a")]).mockResolvedValueOnce([item("b")]);
    chunk.mockResolvedValue(report(1, 1, 0));
    start({ retryBaseMs: 10, retryCapMs: 1_000 });
    await settle();
    const given = chunk.mock.calls[0]![1];
    // Math.random() = 0.2: × 0.6.
    expect([given.retryDelayMs(1), given.retryDelayMs(3), given.retryDelayMs(20)]).toEqual([6, 24, 600]);
  });

  it("spaces retries from 1 s up to 30 s by default", async () => {
    claim.mockResolvedValueOnce([item("a")]);
    chunk.mockResolvedValue(report(1, 1, 0));
    start();
    await settle();
    const given = chunk.mock.calls[0]![1];
    expect([given.retryDelayMs(0), given.retryDelayMs(1), given.retryDelayMs(3), given.retryDelayMs(20)]).toEqual([600, 600, 2_400, 18_000]);
  });

  it("renews the chunk's leases every third of the lease while it runs, logs a failed renewal, and stops renewing after", async () => {
    const running = deferred<ChunkReport>();
    pending.push(() => running.resolve(report(0, 0, 0)));
    claim.mockResolvedValueOnce([item("a"), item("b")]);
    chunk.mockReturnValueOnce(running.promise);
    const failure = new Error("lease write failed");
    renew.mockResolvedValueOnce(undefined as never).mockRejectedValueOnce(failure);
    const { db, logger } = start({ leaseMs: 900 });
    await settle();
    await vi.advanceTimersByTimeAsync(299);
    expect(renew).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(renew).toHaveBeenCalledWith(db, { owner: "w1", itemIds: ["a", "b"], leaseMs: 900 });
    expect(logger.warn).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(renew).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith({ err: failure }, "renewing leases failed");

    running.resolve(report(2, 2, 0));
    await settle();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(renew).toHaveBeenCalledTimes(2);
  });

  it("after an unexpected error, counts it and gives each item of a known job back for a retry", async () => {
    const a = item("a", "job-1");
    const b = item("b", "job-2");
    const failure = new Error("database hiccup");
    const job1 = { id: "job-1", kind: "deactivate" } as JobContext;
    claim.mockResolvedValueOnce([a, b]);
    chunk.mockRejectedValueOnce(failure);
    contexts.mockResolvedValueOnce(new Map([["job-1", job1]]));
    const { worker, logger, db } = start({ open: ["open-1"] });
    await settle();
    expect(worker.stats()).toEqual({ chunks: 0, items: 0, written: 0, lost: 0, errors: 1 });
    expect(logger.error).toHaveBeenCalledWith({ err: failure }, "a chunk failed; its people will be tried again");
    expect(contexts).toHaveBeenCalledWith(db, ["job-1", "job-2"]);
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply.mock.calls[0]![0]).toBe(db);
    expect(apply.mock.calls[0]![1]).toMatchObject({ owner: "w1" });
    expect(apply.mock.calls[0]![2]).toEqual([
      { type: "retry", item: a, job: job1, user: null, error: { code: "internal", message: "database hiccup" } },
    ]);
    // The chunk's jobs are ended if nothing is left; the sweep ends the open ones.
    expect(finish.mock.calls.map((call) => call[1]).sort()).toEqual([["job-1"], ["open-1"]]);
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  it("logs when the chunk cannot be given back either (its leases expire instead)", async () => {
    const failure = new Error("database hiccup");
    const again = new Error("database gone");
    claim.mockResolvedValueOnce([item("a")]);
    chunk.mockRejectedValueOnce(failure);
    contexts.mockRejectedValueOnce(again);
    const { worker, logger } = start();
    await settle();
    expect(apply).not.toHaveBeenCalled();
    expect(worker.stats().errors).toBe(1);
    expect(logger.error.mock.calls).toEqual([
      [{ err: failure }, "a chunk failed; its people will be tried again"],
      [{ err: again }, "could not give the chunk back; its leases will expire"],
    ]);
  });
});

describe("probing the credential of paused jobs", () => {
  it("is true without trying the credential when no job is paused", async () => {
    const { worker } = start();
    await settle();
    expect(await worker.probeNow()).toBe(true);
    expect(probe).not.toHaveBeenCalled();
    expect(resume).not.toHaveBeenCalled();
  });

  it("is false and logs the refusal when the credential still fails", async () => {
    const { worker, logger, deps } = start();
    await settle();
    paused.mockResolvedValueOnce(["p1", "p2"]);
    probe.mockRejectedValueOnce(new Error("401"));
    expect(await worker.probeNow()).toBe(false);
    expect(probe).toHaveBeenCalledWith(deps.client);
    expect(resume).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith({ jobs: 2, code: "internal" }, "Workfront credential still refused");
  });

  it("resumes the paused jobs when the credential works, logs them and wakes the lanes", async () => {
    const { worker, logger, db } = start();
    await settle();
    expect(claim).toHaveBeenCalledTimes(1);
    paused.mockResolvedValueOnce(["p1"]);
    probe.mockResolvedValueOnce(undefined);
    resume.mockResolvedValueOnce(["p1"]);
    expect(await worker.probeNow()).toBe(true);
    expect(resume).toHaveBeenCalledWith(db, null);
    expect(logger.info).toHaveBeenCalledWith({ jobs: ["p1"] }, "Workfront credential works again: jobs resumed");
    await settle();
    expect(claim).toHaveBeenCalledTimes(2);
  });

  it("is true but neither logs nor wakes the lanes when no job was left to resume", async () => {
    const { worker, logger } = start();
    await settle();
    paused.mockResolvedValueOnce(["p1"]);
    probe.mockResolvedValueOnce(undefined);
    resume.mockResolvedValueOnce([]);
    expect(await worker.probeNow()).toBe(true);
    await settle();
    expect(claim).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledTimes(1); // "job worker started" only
  });
});

describe("maintenance", () => {
  it("ends the jobs that are queued, running or cancelling (the sweep)", async () => {
    const { db, calls } = start({ open: ["q1", "r1"] });
    await settle();
    expect(calls.select).toHaveLength(1);
    expect(Object.keys(calls.select[0]!)).toEqual(["id"]);
    expect(calls.select[0]!.id).toBe(jobs.id);
    expect(calls.from).toEqual([jobs]);
    const query = new PgDialect().sqlToQuery(calls.where[0]!);
    expect(query.params).toEqual(["queued", "running", "cancelling"]);
    expect(query.sql).toContain('"status" in');
    expect(finish).toHaveBeenCalledTimes(1);
    expect(finish).toHaveBeenCalledWith(db, ["q1", "r1"]);
  });

  it("logs a failure and tries again after the probe interval", async () => {
    const failure = new Error("database down");
    paused.mockRejectedValueOnce(failure);
    const { logger, calls } = start({ probeMs: 5_000, pollMs: 1_000_000 });
    await settle();
    expect(logger.warn).toHaveBeenCalledWith({ err: failure }, "job maintenance failed");
    expect(calls.select).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(paused).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(paused).toHaveBeenCalledTimes(2);
    expect(calls.select).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});

describe("stopping", () => {
  it("waits for the chunk in progress, then logs the final stats and claims no more", async () => {
    const running = deferred<ChunkReport>();
    pending.push(() => running.resolve(report(0, 0, 0)));
    claim.mockResolvedValueOnce([item("a")]);
    chunk.mockReturnValueOnce(running.promise);
    const { worker, logger } = start();
    await settle();
    let done = false;
    const stopping = worker.stop(10_000).then(() => {
      done = true;
    });
    await settle();
    expect(done).toBe(false);
    running.resolve(report(1, 1, 0));
    await settle();
    await stopping;
    expect(done).toBe(true);
    expect(logger.info).toHaveBeenLastCalledWith({ chunks: 1, items: 1, written: 1, lost: 0, errors: 0 }, "job worker stopped");
    const claims = claim.mock.calls.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(claim).toHaveBeenCalledTimes(claims);
  });

  it("gives up waiting for a chunk after the grace period", async () => {
    const running = deferred<ChunkReport>();
    pending.push(() => running.resolve(report(0, 0, 0)));
    claim.mockResolvedValueOnce([item("a")]);
    chunk.mockReturnValueOnce(running.promise);
    const { worker, logger } = start();
    await settle();
    let done = false;
    void worker.stop(500).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(logger.info).toHaveBeenLastCalledWith({ chunks: 0, items: 0, written: 0, lost: 0, errors: 0 }, "job worker stopped");
  });

  it("stops once: a second stop does nothing", async () => {
    const { worker, logger } = start();
    await settle();
    await worker.stop(0);
    await worker.stop(0);
    expect(logger.info.mock.calls.filter((call) => call[1] === "job worker stopped")).toHaveLength(1);
  });
});
