import { eq, inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { jobItems, jobs, notifications } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { insertJob } from "./create-job";
import { notifyJobsEnded } from "./job-notifications";
import { operator } from "./test-support";

/** notifyJobsEnded asked about jobs in every status: only those that ended are told, each with its own counts. */
const webhookOnly = { email: null, webhook: { webhookUrl: "http://127.0.0.1:9/hooks/test", format: "slack" as const } };

withTestDatabase("which jobs the outbox is told about", ({ db }) => {
  it("a completed and a cancelled job, each with its counts; a running and a paused one, nothing", async () => {
    const newJob = async (seed: string, status: "running" | "paused_auth" | "completed" | "cancelled") => {
      const targets = [1, 2, 3].map((n) => `${seed}${n}`.padStart(32, "0"));
      const jobId = await insertJob(db(), { kind: "deactivate", targets: targets.map((id) => ({ id })), reason: "Left", ticket: null, actor: operator });
      const final = status === "completed" || status === "cancelled";
      await db().update(jobs).set({ status, finishedAt: final ? sql`now()` : null }).where(eq(jobs.id, jobId));
      return { jobId, targets };
    };
    const completed = await newJob("a", "completed");
    const cancelled = await newJob("b", "cancelled");
    const running = await newJob("c", "running");
    const paused = await newJob("d", "paused_auth");
    await db().update(jobItems).set({ state: "succeeded", finishedAt: sql`now()` }).where(inArray(jobItems.targetId, completed.targets.slice(0, 2)));
    await db().update(jobItems).set({ state: "refused", finishedAt: sql`now()` }).where(eq(jobItems.targetId, completed.targets[2]!));
    await db().update(jobItems).set({ state: "cancelled", finishedAt: sql`now()` }).where(inArray(jobItems.targetId, cancelled.targets.slice(1)));
    await db().update(jobItems).set({ state: "already", finishedAt: sql`now()` }).where(eq(jobItems.targetId, cancelled.targets[0]!));

    await notifyJobsEnded(db(), [completed.jobId, cancelled.jobId, running.jobId, paused.jobId], webhookOnly);

    const rows = await db().select().from(notifications).where(eq(notifications.channel, "webhook"));
    const byKey = new Map(rows.map((row) => [row.eventKey, row.payload as Record<string, unknown>]));
    expect([...byKey.keys()].sort()).toEqual([`job_ended:${cancelled.jobId}`, `job_ended:${completed.jobId}`].sort());
    const counts = (payload: Record<string, unknown> | undefined) =>
      payload && [payload.status, payload.succeeded, payload.already, payload.failed, payload.refused, payload.cancelled];
    expect(counts(byKey.get(`job_ended:${completed.jobId}`))).toEqual(["completed", 2, 0, 0, 1, 0]);
    expect(counts(byKey.get(`job_ended:${cancelled.jobId}`))).toEqual(["cancelled", 0, 1, 0, 0, 2]);
  });
});
