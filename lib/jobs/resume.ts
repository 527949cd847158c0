import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Database, jobs } from "@/lib/db";
import type { WorkfrontClient } from "@/lib/workfront";
import { type JobActor, recordJobEvent } from "./events";

/**
 * Tries the credential with a cheap read (whose credential is this?). Throws the WorkfrontError
 * when it still fails, so a caller can say why.
 */
export async function probeCredential(client: WorkfrontClient): Promise<void> {
  await client.getCurrentUser({ deadlineMs: 15_000 });
}

/** Jobs paused for the credential go back to work: running, or cancelling if Cancel was asked. */
export async function resumePausedJobs(db: Database, actor: JobActor | null, jobId?: string): Promise<string[]> {
  const resumed = await db
    .update(jobs)
    .set({
      status: sql`case when ${jobs.cancelRequestedAt} is null then 'running' else 'cancelling' end`,
      lastErrorCode: null,
      lastErrorMessage: null,
    })
    .where(and(eq(jobs.status, "paused_auth"), jobId ? eq(jobs.id, jobId) : undefined))
    .returning({ id: jobs.id });
  for (const job of resumed) await recordJobEvent(db, job.id, "resumed", actor);
  return resumed.map((job) => job.id);
}

export async function pausedJobIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: jobs.id }).from(jobs).where(inArray(jobs.status, ["paused_auth"]));
  return rows.map((row) => row.id);
}
