import "server-only";
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { type Database, jobs } from "@/lib/db";
import { clip } from "./audit-rows";
import { recordJobEvent } from "./events";
import { notifyJobsEnded } from "./job-notifications";
import type { ItemError } from "./record-outcomes";

/** Puts a job in paused_auth ("reconnect Workfront"); false when it was not running. */
export async function pauseJob(db: Database, jobId: string, error: ItemError): Promise<boolean> {
  const [row] = await db
    .update(jobs)
    .set({ status: "paused_auth", pausedAt: sql`now()`, lastErrorCode: error.code, lastErrorMessage: clip(error.message) })
    .where(and(eq(jobs.id, jobId), inArray(jobs.status, ["queued", "running", "cancelling"])))
    .returning({ id: jobs.id });
  if (row) await recordJobEvent(db, jobId, "paused_auth", null, { code: error.code, message: error.message });
  return row !== undefined;
}

/**
 * Ends the jobs that have nothing left to do: completed, or cancelled if Cancel was asked for. The
 * status, its job event and the "job ended" notification are written in one transaction, so a
 * crash cannot end a job without telling, and a job ends (and is told about) once.
 */
export async function finishJobs(db: Database, jobIds: readonly string[]): Promise<void> {
  if (jobIds.length === 0) return;
  await db.transaction(async (tx) => {
    const finished = await tx
      .update(jobs)
      .set({
        status: sql`case when ${jobs.cancelRequestedAt} is null then 'completed' else 'cancelled' end`,
        finishedAt: sql`now()`,
      })
      .where(
        and(
          inArray(jobs.id, [...jobIds]),
          // A paused job that was cancelled may end too, once nothing started is left in it.
          or(
            inArray(jobs.status, ["queued", "running", "cancelling"]),
            and(inArray(jobs.status, ["paused_auth", "paused_creator"]), isNotNull(jobs.cancelRequestedAt)),
          ),
          sql`not exists (select 1 from job_items where job_items.job_id = ${jobs.id} and job_items.state in ('pending', 'running'))`,
        ),
      )
      .returning({ id: jobs.id, status: jobs.status });
    for (const job of finished) {
      await recordJobEvent(tx, job.id, job.status === "cancelled" ? "cancelled" : "completed", null);
    }
    await notifyJobsEnded(tx, finished.map((job) => job.id));
  });
}
