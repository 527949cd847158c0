import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { completeAttempts } from "@/lib/audit/record";
import { type DatabaseHandle, auditEvents, indexedUsers, jobItems, jobs, userIndexState } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { logger } from "@/lib/logger";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import type { OpenWorkEvidence } from "@/lib/offboarding/impact/types";
import { tryLockPeople, unlockPeople } from "@/lib/offboarding/person-locks";
import { WorkfrontError } from "@/lib/workfront";
import { cancelJob } from "./actions";
import { insertJob } from "./create-job";
import { type ChunkSettings, processChunk } from "./process-chunk";
import { type FakeWorkfront, claimJobs, fakeWorkfront, person, wfId } from "./test-chunk-workfront";
import { operator } from "./test-support";

/**
 * One chunk at a time against an in-memory Workfront (test-chunk-workfront.ts) that fails on cue:
 * each of the chunk's decisions, and what it records for each item (state, error, attempts, audit rows).
 */
let handle: DatabaseHandle;
const db = () => handle.db;
const owner = "chunk-test";
const settings: ChunkSettings = { owner, maxAttempts: 3, writeMode: "bulk", batch: "off", leaseMs: 30_000, retryDelayMs: () => 0 };
const NO_REPORT = { items: 0, written: 0, lost: 0, paused: [] };

beforeAll(async () => {
  handle = await createMigratedTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const depsOf = (wf: FakeWorkfront, protectedUsers: string[] = []): OffboardingDeps => ({ db: db(), client: wf.client, protectedUsers });

async function newJob(kind: "deactivate" | "reactivate", targets: { id: string; openWork?: OpenWorkEvidence }[], extra: { openWorkDeferred?: boolean } = {}) {
  return insertJob(db(), { kind, targets, reason: "Contracts ended", ticket: null, actor: operator, ...extra });
}

async function itemsOf(jobId: string) {
  return db().select().from(jobItems).where(eq(jobItems.jobId, jobId)).orderBy(asc(jobItems.position));
}

async function auditOf(jobId: string) {
  return db().select().from(auditEvents).where(eq(auditEvents.jobId, jobId)).orderBy(asc(auditEvents.id));
}

async function statusOf(jobId: string) {
  const [row] = await db().select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId));
  return row?.status;
}

/** Each bulk edit's writes, by person (the chunk's order is the claim's, which SQL does not fix). */
const writesOf = (wf: FakeWorkfront) =>
  wf.calls
    .filter((call) => call.method === "updateUsers")
    .map((call) => [...(call.arg as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id)));

describe("a person whose earlier attempt left a pending audit row", () => {
  it("is recorded as succeeded when the lost write did land, completing that same row", async () => {
    const ann = person(0x101);
    const wf = fakeWorkfront([ann]);
    const jobId = await newJob("deactivate", [{ id: ann.id }]);
    // First claim: the bulk edit times out and nothing is applied; the person goes back to pending.
    wf.faults.updateUsers = () => new WorkfrontError("timeout", "No answer within 30 s");
    expect(await processChunk(depsOf(wf), settings, await claimJobs(db(), [jobId], owner))).toEqual({ ...NO_REPORT, items: 1, written: 1 });
    const [first] = await itemsOf(jobId);
    expect(first).toMatchObject({ state: "pending", attempts: 1, errorCode: "timeout", errorMessage: "No answer within 30 s", leaseOwner: null });
    const [pending] = await auditOf(jobId);
    expect(pending).toMatchObject({ id: first!.auditEventId, outcome: "pending", isActiveBefore: true });

    // The write landed after all; the next claim finds the person inactive.
    wf.faults.updateUsers = undefined;
    wf.users.get(ann.id)!.isActive = false;
    expect(await processChunk(depsOf(wf), settings, await claimJobs(db(), [jobId], owner))).toEqual({ ...NO_REPORT, items: 1 });
    const [item] = await itemsOf(jobId);
    expect(item).toMatchObject({ state: "succeeded", attempts: 2, errorCode: null, auditEventId: pending!.id });
    const rows = await auditOf(jobId);
    expect(rows.map((row) => [row.id, row.outcome, row.isActiveBefore, row.isActiveAfter])).toEqual([[pending!.id, "succeeded", true, false]]);
    expect(writesOf(wf)).toHaveLength(1);
    expect(await statusOf(jobId)).toBe("completed");
  });

  it("for a reactivation too, while someone active with no earlier row is already", async () => {
    const [bob, bea] = [person(0x102, { isActive: false }), person(0x104)];
    const wf = fakeWorkfront([bob, bea]);
    const jobId = await newJob("reactivate", [{ id: bob.id }, { id: bea.id }]);
    wf.faults.updateUsers = () => new WorkfrontError("unavailable", "down");
    await processChunk(depsOf(wf), settings, await claimJobs(db(), [jobId], owner));
    const [row] = await auditOf(jobId);
    expect(row).toMatchObject({ targetId: bob.id, outcome: "pending", isActiveBefore: false });
    wf.faults.updateUsers = undefined;
    wf.users.get(bob.id)!.isActive = true;
    await processChunk(depsOf(wf), settings, await claimJobs(db(), [jobId], owner));
    expect((await itemsOf(jobId)).map((item) => [item.targetId, item.state, item.auditEventId === row!.id])).toEqual([
      [bob.id, "succeeded", true],
      [bea.id, "already", false],
    ]);
    expect((await auditOf(jobId)).map((r) => [r.targetId, r.outcome, r.isActiveBefore, r.isActiveAfter]).sort()).toEqual([
      [bob.id, "succeeded", false, true],
      [bea.id, "already", true, true],
    ]);
    expect(writesOf(wf)).toHaveLength(1);
  });

  it("starts a new row when the earlier one is already complete, and never completes a row twice", async () => {
    const cy = person(0x103);
    const wf = fakeWorkfront([cy]);
    const jobId = await newJob("deactivate", [{ id: cy.id }]);
    wf.faults.updateUsers = () => new WorkfrontError("unavailable", "down");
    await processChunk(depsOf(wf), settings, await claimJobs(db(), [jobId], owner));
    const [before] = await itemsOf(jobId);
    expect(before).toMatchObject({ state: "pending", errorCode: "unavailable" });
    // Something else completed that row meanwhile.
    await completeAttempts(db(), [{ id: before!.auditEventId, completion: { outcome: "failed", errorCode: "unavailable", errorMessage: "down", isActiveAfter: null } }]);

    wf.faults.updateUsers = undefined;
    expect(await processChunk(depsOf(wf), settings, await claimJobs(db(), [jobId], owner))).toEqual({ ...NO_REPORT, items: 1, written: 1 });
    const [item] = await itemsOf(jobId);
    const rows = await auditOf(jobId);
    expect(rows.map((row) => [row.id, row.outcome])).toEqual([
      [before!.auditEventId, "failed"],
      [item!.auditEventId, "succeeded"],
    ]);
    expect(item!.auditEventId).not.toBe(before!.auditEventId);
    expect(item).toMatchObject({ state: "succeeded", attempts: 2 });
    expect(wf.users.get(cy.id)!.isActive).toBe(false);
  });
});

describe("failed calls", () => {
  it("a transient read failure sends the person back with its error after the backoff, and fails them at the last attempt", async () => {
    const dee = person(0x111);
    const wf = fakeWorkfront([dee]);
    wf.faults.getUsers = () => new WorkfrontError("unavailable", "Workfront is down");
    const jobId = await newJob("deactivate", [{ id: dee.id }]);
    const twoTries = { ...settings, maxAttempts: 2, retryDelayMs: (attempts: number) => attempts * 3_600_000 };
    expect(await processChunk(depsOf(wf), twoTries, await claimJobs(db(), [jobId], owner))).toEqual({ ...NO_REPORT, items: 1 });
    const [waiting] = await itemsOf(jobId);
    expect(waiting).toMatchObject({ state: "pending", attempts: 1, errorCode: "unavailable", errorMessage: "Workfront is down", auditEventId: null, leaseOwner: null, leaseExpiresAt: null, finishedAt: null, targetName: null });
    // An hour's backoff: not claimable now.
    expect(await claimJobs(db(), [jobId], owner)).toEqual([]);
    expect(await auditOf(jobId)).toEqual([]);

    await db().update(jobItems).set({ availableAt: new Date(0) }).where(eq(jobItems.jobId, jobId));
    await processChunk(depsOf(wf), twoTries, await claimJobs(db(), [jobId], owner));
    const [failed] = await itemsOf(jobId);
    expect(failed).toMatchObject({ state: "failed", attempts: 2, errorCode: "unavailable", errorMessage: "Workfront is down", leaseExpiresAt: null });
    const rows = await auditOf(jobId);
    expect(rows.map((row) => [row.id, row.outcome, row.errorCode, row.errorMessage])).toEqual([[failed!.auditEventId, "failed", "unavailable", "Workfront is down"]]);
    expect(await statusOf(jobId)).toBe("completed");
    expect(wf.users.get(dee.id)!.isActive).toBe(true);
  });

  it("the tenant's facts failing sends a deactivation back, naming the person, and writes nobody", async () => {
    const eve = person(0x121);
    const wf = fakeWorkfront([eve]);
    wf.faults.getCustomer = () => new WorkfrontError("throttled", "Too many requests");
    const jobId = await newJob("deactivate", [{ id: eve.id }]);
    expect(await processChunk(depsOf(wf), settings, await claimJobs(db(), [jobId], owner))).toEqual({ ...NO_REPORT, items: 1 });
    expect((await itemsOf(jobId))[0]).toMatchObject({
      state: "pending",
      attempts: 1,
      errorCode: "throttled",
      errorMessage: "Too many requests",
      targetName: eve.name,
      targetEmail: eve.email,
      auditEventId: null,
    });
    expect(wf.called("updateUsers")).toBe(0);
    expect(wf.users.get(eve.id)!.isActive).toBe(true);
    expect(await auditOf(jobId)).toEqual([]);
  });

  it("a change Workfront accepts without applying it fails as not_applied", async () => {
    const fay = person(0x131);
    const wf = fakeWorkfront([fay]);
    wf.ignoring.add(fay.id);
    const jobId = await newJob("deactivate", [{ id: fay.id }]);
    expect(await processChunk(depsOf(wf), settings, await claimJobs(db(), [jobId], owner))).toEqual({ ...NO_REPORT, items: 1, written: 1 });
    const [item] = await itemsOf(jobId);
    const message = "Workfront accepted the change but still reports isActive: true.";
    expect(item).toMatchObject({ state: "failed", errorCode: "not_applied", errorMessage: message });
    const rows = await auditOf(jobId);
    expect(rows.map((row) => [row.id, row.outcome, row.errorCode, row.errorMessage, row.isActiveBefore, row.isActiveAfter])).toEqual([
      [item!.auditEventId, "failed", "not_applied", message, true, true],
    ]);
  });

  it("a single edit Workfront refuses fails that person only, with Workfront's reason", async () => {
    const [gus, hal] = [person(0x141), person(0x142)];
    const wf = fakeWorkfront([gus, hal]);
    wf.faults.updateUser = (id) => (id === gus.id ? new WorkfrontError("validation", "This user cannot be deactivated") : undefined);
    const jobId = await newJob("deactivate", [{ id: gus.id }, { id: hal.id }]);
    const single = { ...settings, writeMode: "single" as const };
    expect(await processChunk(depsOf(wf), single, await claimJobs(db(), [jobId], owner))).toEqual({ ...NO_REPORT, items: 2, written: 2 });
    const items = await itemsOf(jobId);
    expect(items.map((item) => [item.targetId, item.state, item.errorCode, item.errorMessage])).toEqual([
      [gus.id, "failed", "validation", "This user cannot be deactivated"],
      [hal.id, "succeeded", null, null],
    ]);
    expect((await auditOf(jobId)).map((row) => [row.targetId, row.outcome, row.errorCode]).sort()).toEqual([
      [gus.id, "failed", "validation"],
      [hal.id, "succeeded", null],
    ]);
  });
});

describe("reactivations", () => {
  it("need no tenant facts, and put back the access level saved at deactivation where there is one", async () => {
    const saved = "b".repeat(32);
    const [ivy, jon, kim] = [person(0x151, { accessLevel: { id: saved, name: "Planner", isAdmin: false } }), person(0x152, { isActive: false }), person(0x153)];
    const wf = fakeWorkfront([ivy, jon, kim]);
    // Ivy and Kim were deactivated here before; Kim's row kept no snapshot.
    const first = await newJob("deactivate", [{ id: ivy.id }]);
    await processChunk(depsOf(wf), settings, await claimJobs(db(), [first], owner));
    await db().insert(auditEvents).values({
      actorEmail: operator.email,
      actorRole: "operator",
      action: "deactivate",
      targetId: kim.id,
      reason: "Earlier",
      outcome: "succeeded",
      requestId: "earlier",
      isActiveBefore: true,
      isActiveAfter: false,
      snapshot: null,
      completedAt: new Date(0),
    });
    wf.users.get(ivy.id)!.accessLevel = { id: "d".repeat(32), name: "Lowered", isAdmin: false };
    wf.users.get(kim.id)!.isActive = false;

    const fresh = fakeWorkfront([...wf.users.values()]);
    fresh.faults.getCustomer = () => new WorkfrontError("unavailable", "facts are down");
    const jobId = await newJob("reactivate", [{ id: ivy.id }, { id: jon.id }, { id: kim.id }]);
    expect(await processChunk(depsOf(fresh), settings, await claimJobs(db(), [jobId], owner))).toEqual({ ...NO_REPORT, items: 3, written: 3 });
    expect(fresh.called("getCustomer") + fresh.called("getCurrentUser") + fresh.called("userMetadata")).toBe(0);
    expect(writesOf(fresh)).toEqual([
      [
        { id: ivy.id, updates: { isActive: true, accessLevelID: saved } },
        { id: jon.id, updates: { isActive: true } },
        { id: kim.id, updates: { isActive: true } },
      ],
    ]);
    expect((await itemsOf(jobId)).map((item) => [item.targetId, item.state, item.errorCode])).toEqual([
      [ivy.id, "succeeded", null],
      [jon.id, "succeeded", null],
      [kim.id, "succeeded", null],
    ]);
    expect(fresh.users.get(ivy.id)!.accessLevel?.id).toBe(saved);
  });
});

describe("a cancelled job", () => {
  it("cancels the people it had not started, with no audit row and no write", async () => {
    const [lea, max] = [person(0x161), person(0x162)];
    const wf = fakeWorkfront([lea, max]);
    const jobId = await newJob("deactivate", [{ id: lea.id }, { id: max.id }]);
    const claimed = await claimJobs(db(), [jobId], owner);
    await cancelJob(db(), jobId, operator);
    expect(await processChunk(depsOf(wf), settings, claimed)).toEqual({ ...NO_REPORT, items: 2 });
    expect((await itemsOf(jobId)).map((item) => [item.state, item.errorCode, item.errorMessage, item.auditEventId, item.targetEmail])).toEqual([
      ["cancelled", "cancelled", "The job was cancelled before this person was started.", null, lea.email],
      ["cancelled", "cancelled", "The job was cancelled before this person was started.", null, max.email],
    ]);
    expect(await auditOf(jobId)).toEqual([]);
    expect(wf.called("updateUsers")).toBe(0);
    expect(await statusOf(jobId)).toBe("cancelled");
  });
});

describe("a deferred open-work check", () => {
  const evidence: OpenWorkEvidence = { counts: {}, total: 0, blocking: 0, blockingBy: {}, unavailable: [], checkedAt: "2026-01-01T00:00:00.000Z", override: null };

  it("checks only the people not checked when the job was made, refusing the blocked", async () => {
    const [ned, oli, pam] = [person(0x171), person(0x172), person(0x173)];
    const wf = fakeWorkfront([ned, oli, pam]);
    wf.blocked.add(ned.id);
    // Pam was checked when the job was made; what Workfront says now is not asked again.
    wf.blocked.add(pam.id);
    const jobId = await newJob("deactivate", [{ id: ned.id }, { id: oli.id }, { id: pam.id, openWork: evidence }], { openWorkDeferred: true });
    expect(await processChunk(depsOf(wf), settings, await claimJobs(db(), [jobId], owner))).toEqual({ ...NO_REPORT, items: 3, written: 2 });
    const asked = wf.calls.filter((call) => call.method === "countWorkBy").map((call) => call.arg);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((ids) => JSON.stringify([...(ids as string[])].sort()) === JSON.stringify([ned.id, oli.id]))).toBe(true);
    const items = await itemsOf(jobId);
    expect(items.map((item) => [item.targetId, item.state, item.errorCode])).toEqual([
      [ned.id, "refused", "open_work_blocking"],
      [oli.id, "succeeded", null],
      [pam.id, "succeeded", null],
    ]);
    const rows = await auditOf(jobId);
    const byTarget = new Map(rows.map((row) => [row.targetId, row]));
    expect(byTarget.get(ned.id)).toMatchObject({ outcome: "refused", refusedCode: "open_work_blocking" });
    expect(byTarget.get(oli.id)?.openWork).toMatchObject({ total: 0, blocking: 0, override: null });
    expect(byTarget.get(oli.id)?.openWork?.checkedAt).not.toBe(evidence.checkedAt);
    expect(byTarget.get(pam.id)?.openWork).toEqual(evidence);
    expect([wf.users.get(ned.id)!.isActive, wf.users.get(oli.id)!.isActive, wf.users.get(pam.id)!.isActive]).toEqual([true, false, false]);
  });

  it("sends the unchecked back when the check fails, and still writes the checked", async () => {
    const [quin, rae] = [person(0x181), person(0x182)];
    const wf = fakeWorkfront([quin, rae]);
    wf.faults.countWorkBy = () => new WorkfrontError("unavailable", "Reports are down");
    const jobId = await newJob("deactivate", [{ id: quin.id }, { id: rae.id, openWork: evidence }], { openWorkDeferred: true });
    expect(await processChunk(depsOf(wf), settings, await claimJobs(db(), [jobId], owner))).toEqual({ ...NO_REPORT, items: 2, written: 1 });
    expect((await itemsOf(jobId)).map((item) => [item.targetId, item.state, item.errorCode, item.errorMessage, item.targetName])).toEqual([
      [quin.id, "pending", "unavailable", "Reports are down", quin.name],
      [rae.id, "succeeded", null, null, rae.name],
    ]);
    expect(wf.users.get(quin.id)!.isActive).toBe(true);
  });
});

describe("the users index", () => {
  it("notes exactly the people the chunk finished with Workfront's answer", async () => {
    const [sam, tia, uma, vic] = [person(0x191), person(0x192), person(0x193), person(0x194)];
    const missing = wfId(0x195);
    const wf = fakeWorkfront([sam, tia, uma, vic]);
    const tenant = new URL(wf.client.apiBase).origin;
    await db().insert(userIndexState).values({ tenant });
    wf.faults.updateUser = (id) => (id === tia.id ? new WorkfrontError("timeout", "slow") : undefined);
    await tryLockPeople(db(), "another-action", [uma.id], 60_000);
    try {
      const jobId = await newJob("deactivate", [{ id: sam.id }, { id: tia.id }, { id: uma.id }, { id: missing }]);
      expect(await processChunk(depsOf(wf), { ...settings, writeMode: "single" }, await claimJobs(db(), [jobId], owner))).toEqual({
        ...NO_REPORT,
        items: 3,
        written: 2,
      });
      expect((await itemsOf(jobId)).map((item) => [item.targetId, item.state, item.errorCode])).toEqual([
        [sam.id, "succeeded", null],
        [tia.id, "pending", "timeout"],
        [uma.id, "pending", null],
        [missing, "failed", "not_found"],
      ]);
      const indexed = await db().select({ id: indexedUsers.id, isActive: indexedUsers.isActive }).from(indexedUsers).where(eq(indexedUsers.tenant, tenant));
      expect(indexed).toEqual([{ id: sam.id, isActive: false }]);
    } finally {
      await unlockPeople(db(), "another-action", [uma.id]);
    }
  });

  it("a failure to note them is logged, and the chunk's results stand", async () => {
    const wes = person(0x1a1);
    const wf = fakeWorkfront([wes], { apiBase: "not a url" });
    const warn = vi.spyOn(logger, "warn");
    const jobId = await newJob("deactivate", [{ id: wes.id }]);
    expect(await processChunk(depsOf(wf), settings, await claimJobs(db(), [jobId], owner))).toEqual({ ...NO_REPORT, items: 1, written: 1 });
    expect((await itemsOf(jobId))[0]?.state).toBe("succeeded");
    expect(warn).toHaveBeenCalledWith({ err: expect.any(TypeError) }, "noting users in the index failed");
  });
});

describe("what a chunk leaves alone", () => {
  it("items whose job no longer exists are neither read nor recorded", async () => {
    const wf = fakeWorkfront([person(0x1b1)]);
    const orphan = { id: randomUUID(), jobId: randomUUID(), targetId: wfId(0x1b1), targetName: null, targetEmail: null, attempts: 1, auditEventId: null };
    expect(await processChunk(depsOf(wf), settings, [orphan])).toEqual(NO_REPORT);
    expect(wf.calls).toEqual([]);
  });

  it("people another action holds go back to pending without an attempt or a read", async () => {
    const [xan, yul] = [person(0x1c1), person(0x1c2)];
    const wf = fakeWorkfront([xan, yul]);
    const jobId = await newJob("deactivate", [{ id: xan.id }, { id: yul.id }]);
    await tryLockPeople(db(), "someone-else", [xan.id, yul.id], 60_000);
    try {
      expect(await processChunk(depsOf(wf), settings, await claimJobs(db(), [jobId], owner))).toEqual(NO_REPORT);
    } finally {
      await unlockPeople(db(), "someone-else", [xan.id, yul.id]);
    }
    expect((await itemsOf(jobId)).map((item) => [item.state, item.attempts, item.leaseOwner, item.auditEventId, item.errorCode])).toEqual([
      ["pending", 0, null, null, null],
      ["pending", 0, null, null, null],
    ]);
    expect(wf.called("getUsers")).toBe(0);
  });
});
