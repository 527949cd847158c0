import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator, StatsSnapshot } from "@/emulator";
import { type DatabaseHandle, auditEvents, jobItems } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { control, startTestEmulator, stats } from "@/lib/workfront/test-support";
import { type WorkerProcess, spawnWorker } from "./test-processes";
import { deactivationJob, expectJobConsistent, finalCount, jobStatus, waitFor } from "./test-support";

/**
 * Issue 4's acceptance with workers as separate processes on one database: a worker killed with
 * SIGKILL half way, and two workers at once.
 */

describe("job workers as processes", () => {
  let emulator: RunningEmulator;
  let handle: DatabaseHandle;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    emulator = await startTestEmulator({ users: 1_300, latencyMs: 0, jitterMs: 5, seed: 11 });
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
      await worker.exited;
    }
    await handle?.close();
  });
  afterAll(async () => {
    await emulator?.close();
  });

  async function openDatabase() {
    await control(emulator, "POST", "reset");
    await control(emulator, "PATCH", "config", { faultRate: 0, latencyMs: 0, jitterMs: 5, maxInFlight: 10 });
    handle = await createMigratedTestDatabase();
  }

  const createJob = (count: number) => deactivationJob(handle.db, emulator, { count });

  const pendingAudits = (jobId: string) =>
    handle.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.jobId, jobId), eq(auditEvents.outcome, "pending")));

  const start = (settings?: Record<string, string>) => {
    const worker = spawnWorker(handle.url, emulator, settings);
    workers.push(worker);
    return worker;
  };

  it("loses nothing and doubles nothing when the worker is killed (SIGKILL) half way", async () => {
    await openDatabase();
    const { jobId, before } = await createJob(1_000);
    await control(emulator, "PATCH", "config", { faultRate: 0.2, maxInFlight: 4 });
    // The client's timeout stays above the four-second slow-down below, so reads still complete and
    // writes start (below it, every read after the slow-down timed out, and a write was in flight
    // only if a chunk happened to be between its read and its write at that moment). Not far above:
    // the emulator's "hang" faults each cost a whole timeout.
    const settings = { JOBS_CONCURRENCY: "4", JOBS_CHUNK_SIZE: "25", WORKFRONT_TIMEOUT_MS: "6000" };
    const first = start(settings);
    await first.ready;
    await waitFor("half the job", async () => (await finalCount(handle.db, jobId)) >= 400, { everyMs: 10 });
    // Slow Workfront down so that requests are in flight, then kill: those requests still land
    // in Workfront after the worker is gone, and their answers are lost.
    const writesSoFar = async () =>
      Object.entries((await stats(emulator)).byRoute)
        .filter(([route]) => route.startsWith("PUT USER"))
        .reduce((sum, [, count]) => sum + count, 0);
    const writesBefore = await writesSoFar();
    await control(emulator, "PATCH", "config", { latencyMs: 4_000 });
    // A write is in flight once one has reached Workfront since the slow-down (it now waits four
    // seconds for its answer) while its pending audit row exists: events, not a sleep.
    await waitFor("a write in flight", async () => (await writesSoFar()) > writesBefore && (await pendingAudits(jobId)).length > 0, {
      everyMs: 10,
    });
    first.child.kill("SIGKILL");
    await first.exited;
    const inFlight = await pendingAudits(jobId);
    expect(inFlight.length).toBeGreaterThan(0);
    const doneAtKill = await finalCount(handle.db, jobId);
    expect(doneAtKill).toBeLessThan(1_000);
    await control(emulator, "PATCH", "config", { latencyMs: 0 });

    const second = start(settings);
    await waitFor("the job to complete", async () => (await jobStatus(handle.db, jobId)) === "completed");
    await control(emulator, "PATCH", "config", { faultRate: 0 });
    const { items, counts } = await expectJobConsistent(handle.db, emulator, jobId, before);
    const owners = new Set(items.map((item) => item.leaseOwner));
    expect(owners).toEqual(new Set([await first.ready, await second.ready]));
    // The people whose write was in flight at the kill were finished by the second worker, on the
    // audit row written before the call (one row each, checked above).
    const resumed = items.filter((item) => inFlight.some((row) => row.id === item.auditEventId));
    expect(resumed).toHaveLength(inFlight.length);
    for (const item of resumed) expect(item.leaseOwner).toBe(await second.ready);
    expect(counts.succeeded).toBeGreaterThan(700);
  }, 90_000);

  it("splits one job between two workers sharing Postgres, processing no one twice", async () => {
    const settings = { WORKFRONT_MAX_IN_FLIGHT: "5", JOBS_CHUNK_SIZE: "20" };
    await openDatabase();
    const a = start(settings);
    const b = start(settings);
    // Both poll before the job exists, so both can take part from its first chunk.
    await Promise.all([a.ready, b.ready]);
    await control(emulator, "POST", "stats/reset");
    const { jobId, before } = await createJob(1_000);
    await waitFor("the job to complete", async () => (await jobStatus(handle.db, jobId)) === "completed");
    const seen = await control<StatsSnapshot>(emulator, "GET", "stats");
    const { items, counts } = await expectJobConsistent(handle.db, emulator, jobId, before);
    // Each person was claimed once and changed once, by one bulk edit per chunk of 20 (no single
    // PUTs, which a bulk edit that failed as a whole would add).
    expect(seen.byRoute["PUT USER"]).toBeLessThanOrEqual(1_000 / 20);
    expect(seen.byRoute["PUT USER/:id"] ?? 0).toBe(0);
    expect(seen.writes).toBe(counts.succeeded);
    expect(items.every((item) => item.attempts === 1)).toBe(true);
    const byOwner = new Map<string | null, number>();
    for (const item of items) byOwner.set(item.leaseOwner, (byOwner.get(item.leaseOwner) ?? 0) + 1);
    expect([...byOwner.keys()].sort()).toEqual([await a.ready, await b.ready].sort());
    expect(await handle.db.$count(jobItems, eq(jobItems.jobId, jobId))).toBe(1_000);
  }, 60_000);
});
