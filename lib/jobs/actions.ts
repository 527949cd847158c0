import "server-only";
import { and, asc, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { type Database, jobItems, jobs } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { WorkfrontClient } from "@/lib/workfront";
import type { BulkRules } from "./config";
import { insertJob } from "./create-job";
import { resumeCreatorPausedJob } from "./creator-pause";
import { type JobActor, recordJobEvent } from "./events";
import { finishJobs } from "./record-outcomes";
import { probeCredential, resumePausedJobs } from "./resume";
import { checkBulkRules } from "./rules";
import type { CreateJobBody } from "./schemas";
import type { TargetNames } from "./target-names";
import type { JobGate } from "./open-work-gate";

/**
 * What operators do to jobs: create, cancel, retry the failed, undo, resume. Each checks the job's
 * state, changes it in one transaction and records a job event with the actor. Authorization is the
 * route handler's; the role-dependent rules (confirm count, hard cap) are checked here.
 */
const notFound = () => new ApiError(404, "job_not_found", "There is no such job.");

export function assertRules(people: number, actor: JobActor, confirmCount: number | undefined, rules: BulkRules) {
  const check = checkBulkRules(people, actor.role, confirmCount, rules);
  if (check.problem) throw new ApiError(check.problem.status, check.problem.code, check.problem.message);
  return check;
}

export async function createJob(
  db: Database,
  body: Omit<CreateJobBody, "dryRun" | "includeAdmins"> & { includeAdmins?: boolean },
  actor: JobActor,
  rules: BulkRules,
  /** Names and e-mails to show until the worker reads each person (the users index's). */
  names: TargetNames = new Map(),
  /** Each person's impact check (lib/jobs/open-work-gate.ts), kept for their audit row; `deferred` when it could not be read. */
  gate: JobGate = { evidence: new Map(), deferred: false },
): Promise<string> {
  assertRules(body.userIds.length, actor, body.confirmCount, rules);
  const openWork = gate.evidence;
  // A deferred check keeps the admin's reason: the worker applies it to whom it finds blocked.
  const overridden = gate.deferred || [...openWork.values()].some((evidence) => evidence.override);
  return insertJob(db, {
    kind: body.kind,
    targets: body.userIds.map((id) => ({ id, name: names.get(id)?.name ?? null, email: names.get(id)?.email ?? null, openWork: openWork.get(id) ?? null })),
    reason: body.reason,
    ticket: body.ticket || null,
    sourceName: body.sourceName ?? null,
    actor,
    includeAdmins: body.includeAdmins,
    openWorkOverride: overridden ? (body.overrideOpenWork?.reason ?? null) : null,
    openWorkDeferred: gate.deferred,
  });
}

const CANCELLED_UNSTARTED = "Cancelled before it started; nothing was sent to Workfront for this person.";

/**
 * No new person starts: everyone not yet started is cancelled at once. People already sent to
 * Workfront (they hold an audit row) are finished by the worker, which re-reads them and writes
 * nothing more; the job ends as cancelled when none is left.
 */
export async function cancelJob(db: Database, id: string, actor: JobActor): Promise<void> {
  await db.transaction(async (tx) => {
    const [job] = await tx.select().from(jobs).where(eq(jobs.id, id)).for("update");
    if (!job) throw notFound();
    if (job.status === "completed" || job.status === "cancelled") {
      throw new ApiError(409, "job_finished", "The job has already ended.");
    }
    if (job.cancelRequestedAt) return;
    await tx
      .update(jobs)
      .set({
        cancelRequestedAt: sql`now()`,
        status: sql`case when ${jobs.status} in ('queued', 'running') then 'cancelling' else ${jobs.status} end`,
      })
      .where(eq(jobs.id, id));
    const cancelled = await tx
      .update(jobItems)
      .set({ state: "cancelled", finishedAt: sql`now()`, errorCode: "cancelled", errorMessage: CANCELLED_UNSTARTED })
      .where(and(eq(jobItems.jobId, id), eq(jobItems.state, "pending"), isNull(jobItems.auditEventId)))
      .returning({ id: jobItems.id });
    await recordJobEvent(tx, id, "cancel_requested", actor, { cancelled: cancelled.length });
  });
  await finishJobs(db, [id]);
}

/** Failed people go back to pending for a new run; each gets a new audit row when it runs. */
export async function retryFailed(db: Database, id: string, actor: JobActor): Promise<number> {
  return db.transaction(async (tx) => {
    const [job] = await tx.select().from(jobs).where(eq(jobs.id, id)).for("update");
    if (!job) throw notFound();
    if (job.status === "cancelling") {
      throw new ApiError(409, "job_cancelling", "The job is being cancelled; retry once it has ended.");
    }
    const retried = await tx
      .update(jobItems)
      .set({
        state: "pending",
        attempts: 0,
        availableAt: sql`now()`,
        leaseOwner: null,
        leaseExpiresAt: null,
        errorCode: null,
        errorMessage: null,
        // The failed attempt's audit row stays in the log, complete; the new run writes its own.
        auditEventId: null,
        finishedAt: null,
      })
      .where(and(eq(jobItems.jobId, id), eq(jobItems.state, "failed")))
      .returning({ id: jobItems.id });
    if (retried.length === 0) throw new ApiError(409, "nothing_to_retry", "No person in this job has failed.");
    if (job.status === "completed" || job.status === "cancelled") {
      await tx
        .update(jobs)
        .set({ status: "running", finishedAt: null, cancelRequestedAt: null })
        .where(eq(jobs.id, id));
    }
    await recordJobEvent(tx, id, "retried", actor, { people: retried.length });
    return retried.length;
  });
}

/** A reactivation job for the people this deactivation job changed (not those already inactive). */
export async function undoJob(
  db: Database,
  id: string,
  actor: JobActor,
  body: { reason?: string; ticket?: string; confirmCount?: number },
  rules: BulkRules,
): Promise<string> {
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  if (!job) throw notFound();
  if (job.kind !== "deactivate") throw new ApiError(409, "not_undoable", "Only a deactivation job can be undone.");
  if (job.status !== "completed" && job.status !== "cancelled") {
    throw new ApiError(409, "job_not_finished", "Undo is possible once the job has ended.");
  }
  const [open] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.undoOf, id), notInArray(jobs.status, ["completed", "cancelled"])));
  if (open) throw new ApiError(409, "undo_in_progress", `An undo of this job is already running (job ${open.id}).`);
  const targets = await db
    .select({ id: jobItems.targetId, name: jobItems.targetName, email: jobItems.targetEmail })
    .from(jobItems)
    .where(and(eq(jobItems.jobId, id), inArray(jobItems.state, ["succeeded"])))
    .orderBy(asc(jobItems.position));
  if (targets.length === 0) throw new ApiError(409, "nothing_to_undo", "This job deactivated nobody.");
  assertRules(targets.length, actor, body.confirmCount, rules);
  const reason = body.reason ?? `Undo of bulk job ${id}: ${job.reason}`.slice(0, 500);
  const undoId = await insertJob(db, {
    kind: "reactivate",
    targets,
    reason,
    ticket: body.ticket || job.ticket,
    actor,
    undoOf: id,
  });
  await recordJobEvent(db, id, "undo_created", actor, { undoJobId: undoId, people: targets.length });
  return undoId;
}

/**
 * Tries the credential now; when it works, the paused job goes back to work. A job paused because
 * its creator was disabled goes back to work only for an admin, who takes it on.
 */
export async function resumeJob(db: Database, client: WorkfrontClient, id: string, actor: JobActor): Promise<void> {
  const [job] = await db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, id));
  if (!job) throw notFound();
  if (job.status === "paused_creator") {
    if (actor.role !== "admin") {
      throw new ApiError(403, "forbidden", "The account that started this job was disabled: only an admin may resume it.");
    }
    await resumeCreatorPausedJob(db, id, actor);
    return;
  }
  if (job.status !== "paused_auth") return;
  // Throws the WorkfrontError when the credential still fails: the handler answers 503 workfront_auth.
  await probeCredential(client);
  await resumePausedJobs(db, actor, id);
}
