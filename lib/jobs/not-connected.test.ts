import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { connectWorkfront } from "@/lib/connection";
import { admin, testResolver } from "@/lib/connection/test-support";
import { type DatabaseHandle } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { startTestEmulator } from "@/lib/workfront/test-support";
import { deactivationJob, expectJobConsistent, jobStatus, waitFor } from "./test-support";
import { startWorker } from "./worker";

/**
 * The worker runs with no Workfront connection at all: a job pauses as paused_auth ("reconnect
 * Workfront"), and once an admin connects through Settings it resumes by itself, without a restart.
 */
let emulator: RunningEmulator;
let handle: DatabaseHandle;

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 120, latencyMs: 0, jitterMs: 0 });
  handle = await createMigratedTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  await emulator?.close();
});

it("pauses jobs while Workfront is not connected and resumes them once it is", async () => {
  const resolver = testResolver(handle.db);
  const { before, jobId } = await deactivationJob(handle.db, emulator, { count: 60 });
  const worker = startWorker({
    deps: async () => ({ db: handle.db, client: await resolver.client(), protectedUsers: [] }),
    concurrency: 2,
    chunkSize: 20,
    pollMs: 20,
    probeMs: 100,
  });
  try {
    await waitFor("the job to pause", async () => (await jobStatus(handle.db, jobId)) === "paused_auth");
    await connectWorkfront(resolver, { method: "api_key", tenant: emulator.url, apiKey: emulator.apiKey }, admin);
    await waitFor("the job to complete", async () => (await jobStatus(handle.db, jobId)) === "completed");
  } finally {
    await worker.stop();
  }
  const { counts } = await expectJobConsistent(handle.db, emulator, jobId, before);
  expect(counts.failed ?? 0).toBe(0);
}, 60_000);
