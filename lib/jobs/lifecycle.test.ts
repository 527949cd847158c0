import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { ApiError } from "@/lib/http/errors";
import { type DatabaseHandle, auditEvents, jobItems, jobs } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { blockingOf, checkPeople } from "@/lib/offboarding/impact";
import type { WorkfrontUser } from "@/lib/workfront";
import { control, startTestEmulator } from "@/lib/workfront/test-support";
import { cancelJob, createJob, retryFailed, undoJob } from "./actions";
import { claimItems } from "./claim";
import { dryRun } from "./dry-run";
import { getJobDetail, listJobs } from "./queries";
import { applyOutcomes, prepareWrites } from "./record-outcomes";
import { loadJobContexts } from "./job-context";
import { tryLockPeople, unlockPeople } from "@/lib/offboarding/person-locks";
import { processChunk } from "./process-chunk";
import { expectJobConsistent, jobStatus, operator, storedUsers, testDeps, waitFor } from "./test-support";
import { startWorker } from "./worker";

/** Cancel, retry, undo (a bulk reactivation), the dry run and the job's read model, end to end. */
let emulator: RunningEmulator;
let handle: DatabaseHandle;
let deps: OffboardingDeps;
let ordinary: WorkfrontUser[];
const rules = { confirmThreshold: 5, hardCap: 20 };
const settings = { owner: "test-worker", maxAttempts: 3, writeMode: "bulk" as const, batch: "off" as const, leaseMs: 45_000, retryDelayMs: () => 0 };
const unknownId = "f".repeat(32);

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 300, jitterMs: 3 });
  handle = await createMigratedTestDatabase();
  deps = testDeps(handle.db, emulator);
  const users = await deps.client.searchUsers({
    filters: [
      { field: "isActive", value: true },
      { field: "accessLevel:isAdmin", value: false },
    ],
    sort: [{ field: "ID", direction: "asc" }],
    limit: 200,
  });
  ordinary = users.filter((u) => u.id !== emulator.integrationUser.ID);
});
afterAll(async () => {
  await handle?.close();
  await emulator?.close();
});

const take = (() => {
  let next = 0;
  return (count: number) => {
    next += count;
    return ordinary.slice(next - count, next);
  };
})();

async function runToEnd(jobId: string) {
  const worker = startWorker({ deps, concurrency: 2, chunkSize: 10, pollMs: 20, retryBaseMs: 10, maxAttempts: 2 });
  try {
    await waitFor("the job to end", async () => ["completed", "cancelled"].includes((await jobStatus(handle.db, jobId)) ?? ""));
  } finally {
    await worker.stop();
  }
}

async function statesOf(ids: readonly string[]) {
  return new Map([...(await storedUsers(emulator, ids))].map(([id, user]) => [id, user.isActive]));
}

describe("creating a job", () => {
  it("checks the confirm count and the hard cap for the role", async () => {
    const ids = take(6).map((u) => u.id);
    const body = { kind: "deactivate" as const, userIds: ids, reason: "Team closed" };
    await expect(createJob(handle.db, body, operator, rules)).rejects.toMatchObject({ status: 400, code: "confirm_count_required" });
    await expect(createJob(handle.db, { ...body, confirmCount: 5 }, operator, rules)).rejects.toMatchObject({ code: "confirm_count_mismatch" });
    const many = Array.from({ length: 21 }, (_, i) => (i + 1).toString(16).padStart(32, "0"));
    await expect(createJob(handle.db, { ...body, userIds: many, confirmCount: 21 }, operator, rules)).rejects.toMatchObject({
      status: 403,
      code: "over_hard_cap",
    });
    const jobId = await createJob(handle.db, { ...body, userIds: many, confirmCount: 21 }, { ...operator, role: "admin" }, rules);
    const detail = await getJobDetail(handle.db, jobId, { page: 2, pageSize: 10 });
    expect(detail?.job).toMatchObject({ status: "queued", counts: { total: 21, pending: 21, remaining: 21 }, actions: { cancel: true } });
    expect(detail?.items.rows.map((row) => row.position)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    await cancelJob(handle.db, jobId, operator);
    expect(await jobStatus(handle.db, jobId)).toBe("cancelled");
  });
});

describe("the dry run", () => {
  it("says what would happen to each person without changing anything", async () => {
    const [active] = take(1);
    const inactive = (await deps.client.searchUsers({ filters: [{ field: "isActive", value: false }], limit: 1 }))[0]!;
    const userIds = [active!.id, inactive.id, emulator.adminUserID, unknownId];
    const preview = await dryRun(deps, { kind: "deactivate", userIds, role: "operator" }, rules);
    expect(preview.items.map((item) => [item.userId, item.outcome, item.code])).toEqual([
      [active!.id, "would_change", null],
      [inactive.id, "already", null],
      [emulator.adminUserID, "protected", "main_admin"],
      [unknownId, "not_found", null],
    ]);
    expect(preview.items[3]!.reason).toBe("Workfront has no user with this ID.");
    expect(preview).toMatchObject({
      dryRun: true,
      people: 4,
      counts: { would_change: 1, already: 1, protected: 1, not_found: 1, error: 0 },
      rules: { confirmRequired: false, problem: null },
      licensesFreed: [{ licenseType: active!.licenseType, count: 1 }],
    });
    expect((await statesOf([active!.id])).get(active!.id)).toBe(true);
    const big = await dryRun(deps, { kind: "deactivate", userIds: take(6).map((u) => u.id), role: "operator", confirmCount: 2 }, rules);
    expect(big.rules).toMatchObject({ confirmRequired: true, problem: { code: "confirm_count_mismatch" } });
  });
});

describe("the dry run, further", () => {
  it("for a reactivation: needs no tenant facts, protects no one, and frees no licences", async () => {
    const [active] = take(1);
    const inactive = (await deps.client.searchUsers({ filters: [{ field: "isActive", value: false }], limit: 1 }))[0]!;
    const preview = await dryRun(deps, { kind: "reactivate", userIds: [inactive.id, active!.id, emulator.adminUserID], role: "operator" }, rules);
    expect(preview.items.map((item) => [item.outcome, item.code, item.reason])).toEqual([
      ["would_change", null, null],
      ["already", null, null],
      ["already", null, null],
    ]);
    expect(preview).toMatchObject({ kind: "reactivate", people: 3, counts: { would_change: 1, already: 2 }, licensesFreed: [] });
  });

  it("describes each person as Workfront has them, and counts licences by type, most first", async () => {
    const people = take(4);
    const preview = await dryRun(deps, { kind: "deactivate", userIds: people.map((u) => u.id), role: "operator" }, rules);
    expect(preview.items).toEqual(
      people.map((u) => ({
        userId: u.id,
        name: u.name,
        email: u.email,
        isActive: true,
        licenseType: u.licenseType,
        licenseTypeLabel: expect.any(String),
        isAdmin: false,
        outcome: "would_change",
        code: null,
        reason: null,
        // Their open work (issue 16), from the batched check.
        openWork: expect.objectContaining({ blocking: expect.any(Array), total: expect.any(Number) }),
      })),
    );
    const byType = new Map<string | null, number>();
    for (const u of people) byType.set(u.licenseType, (byType.get(u.licenseType) ?? 0) + 1);
    const freed = preview.licensesFreed;
    expect(freed.map((entry) => [entry.licenseType, entry.count]).sort()).toEqual([...byType].sort());
    expect(freed.reduce((sum, entry) => sum + entry.count, 0)).toBe(4);
    for (let i = 1; i < freed.length; i += 1) {
      const [before, after] = [freed[i - 1]!, freed[i]!];
      expect(before.count > after.count || (before.count === after.count && before.label.localeCompare(after.label) < 0)).toBe(true);
    }
    // The label is the tenant's word for the type, the same for every person of it.
    const labels = new Map(preview.items.map((item) => [item.licenseType, item.licenseTypeLabel]));
    expect(freed.every((entry) => entry.label === labels.get(entry.licenseType))).toBe(true);
  });

  it("counts the people who hold open work and those it blocks, and checks none for a reactivation", async () => {
    // Past the people other tests take and change. Picked by the check itself: those blocked by
    // their open work, three who hold some that does not block, three who hold none.
    const pool = ordinary.slice(100);
    const counts = await checkPeople(deps.client, pool.map((u) => u.id));
    const kind = (u: WorkfrontUser) => (blockingOf(counts.get(u.id)!).length > 0 ? "blocked" : counts.get(u.id)!.total > 0 ? "holding" : "none");
    // Two, three and two: no two of the counts are equal, so a count of the wrong kind shows.
    const people = [...pool.filter((u) => kind(u) === "blocked").slice(0, 2), ...pool.filter((u) => kind(u) === "holding").slice(0, 3), ...pool.filter((u) => kind(u) === "none").slice(0, 2)];
    // And someone already inactive: no open-work check for who would not change.
    const inactive = (await deps.client.searchUsers({ filters: [{ field: "isActive", value: false }], limit: 1 }))[0]!;
    const preview = await dryRun(deps, { kind: "deactivate", userIds: [...people.map((u) => u.id), inactive.id], role: "operator" }, { confirmThreshold: 50, hardCap: 100 });
    expect(preview.items.at(-1)).toMatchObject({ userId: inactive.id, outcome: "already" });
    expect(preview.items.at(-1)!.openWork).toBeUndefined();
    const holding = preview.items.filter((item) => item.openWork && (item.openWork.total > 0 || item.openWork.blocking.length > 0));
    const blocked = preview.items.filter((item) => item.openWork && item.openWork.blocking.length > 0);
    expect(blocked.length).toBe(2);
    expect(holding.length).toBe(5);
    expect(preview.openWork).toEqual({ people: holding.length, blocked: blocked.length });
    // The tenant's word for each licence type, not the type's code (a reactivation has no tenant facts).
    expect(preview.items.some((item) => item.licenseType && item.licenseTypeLabel !== item.licenseType)).toBe(true);

    const back = await dryRun(deps, { kind: "reactivate", userIds: people.slice(0, 3).map((u) => u.id), role: "operator" }, rules);
    expect(back.openWork).toBeUndefined();
    expect(back.successorInJob).toBeUndefined();
    expect(back.items.every((item) => item.openWork === undefined && item.licenseTypeLabel === item.licenseType)).toBe(true);
  });

  it("reports above the threshold that a count must be typed, without calling it a problem", async () => {
    const preview = await dryRun(deps, { kind: "deactivate", userIds: take(6).map((u) => u.id), role: "operator" }, rules);
    expect(preview.rules).toMatchObject({ people: 6, confirmRequired: true, overHardCap: false, roleAllowed: true, confirmThreshold: 5, hardCap: 20, problem: null });
  });

  it("names a person Workfront could not be asked about, and fails whole on a refused credential", async () => {
    const [person] = take(1);
    const quick = { ...deps, client: testDeps(handle.db, emulator, { maxRetries: 0 }).client };
    await control(emulator, "PATCH", "config", { faultRate: 1, faultKinds: ["error500"] });
    try {
      const preview = await dryRun(quick, { kind: "reactivate", userIds: [person!.id], role: "operator" }, rules);
      expect(preview.items).toEqual([
        expect.objectContaining({ userId: person!.id, name: null, isActive: null, isAdmin: false, outcome: "error", code: "unavailable" }),
      ]);
      expect(preview.items[0]?.reason).toEqual(expect.any(String));
      expect(preview.counts).toMatchObject({ error: 1, would_change: 0 });
    } finally {
      await control(emulator, "PATCH", "config", { faultRate: 0 });
    }
    await control(emulator, "POST", "api-keys/expire");
    try {
      await expect(dryRun(deps, { kind: "deactivate", userIds: [person!.id], role: "operator" }, rules)).rejects.toMatchObject({ code: "auth" });
    } finally {
      await control(emulator, "POST", "api-keys/restore");
    }
  });
});

describe("cancelling", () => {
  it("cancels who has not started, and finishes without writing who has", async () => {
    const people = take(5);
    const jobId = await createJob(handle.db, { kind: "deactivate", userIds: people.map((u) => u.id), reason: "Team closed" }, operator, rules);
    const before = await statesOf(people.map((u) => u.id));
    // Two people get as far as the audit row before their write, then meet a transient error.
    const claimed = await claimItems(handle.db, { owner: settings.owner, limit: 2, leaseMs: 30_000 });
    const job = (await loadJobContexts(handle.db, [jobId])).get(jobId)!;
    const users = new Map(people.map((u) => [u.id, u]));
    const { ready } = await prepareWrites(handle.db, settings.owner, claimed.map((item) => ({ item, job, user: users.get(item.targetId)! })));
    expect(ready).toHaveLength(2);
    await applyOutcomes(handle.db, settings, ready.map((r) => ({ type: "retry", item: r.item, job, user: r.user, error: { code: "timeout", message: "slow" } })));

    await cancelJob(handle.db, jobId, operator);
    const detail = await getJobDetail(handle.db, jobId, { page: 1, pageSize: 50 });
    expect(detail?.job).toMatchObject({ status: "cancelling", counts: { cancelled: 3, pending: 2 }, actions: { cancel: false } });
    await runToEnd(jobId);

    expect(await jobStatus(handle.db, jobId)).toBe("cancelled");
    const { items } = await expectJobConsistent(handle.db, emulator, jobId, before);
    expect(items.every((item) => item.state === "cancelled")).toBe(true);
    const rows = await handle.db.select().from(auditEvents).where(eq(auditEvents.jobId, jobId));
    expect(rows.map((row) => [row.outcome, row.errorCode])).toEqual([
      ["failed", "cancelled"],
      ["failed", "cancelled"],
    ]);
    await expect(cancelJob(handle.db, jobId, operator)).rejects.toMatchObject({ status: 409, code: "job_finished" });
  });
});

describe("retrying and undoing", () => {
  it("retries the failed with a new audit row, and undoes a deactivation, restoring access levels", async () => {
    const people = take(4);
    const ids = [...people.map((u) => u.id), unknownId];
    const before = await statesOf(people.map((u) => u.id));
    const jobId = await createJob(handle.db, { kind: "deactivate", userIds: ids, reason: "Contracts ended", ticket: "HR-7" }, operator, rules);
    await runToEnd(jobId);
    const detail = await getJobDetail(handle.db, jobId, { page: 1, pageSize: 50, state: "failed" });
    expect(detail?.job).toMatchObject({ status: "completed", counts: { succeeded: 4, failed: 1 }, actions: { retry: true, undo: true } });
    expect(detail?.items.rows).toMatchObject([{ targetId: unknownId, errorCode: "not_found" }]);

    expect(await retryFailed(handle.db, jobId, operator)).toBe(1);
    expect(await jobStatus(handle.db, jobId)).toBe("running");
    await runToEnd(jobId);
    const failedRows = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.jobId, jobId), eq(auditEvents.targetId, unknownId)));
    // One completed row per run of the person: the first run's and the retry's.
    expect(failedRows.map((row) => row.outcome)).toEqual(["failed", "failed"]);
    await expect(retryFailed(handle.db, jobId, operator)).resolves.toBe(1);
    await runToEnd(jobId);

    const undoId = await undoJob(handle.db, jobId, operator, {}, rules);
    await expect(undoJob(handle.db, jobId, operator, {}, rules)).rejects.toMatchObject({ code: "undo_in_progress" });
    await runToEnd(undoId);
    const undo = await getJobDetail(handle.db, undoId, { page: 1, pageSize: 50 });
    expect(undo?.job).toMatchObject({ kind: "reactivate", undoOf: jobId, ticket: "HR-7", counts: { succeeded: 4, total: 4 } });
    expect(undo?.job.reason).toMatch(/^Undo of bulk job/);
    expect(undo?.items.rows.map((row) => row.targetName)).toEqual(people.map((u) => u.name));
    const after = await storedUsers(emulator, people.map((u) => u.id));
    for (const person of people) {
      expect(after.get(person.id)).toMatchObject({ isActive: before.get(person.id), accessLevelID: person.accessLevel?.id });
    }
    const reactivations = await handle.db.select().from(auditEvents).where(eq(auditEvents.jobId, undoId));
    expect(reactivations.map((row) => [row.action, row.outcome])).toEqual(people.map(() => ["reactivate", "succeeded"]));
    await expect(undoJob(handle.db, undoId, operator, {}, rules)).rejects.toMatchObject({ code: "not_undoable" });
  });

  it("refuses what the job's state does not allow", async () => {
    const [person] = take(1);
    const jobId = await createJob(handle.db, { kind: "deactivate", userIds: [person!.id], reason: "Left" }, operator, rules);
    await expect(undoJob(handle.db, jobId, operator, {}, rules)).rejects.toMatchObject({ code: "job_not_finished" });
    await expect(retryFailed(handle.db, jobId, operator)).rejects.toMatchObject({ code: "nothing_to_retry" });
    await expect(cancelJob(handle.db, "00000000-0000-4000-8000-000000000000", operator)).rejects.toBeInstanceOf(ApiError);
    await runToEnd(jobId);
  });
});

describe("the jobs list", () => {
  it("lists newest first with counts, paged, and filters by status", async () => {
    // Three jobs of its own (so it asserts something when run alone), all cancelled before they
    // start, so that no later test's worker claims them.
    const made: { id: string; people: number }[] = [];
    for (const people of [1, 2, 3]) {
      const id = await createJob(handle.db, { kind: "deactivate", userIds: take(people).map((u) => u.id), reason: "Team closed" }, operator, rules);
      await cancelJob(handle.db, id, operator);
      made.push({ id, people });
    }
    const newestFirst = [...made].reverse();

    const first = await listJobs(handle.db, { page: 1, pageSize: 2 });
    expect(first.total).toBe(await handle.db.$count(jobs));
    expect(first.total).toBeGreaterThanOrEqual(3);
    expect(first.jobs.map((job) => job.id)).toEqual(newestFirst.slice(0, 2).map((job) => job.id));
    expect(first.jobs.map((job) => job.counts.total)).toEqual([3, 2]);
    const second = await listJobs(handle.db, { page: 2, pageSize: 2 });
    expect(second.jobs[0]?.id).toBe(made[0]!.id);
    expect(second.jobs[0]?.counts).toMatchObject({ total: 1, cancelled: 1 });

    const all = await listJobs(handle.db, { page: 1, pageSize: 100 });
    const times = all.jobs.map((job) => new Date(job.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const cancelled = await listJobs(handle.db, { page: 1, pageSize: 100, status: "cancelled" });
    expect(cancelled.jobs.map((job) => job.id)).toEqual(expect.arrayContaining(made.map((job) => job.id)));
    expect(cancelled.jobs.every((job) => job.status === "cancelled")).toBe(true);
    expect(cancelled.total).toBe(await handle.db.$count(jobs, eq(jobs.status, "cancelled")));
    expect((await listJobs(handle.db, { page: 1, pageSize: 100, status: "running" })).jobs.map((job) => job.id)).not.toEqual(
      expect.arrayContaining([made[0]!.id]),
    );
  });
});

describe("a chunk on its own", () => {
  it("records a person already inactive as already, and writes nobody twice", async () => {
    const [person] = take(1);
    const jobId = await createJob(handle.db, { kind: "deactivate", userIds: [person!.id], reason: "Left" }, operator, rules);
    await deps.client.updateUser(person!.id, { isActive: false });
    const claimed = await claimItems(handle.db, { owner: settings.owner, limit: 10, leaseMs: 30_000 });
    expect(claimed.map((item) => item.jobId)).toEqual([jobId]);
    expect(await processChunk(deps, settings, claimed)).toMatchObject({ items: 1, written: 0, lost: 0 });
    const detail = await getJobDetail(handle.db, jobId, { page: 1, pageSize: 10 });
    expect(detail?.job).toMatchObject({ status: "completed", counts: { already: 1 } });
  });

  it("refuses the people on PROTECTED_USERS (by e-mail or ID) and writes the others", async () => {
    const [byEmail, byId, free] = take(3);
    const guarded = { ...deps, protectedUsers: [byEmail!.email!.toLowerCase(), byId!.id] };
    const jobId = await createJob(handle.db, { kind: "deactivate", userIds: [byEmail!.id, byId!.id, free!.id], reason: "Left" }, operator, rules);
    const claimed = await claimItems(handle.db, { owner: settings.owner, limit: 10, leaseMs: 30_000 });
    expect(claimed.map((item) => item.jobId)).toEqual([jobId, jobId, jobId]);
    expect(await processChunk(guarded, settings, claimed)).toMatchObject({ items: 3, written: 1 });
    const states = await statesOf([byEmail!.id, byId!.id, free!.id]);
    expect([states.get(byEmail!.id), states.get(byId!.id), states.get(free!.id)]).toEqual([true, true, false]);
    const detail = await getJobDetail(handle.db, jobId, { page: 1, pageSize: 10, state: "refused" });
    expect(detail?.job).toMatchObject({ status: "completed", counts: { refused: 2, succeeded: 1 } });
    expect(detail?.items.rows.map((row) => [row.targetId, row.errorCode]).sort()).toEqual(
      [[byEmail!.id, "configured"], [byId!.id, "configured"]].sort(),
    );
    const rows = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.jobId, jobId), eq(auditEvents.outcome, "refused")));
    expect(rows.map((row) => row.refusedCode)).toEqual(["configured", "configured"]);
  });

  it("leaves a person another action holds for a later claim, without counting an attempt", async () => {
    const [held, free] = take(2);
    const jobId = await createJob(handle.db, { kind: "deactivate", userIds: [held!.id, free!.id], reason: "Left" }, operator, rules);
    await tryLockPeople(handle.db, "a-single-action", [held!.id], 60_000);
    const first = await claimItems(handle.db, { owner: settings.owner, limit: 10, leaseMs: 30_000 });
    expect(await processChunk(deps, settings, first)).toMatchObject({ items: 1, written: 1 });
    const waiting = await handle.db.select().from(jobItems).where(and(eq(jobItems.jobId, jobId), eq(jobItems.targetId, held!.id)));
    expect(waiting[0]).toMatchObject({ state: "pending", attempts: 0, auditEventId: null });
    expect((await statesOf([held!.id])).get(held!.id)).toBe(true);

    await unlockPeople(handle.db, "a-single-action", [held!.id]);
    // It waits half a second before it may be claimed again; no need to sleep through it here.
    await handle.db.update(jobItems).set({ availableAt: new Date(0) }).where(and(eq(jobItems.jobId, jobId), eq(jobItems.targetId, held!.id)));
    const second = await claimItems(handle.db, { owner: settings.owner, limit: 10, leaseMs: 30_000 });
    expect(second.map((item) => item.targetId)).toEqual([held!.id]);
    expect(await processChunk(deps, settings, second)).toMatchObject({ items: 1, written: 1 });
    const detail = await getJobDetail(handle.db, jobId, { page: 1, pageSize: 10 });
    expect(detail?.job).toMatchObject({ status: "completed", counts: { succeeded: 2 } });
  });
});
