import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { jobItems, jobs } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { claimItems } from "./claim";
import { insertJob } from "./create-job";
import { operator } from "./test-support";

/**
 * A worker died holding a person of a job that was then asked to cancel: once the lease runs out
 * another worker takes the person back, so the write it may have sent is settled, not forgotten.
 */
withTestDatabase("an expired lease in a cancelling job", ({ db }) => {
  it("is claimed again, with one more attempt; a lease still running is left alone", async () => {
    const newJob = async (seed: string, leaseExpiresAt: ReturnType<typeof sql>) => {
      const targetId = seed.repeat(32);
      const jobId = await insertJob(db(), { kind: "deactivate", targets: [{ id: targetId }], reason: "Left", ticket: null, actor: operator });
      await db().update(jobs).set({ status: "cancelling", startedAt: sql`now()`, cancelRequestedAt: sql`now()` }).where(eq(jobs.id, jobId));
      await db()
        .update(jobItems)
        .set({ state: "running", attempts: 1, leaseOwner: "dead-worker", leaseExpiresAt })
        .where(eq(jobItems.jobId, jobId));
      return { jobId, targetId };
    };
    const expired = await newJob("a", sql`now() - interval '1 minute'`);
    await newJob("b", sql`now() + interval '1 hour'`);

    const claimed = await claimItems(db(), { owner: "w2", limit: 10, leaseMs: 30_000 });
    expect(claimed.map((item) => [item.jobId, item.targetId, item.attempts])).toEqual([[expired.jobId, expired.targetId, 2]]);
  });
});
