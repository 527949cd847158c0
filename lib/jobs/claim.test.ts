import { eq, inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { jobEvents, jobItems, jobs } from "@/lib/db";
import { recordAttempt } from "@/lib/audit";
import { attempt } from "@/lib/audit/test-fixtures";
import { withTestDatabase } from "@/lib/db/test-databases";
import { claimItems, renewLeases } from "./claim";
import { insertJob } from "./create-job";
import { operator } from "./test-support";

const id = (n: number) => n.toString(16).padStart(32, "0");

withTestDatabase("claiming items with leases", ({ db }) => {
  async function job(people: number, offset: number) {
    return insertJob(db(), {
      kind: "deactivate",
      targets: Array.from({ length: people }, (_, i) => ({ id: id(offset + i) })),
      reason: "Team closed",
      ticket: null,
      actor: operator,
    });
  }

  async function clear() {
    // Earlier tests' jobs must not be claimable by later ones.
    await db().update(jobs).set({ status: "completed", finishedAt: new Date() }).where(inArray(jobs.status, ["queued", "running", "cancelling"]));
  }

  it("hands each item to one claimant, in order, and starts the job", async () => {
    await clear();
    const jobId = await job(30, 1_000);
    const claims = await Promise.all(
      ["a", "b", "c", "d"].map((owner) => claimItems(db(), { owner, limit: 10, leaseMs: 30_000 })),
    );
    const all = claims.flat();
    expect(all).toHaveLength(30);
    expect(new Set(all.map((item) => item.id)).size).toBe(30);
    expect(all.every((item) => item.attempts === 1 && item.jobId === jobId)).toBe(true);
    expect(await claimItems(db(), { owner: "e", limit: 10, leaseMs: 30_000 })).toEqual([]);
    const [row] = await db().select().from(jobs).where(eq(jobs.id, jobId));
    expect(row).toMatchObject({ status: "running" });
    expect(row?.startedAt).toBeInstanceOf(Date);
    const events = await db().select().from(jobEvents).where(eq(jobEvents.jobId, jobId));
    expect(events.map((event) => event.action)).toEqual(["created", "started"]);
  });

  it("takes back an item whose lease expired, and renews only live leases of their owner", async () => {
    await clear();
    const jobId = await job(3, 2_000);
    const first = await claimItems(db(), { owner: "dead", limit: 3, leaseMs: 30_000 });
    expect(first).toHaveLength(3);
    // The worker died: its leases run out.
    await db()
      .update(jobItems)
      .set({ leaseExpiresAt: sql`now() - interval '1 second'` })
      .where(eq(jobItems.id, first[0]!.id));
    const again = await claimItems(db(), { owner: "alive", limit: 3, leaseMs: 30_000 });
    expect(again.map((item) => [item.id, item.attempts])).toEqual([[first[0]!.id, 2]]);
    expect(await renewLeases(db(), { owner: "dead", itemIds: first.map((item) => item.id), leaseMs: 30_000 })).toBe(2);
    expect(await renewLeases(db(), { owner: "alive", itemIds: first.map((item) => item.id), leaseMs: 30_000 })).toBe(1);
    expect((await db().select().from(jobs).where(eq(jobs.id, jobId)))[0]?.status).toBe("running");
  });

  it("claims nothing from a paused job, and from a cancelling one only people already started", async () => {
    await clear();
    const paused = await job(2, 3_000);
    await db().update(jobs).set({ status: "paused_auth" }).where(eq(jobs.id, paused));
    expect(await claimItems(db(), { owner: "w", limit: 10, leaseMs: 30_000 })).toEqual([]);

    const cancelling = await job(2, 4_000);
    await db().update(jobs).set({ status: "cancelling", cancelRequestedAt: new Date() }).where(eq(jobs.id, cancelling));
    expect(await claimItems(db(), { owner: "w", limit: 10, leaseMs: 30_000 })).toEqual([]);
    // A person with an audit row was sent to Workfront before the cancel: they are finished.
    const [started] = await db().select().from(jobItems).where(eq(jobItems.jobId, cancelling)).limit(1);
    const { id: auditEventId } = await recordAttempt(db(), attempt({ targetId: started!.targetId, jobId: cancelling, jobItemId: started!.id }));
    await db().update(jobItems).set({ auditEventId }).where(eq(jobItems.id, started!.id));
    const claimed = await claimItems(db(), { owner: "w", limit: 10, leaseMs: 30_000 });
    expect(claimed.map((item) => [item.id, item.auditEventId])).toEqual([[started!.id, auditEventId]]);
  });

  it("waits out a pending item's backoff", async () => {
    await clear();
    const jobId = await job(1, 5_000);
    await db()
      .update(jobItems)
      .set({ availableAt: sql`now() + interval '1 hour'` })
      .where(eq(jobItems.jobId, jobId));
    expect(await claimItems(db(), { owner: "w", limit: 10, leaseMs: 30_000 })).toEqual([]);
  });
});
