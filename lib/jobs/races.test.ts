import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, jobItems, jobs } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import type { WorkfrontUser } from "@/lib/workfront";
import { cancelJob } from "./actions";
import { claimItems, renewLeases } from "./claim";
import { insertJob } from "./create-job";
import { loadJobContexts } from "./job-context";
import { applyOutcomes, prepareWrites } from "./record-outcomes";
import { operator } from "./test-support";

/**
 * The engine's races. The two sides are separate connections of the pool, so they really compete
 * for rows (FOR UPDATE SKIP LOCKED, FOR SHARE). Workfront plays no part: the people are made up.
 */
const id = (n: number) => n.toString(16).padStart(32, "0");
const person = (targetId: string): WorkfrontUser => ({
  id: targetId,
  name: `Person ${targetId.slice(-4)}`,
  firstName: null,
  lastName: null,
  email: `p${targetId.slice(-4)}@acme.example`,
  username: null,
  title: null,
  isActive: true,
  licenseType: "LIGHT",
  accessLevel: { id: "a".repeat(32), name: "Worker", isAdmin: false },
  homeGroup: null,
  company: null,
  managerId: null,
  createdAt: null,
  updatedAt: null,
  lastLoginAt: null,
  scheduledDeactivationAt: null,
  deactivatedAt: null,
});
const settings = { owner: "", maxAttempts: 3, retryDelayMs: () => 0 };

withTestDatabase("the job engine's races", ({ db }) => {
  async function clear() {
    await db().update(jobs).set({ status: "completed", finishedAt: new Date() }).where(inArray(jobs.status, ["queued", "running", "cancelling"]));
  }

  async function job(people: number, offset: number) {
    return insertJob(db(), {
      kind: "deactivate",
      targets: Array.from({ length: people }, (_, i) => ({ id: id(offset + i) })),
      reason: "Team closed",
      ticket: null,
      actor: operator,
    });
  }

  async function claimedWith(owner: string, jobId: string, limit: number) {
    const claimed = await claimItems(db(), { owner, limit, leaseMs: 30_000 });
    const context = (await loadJobContexts(db(), [jobId])).get(jobId)!;
    return claimed.map((item) => ({ item, job: context, user: person(item.targetId) }));
  }

  it(`claims from many workers at once hand out each item once`, async () => {
    await clear();
    const jobId = await job(60, 10_000);
    const owners = Array.from({ length: 6 }, (_, i) => `w${i}`);
    const claims = await Promise.all(owners.map((owner) => claimItems(db(), { owner, limit: 15, leaseMs: 30_000 })));
    const all = claims.flat();
    expect(all).toHaveLength(60);
    expect(new Set(all.map((item) => item.id)).size).toBe(60);
    const rows = await db().select().from(jobItems).where(eq(jobItems.jobId, jobId));
    // Each row's owner is the claimant that got it, and every row has exactly one.
    const byOwner = new Map(claims.flatMap((items, i) => items.map((item) => [item.id, owners[i]!] as const)));
    expect(rows.every((row) => row.leaseOwner === byOwner.get(row.id) && row.attempts === 1)).toBe(true);
  });

  it(`a cancel racing the pending audit rows: each person is either written or cancelled, never both`, async () => {
    for (let round = 0; round < 8; round += 1) {
      await clear();
      const jobId = await job(10, 20_000 + round * 100);
      const candidates = await claimedWith(`racer-${round}`, jobId, 10);
      expect(candidates).toHaveLength(10);
      const [prepared] = await Promise.all([
        prepareWrites(db(), `racer-${round}`, candidates),
        cancelJob(db(), jobId, operator),
      ]);
      const { ready, cancelled } = prepared;
      // All one way or all the other: the cancel committed before the rows were written, or after.
      expect([ready.length, cancelled.length].sort()).toEqual([0, 10]);
      const rows = await db().select().from(auditEvents).where(eq(auditEvents.jobId, jobId));
      expect(rows.map((row) => row.id).sort()).toEqual(ready.map((r) => r.auditEventId).sort());
      const linked = await db().select().from(jobItems).where(and(eq(jobItems.jobId, jobId), isNotNull(jobItems.auditEventId)));
      expect(linked).toHaveLength(ready.length);
      const [row] = await db().select().from(jobs).where(eq(jobs.id, jobId));
      expect(row?.cancelRequestedAt).toBeInstanceOf(Date);
    }
  });

  it(`a live worker that lost its lease writes nothing more about those people`, async () => {
    await clear();
    const jobId = await job(3, 30_000);
    const slow = await claimedWith("slow", jobId, 3);
    expect(slow).toHaveLength(3);
    // The slow worker is still running, but its leases ran out and another took one person over.
    await db()
      .update(jobItems)
      .set({ leaseExpiresAt: sql`now() - interval '1 second'` })
      .where(eq(jobItems.id, slow[0]!.item.id));
    const taken = await claimedWith("fast", jobId, 3);
    expect(taken.map((c) => c.item.id)).toEqual([slow[0]!.item.id]);
    // Its next renewal keeps only the two it still holds.
    expect(await renewLeases(db(), { owner: "slow", itemIds: slow.map((c) => c.item.id), leaseMs: 30_000 })).toBe(2);

    // The slow worker goes on: it gets its pending rows only for the people it still holds...
    const { ready } = await prepareWrites(db(), "slow", slow);
    expect(ready.map((r) => r.item.id).sort()).toEqual([slow[1]!.item.id, slow[2]!.item.id].sort());
    // ...and its outcome for the lost person is dropped, while its own are recorded.
    const outcomes = slow.map((c, i) =>
      i === 0
        ? { ...c, type: "final" as const, state: "failed" as const, error: { code: "unavailable", message: "late" } }
        : { ...ready.find((r) => r.item.id === c.item.id)!, type: "final" as const, state: "succeeded" as const, isActiveAfter: false },
    );
    expect(await applyOutcomes(db(), { ...settings, owner: "slow" }, outcomes)).toMatchObject({ lost: 1 });
    const [lost] = await db().select().from(jobItems).where(eq(jobItems.id, slow[0]!.item.id));
    expect(lost).toMatchObject({ state: "running", leaseOwner: "fast", auditEventId: null, attempts: 2 });
    const mine = await db().select().from(jobItems).where(inArray(jobItems.id, [slow[1]!.item.id, slow[2]!.item.id]));
    expect(mine.map((item) => item.state)).toEqual(["succeeded", "succeeded"]);
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.jobId, jobId));
    expect(audit.map((row) => [row.targetId, row.outcome]).sort()).toEqual(
      [[slow[1]!.item.targetId, "succeeded"], [slow[2]!.item.targetId, "succeeded"]].sort(),
    );
  });
});
