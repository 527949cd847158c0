import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { type Database, jobItems, jobs } from "@/lib/db";
import type { NotifyConfig } from "@/lib/notify/config";
import { enqueueNotification } from "@/lib/notify/enqueue";

/**
 * Tells the notification outbox that jobs ended, with their counts: only the allow-listed fields
 * of lib/notify/events.ts (no reason text, no Workfront data). Called by finishJobs in the
 * transaction that ends the jobs, so a job that ended is told about exactly once.
 */
export async function notifyJobsEnded(
  db: Database,
  jobIds: readonly string[],
  config?: Pick<NotifyConfig, "email" | "webhook">,
): Promise<void> {
  if (jobIds.length === 0) return;
  const rows = await db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      status: jobs.status,
      total: jobs.totalItems,
      startedBy: jobs.createdByEmail,
      ticket: jobs.ticket,
      state: jobItems.state,
      count: sql<number>`count(${jobItems.id})::int`,
    })
    .from(jobs)
    .leftJoin(jobItems, eq(jobItems.jobId, jobs.id))
    .where(inArray(jobs.id, [...jobIds]))
    .groupBy(jobs.id, jobItems.state);
  const byJob = new Map<string, { counts: Record<string, number>; row: (typeof rows)[number] }>();
  for (const row of rows) {
    const entry = byJob.get(row.id) ?? { counts: {}, row };
    if (row.state) entry.counts[row.state] = Number(row.count);
    byJob.set(row.id, entry);
  }
  for (const [jobId, { counts, row }] of byJob) {
    if (row.status !== "completed" && row.status !== "cancelled") continue;
    await enqueueNotification(
      db,
      {
        type: "job_ended",
        jobId,
        kind: row.kind,
        status: row.status,
        total: row.total,
        succeeded: counts.succeeded ?? 0,
        already: counts.already ?? 0,
        failed: counts.failed ?? 0,
        refused: counts.refused ?? 0,
        cancelled: counts.cancelled ?? 0,
        startedBy: row.startedBy,
        ticket: row.ticket,
      },
      config,
    );
  }
}
