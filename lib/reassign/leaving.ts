import "server-only";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import { type Database, jobItems, jobs, scheduledDeactivations } from "@/lib/db";
import { FINAL_JOB_STATUSES } from "@/lib/jobs/vocabulary";
import { OPEN_STATES } from "@/lib/schedule/vocabulary";

/** Why someone counts as leaving: a deactivation job that will still write them, or an open schedule. */
export type Leaving =
  | { kind: "job"; jobId: string }
  | { kind: "scheduled"; scheduleId: string; dueAt: Date };

/**
 * Which of `ids` the app is about to deactivate: a pending or running item of a deactivation job
 * that has not finished (queued, running, or paused: it goes on once resumed; not one being
 * cancelled, which writes nobody more), or a scheduled
 * deactivation that is still open (`OPEN_STATES`, a held one included: editing it schedules it
 * again). Work handed to them would be orphaned again when that runs. Read from the database
 * only, never from the users index; a person an item already deactivated is inactive in
 * Workfront and refused as such.
 */
export async function leavingAmong(db: Database, ids: readonly string[]): Promise<Map<string, Leaving>> {
  const found = new Map<string, Leaving>();
  if (ids.length === 0) return found;
  // Unfinished jobs are few: the join walks them and reaches items by (job_id, target_id).
  const inJobs = await db
    .select({ targetId: jobItems.targetId, jobId: jobItems.jobId })
    .from(jobItems)
    .innerJoin(jobs, eq(jobs.id, jobItems.jobId))
    .where(
      and(
        eq(jobs.kind, "deactivate"),
        // A cancelling job deactivates nobody more: it only re-reads the people it had started.
        notInArray(jobs.status, [...FINAL_JOB_STATUSES, "cancelling"]),
        inArray(jobItems.state, ["pending", "running"]),
        inArray(jobItems.targetId, [...ids]),
      ),
    )
    .orderBy(jobItems.jobId);
  for (const row of inJobs) if (!found.has(row.targetId)) found.set(row.targetId, { kind: "job", jobId: row.jobId });
  const scheduled = await db
    .select({ targetId: scheduledDeactivations.targetId, id: scheduledDeactivations.id, dueAt: scheduledDeactivations.dueAt })
    .from(scheduledDeactivations)
    .where(and(inArray(scheduledDeactivations.state, [...OPEN_STATES]), inArray(scheduledDeactivations.targetId, [...ids])));
  for (const row of scheduled) {
    if (!found.has(row.targetId)) found.set(row.targetId, { kind: "scheduled", scheduleId: row.id, dueAt: row.dueAt });
  }
  return found;
}
