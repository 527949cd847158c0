import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { and, eq } from "drizzle-orm";
import { type DatabaseHandle, auditEvents } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { control, startTestEmulator } from "@/lib/workfront/test-support";
import { getJobDetail } from "./queries";
import {
  deactivationJob,
  expectJobConsistent,
  firstUsers,
  jobStatus,
  testDeps,
  waitFor,
} from "./test-support";
import { startWorker } from "./worker";

let emulator: RunningEmulator;
let handle: DatabaseHandle;

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 200, latencyMs: 0, jitterMs: 3 });
  handle = await createMigratedTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  await emulator?.close();
});

describe("a deactivation job", () => {
  it("deactivates the active, records the inactive as already, refuses the protected", async () => {
    await control(emulator, "POST", "reset");
    const others = (await firstUsers(emulator, 60)).filter(
      (id) => id !== emulator.adminUserID && id !== emulator.integrationUser.ID,
    );
    const ids = [emulator.adminUserID, ...others.slice(0, 58), emulator.integrationUser.ID];
    const deps = testDeps(handle.db, emulator);
    const { before, jobId } = await deactivationJob(
      handle.db,
      emulator,
      { ids },
      { reason: "Team closed", ticket: "HR-1" },
    );
    const worker = startWorker({ deps, concurrency: 2, chunkSize: 25, pollMs: 20, retryBaseMs: 10 });
    try {
      await waitFor("the job to complete", async () => (await jobStatus(handle.db, jobId)) === "completed");
    } finally {
      await worker.stop();
    }
    const { counts } = await expectJobConsistent(handle.db, emulator, jobId, before);
    const inactiveBefore = [...before.values()].filter((active) => !active).length;
    // The main admin and the integration user are protected; any other System Administrator is
    // refused because the operator role may not deactivate one.
    expect(counts.refused).toBeGreaterThanOrEqual(2);
    expect(counts.already ?? 0).toBeLessThanOrEqual(inactiveBefore);
    expect((counts.succeeded ?? 0) + (counts.already ?? 0) + counts.refused!).toBe(60);
    const detail = await getJobDetail(handle.db, jobId, { page: 1, pageSize: 200, state: "refused" });
    expect(detail?.job).toMatchObject({
      status: "completed",
      progress: 1,
      counts: { total: 60, remaining: 0 },
    });
    expect(detail?.items.rows.map((row) => row.errorCode)).toEqual(expect.arrayContaining(["main_admin", "admin_target"]));
    // Each refused person's audit row keeps the same code as their item.
    const refusedRows = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.jobId, jobId), eq(auditEvents.outcome, "refused")));
    const byPerson = (pairs: [string, string | null][]) => pairs.map((pair) => pair.join(" ")).sort();
    expect(detail?.items.rows).toHaveLength(counts.refused!);
    expect(byPerson(refusedRows.map((row) => [row.targetId, row.refusedCode]))).toEqual(
      byPerson(detail!.items.rows.map((row) => [row.targetId, row.errorCode])),
    );
  });
});
