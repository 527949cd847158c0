import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { type DatabaseHandle } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { control, startTestEmulator, stats } from "@/lib/workfront/test-support";
import { deactivationJob, expectJobConsistent, jobStatus, testDeps, waitFor } from "./test-support";
import { startWorker } from "./worker";

/**
 * Issue 4's acceptance, in process: a 1,000-person job against a tenant where 20 % of requests
 * fail (500, a CDN's 502, a reset, no answer, a truncated answer after the change was applied) and
 * only 4 requests may be in flight. The client allows 10 and the worker runs 8 chunks at once, each
 * with a request out for at least the tenant's 30 ms, so it meets the tenant's throttling.
 */
let emulator: RunningEmulator;
let handle: DatabaseHandle;

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 1_300, latencyMs: 30, jitterMs: 5, maxInFlight: 4, seed: 7 });
  handle = await createMigratedTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  await emulator?.close();
});

it("ends every item of a 1,000-person job final, matching Workfront, with one audit row each", async () => {
  const { before, jobId } = await deactivationJob(handle.db, emulator, { count: 1_000 });
  await control(emulator, "PATCH", "config", { faultRate: 0.2 });
  await control(emulator, "POST", "stats/reset");
  const worker = startWorker({
    deps: testDeps(handle.db, emulator, { timeoutMs: 1_000 }),
    concurrency: 8,
    chunkSize: 25,
    pollMs: 20,
    retryBaseMs: 20,
    retryCapMs: 200,
  });
  try {
    await waitFor("the job to complete", async () => (await jobStatus(handle.db, jobId)) === "completed", {
      timeoutMs: 50_000,
    });
  } finally {
    await worker.stop();
  }
  const seen = await stats(emulator);
  await control(emulator, "PATCH", "config", { faultRate: 0 });

  const { counts } = await expectJobConsistent(handle.db, emulator, jobId, before);
  // The faults and the cap were really met, and nothing was left undone.
  expect(Object.values(seen.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  expect(seen.throttled).toBeGreaterThan(0);
  expect(counts.succeeded).toBeGreaterThan(700);
  // Every change the emulator committed is one succeeded item (a retried PUT is a no-op).
  expect(seen.writes).toBe(counts.succeeded);
}, 60_000);
