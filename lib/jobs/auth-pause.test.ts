import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { type DatabaseHandle, jobEvents, jobItems } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { WorkfrontError } from "@/lib/workfront";
import { control, startTestEmulator, stats } from "@/lib/workfront/test-support";
import { resumeJob } from "./actions";
import { getJobDto } from "./queries";
import {
  deactivationJob,
  expectJobConsistent,
  finalCount,
  jobStatus,
  operator,
  runningCount,
  testDeps,
  waitFor,
} from "./test-support";
import { startWorker } from "./worker";

/**
 * Issue 4's acceptance: the API key expires mid-job (with the 20 % faults still on). The job
 * pauses as "reconnect Workfront" at once, no person fails for it, nothing is lost, and the job
 * completes once the key works again.
 */
let emulator: RunningEmulator;
let handle: DatabaseHandle;

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 1_300, latencyMs: 0, jitterMs: 5, maxInFlight: 4, seed: 5 });
  handle = await createMigratedTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  await emulator?.close();
});

it("pauses as paused_auth when the API key expires, loses nothing, and completes once it is restored", async () => {
  const { before, jobId } = await deactivationJob(handle.db, emulator, { count: 1_000 });
  await control(emulator, "PATCH", "config", { faultRate: 0.2 });
  const deps = testDeps(handle.db, emulator, { timeoutMs: 1_000 });
  const worker = startWorker({
    deps,
    concurrency: 4,
    chunkSize: 20,
    pollMs: 20,
    probeMs: 200,
    retryBaseMs: 20,
    retryCapMs: 200,
  });
  try {
    await waitFor("a third of the job", async () => (await finalCount(handle.db, jobId)) >= 300, {
      everyMs: 10,
    });
    await control(emulator, "POST", "api-keys/expire");
    await waitFor("the job to pause", async () => (await jobStatus(handle.db, jobId)) === "paused_auth");
    // Chunks already under way end (their people finish or go back); after that, nothing moves.
    await waitFor("the chunks under way to end", async () => (await runningCount(handle.db, jobId)) === 0);
    const paused = await finalCount(handle.db, jobId);
    expect(paused).toBeLessThan(1_000);
    // The worker stays busy (it probes the credential every 200 ms), yet no one moves: wait for
    // three probes Workfront refused, an event rather than a length of time.
    const requestsAtPause = (await stats(emulator)).total;
    await waitFor("three credential probes", async () => (await stats(emulator)).total >= requestsAtPause + 3);
    expect(await finalCount(handle.db, jobId)).toBe(paused);
    expect(await jobStatus(handle.db, jobId)).toBe("paused_auth");
    const dto = await getJobDto(handle.db, jobId);
    expect(dto).toMatchObject({
      status: "paused_auth",
      lastError: { code: "auth" },
      actions: { resume: true },
    });
    const authFailures = await handle.db.select().from(jobItems).where(eq(jobItems.errorCode, "auth"));
    expect(authFailures.filter((item) => item.state === "failed")).toEqual([]);
    // Resume (POST /api/jobs/{id}/resume) tries the credential and says why it cannot go on yet.
    const refused = await resumeJob(handle.db, deps.client, jobId, operator).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WorkfrontError);
    expect(refused).toMatchObject({ code: "auth" });

    await control(emulator, "POST", "api-keys/restore");
    await waitFor("the job to complete", async () => (await jobStatus(handle.db, jobId)) === "completed");
  } finally {
    await worker.stop();
  }
  await control(emulator, "PATCH", "config", { faultRate: 0 });
  await expectJobConsistent(handle.db, emulator, jobId, before);
  const events = await handle.db.select().from(jobEvents).where(eq(jobEvents.jobId, jobId));
  const actions = events.map((event) => event.action);
  expect(actions).toEqual(
    expect.arrayContaining(["created", "started", "paused_auth", "resumed", "completed"]),
  );
  expect(actions.filter((action) => action === "paused_auth").length).toBeGreaterThanOrEqual(1);
  // A 1,000-person job under 20% faults, run twice over: about 60 s on a busy 2-core machine.
}, 180_000);
