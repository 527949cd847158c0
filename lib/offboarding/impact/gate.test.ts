import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { createAccount } from "@/lib/auth/accounts";
import type { SessionUser } from "@/lib/auth/session";
import { type DatabaseHandle, auditEvents, jobItems } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { ApiError } from "@/lib/http/errors";
import { createJob } from "@/lib/jobs/actions";
import { bulkRules } from "@/lib/jobs/config";
import { dryRun } from "@/lib/jobs/dry-run";
import { gateJob } from "@/lib/jobs/open-work-gate";
import { jobStatus, waitFor } from "@/lib/jobs/test-support";
import { startWorker } from "@/lib/jobs/worker";
import { WorkfrontError, type WorkfrontClient } from "@/lib/workfront";
import { clientFor, control, startTestEmulator } from "@/lib/workfront/test-support";
import { type StatusChangeInput, changeUserStatus } from "../change-status";
import type { OffboardingDeps } from "../deps";
import { blockingOf } from "./gate";

/**
 * The gate (issue 16) on the server: blocking open work refuses a deactivation, single or in a
 * job, with 409 `open_work_blocking` unless an admin overrides with a reason; the impact check is
 * kept with the audit row as evidence.
 */
let emulator: RunningEmulator;
let database: DatabaseHandle;
let deps: OffboardingDeps;
let operator: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 400 });
  database = await createMigratedTestDatabase();
  const account = async (role: "operator" | "admin"): Promise<SessionUser> => {
    const made = await createAccount(database.db, { email: `gate-${role}@example.com`, role, password: "a long enough password" });
    return { id: made.id, email: made.email, name: null, role, locale: null };
  };
  operator = await account("operator");
  admin = await account("admin");
  deps = { db: database.db, client: clientFor(emulator), protectedUsers: [] };
});
afterAll(async () => {
  await database?.close();
  await emulator?.close();
});
beforeEach(() => control(emulator, "POST", "reset"));

const input = (targetId: string, overrides: Partial<StatusChangeInput> = {}): StatusChangeInput => ({
  action: "deactivate",
  targetId,
  reason: "Left the company",
  ticket: "HR-16",
  actor: operator,
  requestId: `req-${targetId}`,
  clientIp: null,
  ...overrides,
});

/** Active, non-admin people the seed gave approvals awaiting them (blocking), and some with none. */
async function seededPeople(): Promise<{ blocked: string[]; clear: string[] }> {
  const users = await deps.client.searchUsers({
    filters: [
      { field: "isActive", value: true },
      { field: "accessLevel:isAdmin", value: false },
      { field: "ID", op: "notin", values: [emulator.adminUserID, emulator.integrationUser.ID] },
    ],
    sort: [{ field: "ID", direction: "asc" }],
    limit: 400,
  });
  const awaiting = new Set((await deps.client.searchWork("AWAPVL", { fields: ["approverID"], limit: 2000 })).map((row) => String(row.values.approverID)));
  const stageApprovers = new Set((await deps.client.searchWork("SPAPVR", { fields: ["userID"], limit: 2000 })).map((row) => String(row.values.userID)));
  const blocked = users.filter((user) => awaiting.has(user.id)).map((user) => user.id);
  const clear = users.filter((user) => !awaiting.has(user.id) && !stageApprovers.has(user.id)).map((user) => user.id);
  if (blocked.length < 2 || clear.length < 3) throw new Error("the seed has too few people with and without approvals awaiting");
  return { blocked, clear };
}

async function rowsFor(targetId: string) {
  return database.db.select().from(auditEvents).where(eq(auditEvents.targetId, targetId));
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("one deactivation", () => {
  it("refuses someone awaited for an approval: 409 open_work_blocking, audited with the counts, Workfront unchanged", async () => {
    const [target] = (await seededPeople()).blocked;
    const error = await caught(changeUserStatus(deps, input(target!)));
    expect(error.status).toBe(409);
    expect(error.code).toBe("open_work_blocking");
    const people = (error.extra.details as { people: { userId: string; blocking: { key: string; count: number | null }[] }[] }).people;
    expect(people).toHaveLength(1);
    expect(people[0]!.userId).toBe(target);
    expect(people[0]!.blocking.find((entry) => entry.key === "approvalsAwaiting")?.count).toBeGreaterThan(0);
    expect((await deps.client.getUser(target!)).isActive).toBe(true);
    const [row] = await rowsFor(target!);
    expect(row).toMatchObject({ outcome: "refused", refusedCode: "open_work_blocking", actorEmail: operator.email });
    expect(row!.openWork?.blocking).toBeGreaterThan(0);
    expect(row!.openWork?.override).toBeNull();
  });

  it("ignores an operator's override: only the admin role may override (the route answers 403 before)", async () => {
    const [target] = (await seededPeople()).blocked;
    const error = await caught(changeUserStatus(deps, input(target!, { overrideOpenWork: { reason: "Approvals moved by hand" } })));
    expect(error.code).toBe("open_work_blocking");
    expect((await deps.client.getUser(target!)).isActive).toBe(true);
  });

  it("lets an admin override with a reason, and records who, why and what was blocking", async () => {
    const [target] = (await seededPeople()).blocked;
    await changeUserStatus(deps, input(target!, { actor: admin, overrideOpenWork: { reason: "Approvals moved by hand" } }));
    expect((await deps.client.getUser(target!)).isActive).toBe(false);
    const [row] = await rowsFor(target!);
    expect(row).toMatchObject({ outcome: "succeeded", actorEmail: admin.email, actorRole: "admin" });
    expect(row!.openWork?.override?.reason).toBe("Approvals moved by hand");
    expect(row!.openWork?.override?.blocking.map((entry) => entry.key)).toContain("approvalsAwaiting");
  });

  it("deactivates someone without blocking work and keeps the impact check as evidence", async () => {
    const [target] = (await seededPeople()).clear;
    await changeUserStatus(deps, input(target!));
    const [row] = await rowsFor(target!);
    expect(row!.outcome).toBe("succeeded");
    expect(row!.openWork).toMatchObject({ blocking: 0, override: null, unavailable: [] });
    expect(typeof row!.openWork?.checkedAt).toBe("string");
  });

  it("counts a blocking category Workfront will not answer as unknown, and unknown blocks", async () => {
    const [target] = (await seededPeople()).clear;
    const refusing: WorkfrontClient = {
      ...deps.client,
      countWorkBy: (objCode, query) =>
        objCode === "AWAPVL"
          ? Promise.reject(new WorkfrontError("validation", "APIModel V21_0 does not support field approverID (AWAPVL)"))
          : deps.client.countWorkBy(objCode, query),
    };
    const error = await caught(changeUserStatus({ ...deps, client: refusing }, input(target!)));
    expect(error.code).toBe("open_work_blocking");
    expect((error.extra.details as { people: { blocking: unknown[] }[] }).people[0]!.blocking).toEqual([{ key: "approvalsAwaiting", count: null }]);
  });
});

describe("blockingOf", () => {
  it("names each blocking category with its count, unknown as null, and nothing for warnings only", () => {
    expect(blockingOf({ counts: { taskAssignments: 4 }, total: 4, blocking: 0, unavailable: ["reportsRunAs"] })).toEqual([]);
    expect(
      blockingOf({ counts: { approvalsAwaiting: 2, approvalStages: 3 }, total: 5, blocking: 3, blockingBy: { approvalsAwaiting: 2, approvalStages: 1 }, unavailable: [] }),
    ).toEqual([
      { key: "approvalsAwaiting", count: 2 },
      { key: "approvalStages", count: 1 },
    ]);
    expect(blockingOf({ counts: {}, total: 0, blocking: 0, unavailable: ["approvalStages"] })).toEqual([{ key: "approvalStages", count: null }]);
  });
});

describe("a deactivation job", () => {
  const actor = (who: SessionUser) => ({ accountId: who.id, email: who.email, role: who.role, requestId: "req-job", clientIp: null });

  it("is refused before it exists while someone in it holds blocking work, listing them", async () => {
    const { blocked, clear } = await seededPeople();
    const ids = [...clear.slice(0, 3), blocked[0]!];
    const error = await caught(gateJob(deps.client, ids, new Map(), null));
    expect(error.status).toBe(409);
    expect(error.code).toBe("open_work_blocking");
    expect((error.extra.details as { people: { userId: string }[] }).people.map((person) => person.userId)).toEqual([blocked[0]]);
  });

  it("shows each person's open work in the dry run, the blocked ones counted", async () => {
    const { blocked, clear } = await seededPeople();
    const preview = await dryRun(deps, { kind: "deactivate", userIds: [clear[0]!, blocked[0]!], role: "operator" }, bulkRules());
    expect(preview.openWork?.blocked).toBe(1);
    const item = preview.items.find((entry) => entry.userId === blocked[0]);
    expect(item?.openWork?.blocking.map((entry) => entry.key)).toContain("approvalsAwaiting");
    expect(preview.items.find((entry) => entry.userId === clear[0])?.openWork?.blocking).toEqual([]);
  });

  it("with an admin's override runs everyone, and each audit row holds the person's evidence", async () => {
    const { blocked, clear } = await seededPeople();
    const ids = [clear[0]!, blocked[0]!];
    const override = { reason: "Approvals handed over in a meeting" };
    const openWork = await gateJob(deps.client, ids, new Map(), override);
    const jobId = await createJob(database.db, { kind: "deactivate", userIds: ids, reason: "Team closed", overrideOpenWork: override }, actor(admin), bulkRules(), new Map(), openWork);
    const items = await database.db.select().from(jobItems).where(eq(jobItems.jobId, jobId));
    expect(items.find((item) => item.targetId === blocked[0])?.openWork?.override?.reason).toBe(override.reason);
    const worker = startWorker({ deps, chunkSize: 10, pollMs: 20 });
    try {
      await waitFor("the job to end", async () => (await jobStatus(database.db, jobId)) === "completed");
    } finally {
      await worker.stop();
    }
    const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.jobId, jobId));
    expect(rows.map((row) => row.outcome).sort()).toEqual(["succeeded", "succeeded"]);
    expect(rows.find((row) => row.targetId === blocked[0])?.openWork?.override?.blocking[0]?.key).toBe("approvalsAwaiting");
    expect(rows.find((row) => row.targetId === clear[0])?.openWork).toMatchObject({ blocking: 0, override: null });
  });

  it("made while Workfront cannot be asked, defers the check to the worker, which refuses the blocked person and keeps everyone's evidence", async () => {
    const { blocked, clear } = await seededPeople();
    const ids = [clear[0]!, blocked[0]!];
    const down: WorkfrontClient = {
      ...deps.client,
      countWorkBy: () => Promise.reject(new WorkfrontError("auth", "The credential was refused")),
    };
    const gate = await gateJob(down, ids, new Map(), null);
    expect(gate).toMatchObject({ deferred: true });
    const jobId = await createJob(database.db, { kind: "deactivate", userIds: ids, reason: "Team closed" }, actor(operator), bulkRules(), new Map(), gate);
    const worker = startWorker({ deps, chunkSize: 10, pollMs: 20 });
    try {
      await waitFor("the job to end", async () => (await jobStatus(database.db, jobId)) === "completed");
    } finally {
      await worker.stop();
    }
    const items = await database.db.select().from(jobItems).where(eq(jobItems.jobId, jobId));
    expect(items.find((item) => item.targetId === blocked[0])).toMatchObject({ state: "refused", errorCode: "open_work_blocking" });
    expect(items.find((item) => item.targetId === clear[0])?.state).toBe("succeeded");
    expect((await deps.client.getUser(blocked[0]!)).isActive).toBe(true);
    const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.jobId, jobId));
    expect(rows.find((row) => row.targetId === blocked[0])).toMatchObject({ outcome: "refused", refusedCode: "open_work_blocking" });
    expect(rows.every((row) => row.openWork !== null)).toBe(true);
  });
});
