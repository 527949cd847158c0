import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { type DatabaseHandle } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { control, startTestEmulator } from "@/lib/workfront/test-support";
import { insertJob } from "./create-job";
import { dryRun } from "./dry-run";
import { getJobDetail } from "./queries";
import { jobStatus, operator, testDeps, waitFor } from "./test-support";
import { startWorker } from "./worker";

/** System Administrators go out with a bulk run only when the admin includes them on purpose. */
let emulator: RunningEmulator;
let handle: DatabaseHandle;
const admin = { ...operator, email: "admin@example.com", role: "admin" as const };

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 200, latencyMs: 0, jitterMs: 3 });
  handle = await createMigratedTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  await emulator?.close();
});

async function sysadmins(): Promise<string[]> {
  const deps = testDeps(handle.db, emulator);
  const found = await deps.client.searchUsers({ filters: [{ field: "accessLevel:isAdmin", value: true }, { field: "isActive", value: true }], limit: 50 });
  return found.map((user) => user.id).filter((id) => id !== emulator.adminUserID && id !== emulator.integrationUser.ID);
}

async function run(includeAdmins: boolean, ids: string[]) {
  const deps = testDeps(handle.db, emulator);
  const jobId = await insertJob(handle.db, { kind: "deactivate", targets: ids.map((id) => ({ id })), reason: "Leavers", ticket: null, actor: admin, includeAdmins });
  const worker = startWorker({ deps, concurrency: 1, chunkSize: 25, pollMs: 20, retryBaseMs: 10 });
  try {
    await waitFor("the job to complete", async () => (await jobStatus(handle.db, jobId)) === "completed");
  } finally {
    await worker.stop();
  }
  return (await getJobDetail(handle.db, jobId, { page: 1, pageSize: 50 }))!.items.rows;
}

describe("System Administrators in a bulk run", () => {
  it("are refused as admin_not_included unless the admin included them, in the dry run and in the job", async () => {
    await control(emulator, "POST", "reset");
    const [target] = await sysadmins();
    expect(target).toBeDefined();
    const deps = testDeps(handle.db, emulator);
    const rules = { confirmThreshold: 50, hardCap: 2000 };
    const left = await dryRun(deps, { kind: "deactivate", userIds: [target!], role: "admin" }, rules);
    expect(left.items[0]).toMatchObject({ outcome: "protected", code: "admin_not_included", isAdmin: true });
    const taken = await dryRun(deps, { kind: "deactivate", userIds: [target!], role: "admin", includeAdmins: true }, rules);
    expect(taken.items[0]).toMatchObject({ outcome: "would_change", code: null });

    expect((await run(false, [target!])).map((row) => [row.state, row.errorCode])).toEqual([["refused", "admin_not_included"]]);
    expect((await deps.client.getUser(target!)).isActive).toBe(true);
    expect((await run(true, [target!])).map((row) => row.state)).toEqual(["succeeded"]);
    expect((await deps.client.getUser(target!)).isActive).toBe(false);
  });
});
