import { eq, sql } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { jobItems, jobs, notifications } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { insertJob } from "./create-job";
import { finishJobs } from "./job-status";
import { operator } from "./test-support";

// The webhook channel is configured for this file (env() is read once per test file), as in a deployment.
vi.hoisted(() => {
  process.env.NOTIFY_WEBHOOK_URL = "http://127.0.0.1:9/hooks/test";
});

const ids = (count: number, seed: string) => Array.from({ length: count }, (_, index) => `${seed}${String(index).padStart(4, "0")}`.padStart(32, "0"));

withTestDatabase("a job that ends is told to the notification outbox", ({ db }) => {
  it("once, with its counts and nothing of the job's free text, in the transaction that ends it", async () => {
    const targets = ids(3, "a1");
    const jobId = await insertJob(db(), {
      kind: "deactivate",
      targets: targets.map((id) => ({ id })),
      reason: "Contract ended — see the private note",
      ticket: "HR-7",
      actor: operator,
    });
    // Not finished while someone is pending: nothing is told.
    await finishJobs(db(), [jobId]);
    expect(await db().$count(notifications, eq(notifications.eventKey, `job_ended:${jobId}`))).toBe(0);

    await db().update(jobItems).set({ state: "succeeded", finishedAt: sql`now()` }).where(eq(jobItems.targetId, targets[0]!));
    await db().update(jobItems).set({ state: "already", finishedAt: sql`now()` }).where(eq(jobItems.targetId, targets[1]!));
    await db()
      .update(jobItems)
      .set({ state: "failed", finishedAt: sql`now()`, errorCode: "workfront_error", errorMessage: "x" })
      .where(eq(jobItems.targetId, targets[2]!));
    await finishJobs(db(), [jobId]);
    await finishJobs(db(), [jobId]);

    const [job] = await db().select().from(jobs).where(eq(jobs.id, jobId));
    expect(job!.status).toBe("completed");
    const rows = await db().select().from(notifications).where(eq(notifications.eventKey, `job_ended:${jobId}`));
    expect(rows.map((row) => [row.channel, row.state])).toEqual([["webhook", "pending"]]);
    expect(rows[0]!.payload).toEqual({
      type: "job_ended",
      jobId,
      kind: "deactivate",
      status: "completed",
      total: 3,
      succeeded: 1,
      already: 1,
      failed: 1,
      refused: 0,
      cancelled: 0,
      startedBy: operator.email,
      ticket: "HR-7",
    });
    expect(JSON.stringify(rows[0]!.payload)).not.toContain("private note");
  });
});
