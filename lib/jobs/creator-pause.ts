import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Database, jobs } from "@/lib/db";
import { type JobActor, recordJobEvent } from "./events";

/**
 * A job runs with the authority of the account that started it. When that account is disabled
 * (lib/auth/accounts.ts `updateAccount`), its unfinished jobs pause ("paused_creator") until an
 * admin looks at them: resume (the admin takes them on) or cancel. Chunks already claimed finish;
 * nothing new is claimed (claims take queued and running jobs only). A job being cancelled goes on
 * finishing what it started. Returns the paused jobs' IDs.
 */
export async function pauseJobsOfDisabledAccount(db: Database, accountId: string): Promise<string[]> {
  const paused = await db
    .update(jobs)
    .set({
      status: "paused_creator",
      pausedAt: sql`now()`,
      lastErrorCode: "creator_disabled",
      lastErrorMessage: "The account that started this job was disabled. An admin may resume or cancel it.",
    })
    .where(and(eq(jobs.createdByAccountId, accountId), inArray(jobs.status, ["queued", "running", "paused_auth"])))
    .returning({ id: jobs.id });
  for (const job of paused) await recordJobEvent(db, job.id, "paused_creator", null, { accountId });
  return paused.map((job) => job.id);
}

/** An admin resumes a job paused for its creator: running (or cancelling, if Cancel was asked). */
export async function resumeCreatorPausedJob(db: Database, jobId: string, actor: JobActor): Promise<boolean> {
  const [resumed] = await db
    .update(jobs)
    .set({
      status: sql`case when ${jobs.cancelRequestedAt} is null then 'running' else 'cancelling' end`,
      lastErrorCode: null,
      lastErrorMessage: null,
    })
    .where(and(eq(jobs.id, jobId), eq(jobs.status, "paused_creator")))
    .returning({ id: jobs.id });
  if (resumed) await recordJobEvent(db, jobId, "resumed", actor, { takenOverFrom: "disabled creator" });
  return resumed !== undefined;
}
