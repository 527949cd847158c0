import "server-only";
import { and, inArray, isNotNull, sql } from "drizzle-orm";
import { completeAttempts } from "@/lib/audit/record";
import { type Database, jobs, recordset } from "@/lib/db";
import type { WorkfrontUser } from "@/lib/workfront";
import { CANCELLED_MESSAGE, attemptRow, clip, completedRow, completionFor, insertAuditRows } from "./audit-rows";
import { type ClaimedItem, lockOwned } from "./claim";
import type { JobContext } from "./job-context";
import { pauseJob } from "./job-status";
import type { FinalItemState } from "./vocabulary";

/**
 * Every database write about an item after it is claimed. Each runs in one transaction that first
 * locks the items this worker still holds (`lockOwned`), and writes the items' states and their
 * audit rows together: an item is final exactly when its audit row is complete. Writes are
 * set-based (a few statements per chunk, not a few per person), validated by lib/audit's schemas.
 */
/** How long an item whose person another action holds waits before it can be claimed again. */
const DEFER_MS = 500;

export interface ItemError {
  code: string;
  message: string;
}

interface Base {
  item: ClaimedItem;
  job: JobContext;
}

export type FinalOutcome = Base & {
  type: "final";
  state: FinalItemState;
  /** What Workfront said about the person, when it was read. */
  user: WorkfrontUser | null;
  isActiveAfter?: boolean | null;
  /** failed: the error; refused: the protection (code) and why (message); cancelled: why. */
  error?: ItemError;
};

export type ItemOutcome =
  | FinalOutcome
  /** A transient failure: claimable again after a backoff, or failed once out of attempts. */
  | (Base & { type: "retry"; user: WorkfrontUser | null; error: ItemError })
  /** Workfront refused the credential: the item goes back untouched and its job pauses. */
  | (Base & { type: "release"; error: ItemError })
  /** Another action holds the person right now: the item goes back untouched for a moment. */
  | (Base & { type: "defer" });

/** A person about to be written to Workfront, with the audit row written before the call. */
export interface ReadyItem extends Base {
  user: WorkfrontUser;
  auditEventId: number;
}

export interface OutcomeSettings {
  owner: string;
  maxAttempts: number;
  /** Backoff before claim number `attempts + 1`. */
  retryDelayMs: (attempts: number) => number;
}

/**
 * Writes the pending audit row of each person about to be changed, before the Workfront call, and
 * links it to the item. Items lost to another worker are dropped; items of a job cancelled in the
 * meantime come back as `cancelled` outcomes instead of being written.
 */
export async function prepareWrites(
  db: Database,
  owner: string,
  candidates: readonly (Base & { user: WorkfrontUser })[],
): Promise<{ ready: ReadyItem[]; cancelled: ItemOutcome[] }> {
  if (candidates.length === 0) return { ready: [], cancelled: [] };
  return db.transaction(async (tx) => {
    const owned = await lockOwned(tx, owner, candidates.map((c) => c.item.id));
    const jobIds = [...new Set(candidates.map((c) => c.job.id))];
    // FOR SHARE: a Cancel that is committing now is seen; one that comes later waits for us.
    const cancelling = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(inArray(jobs.id, jobIds), isNotNull(jobs.cancelRequestedAt)))
      .for("share");
    const cancelledJobs = new Set(cancelling.map((row) => row.id));
    const cancelled: ItemOutcome[] = [];
    const going = candidates.filter((candidate) => {
      if (!owned.has(candidate.item.id)) return false;
      if (!cancelledJobs.has(candidate.job.id)) return true;
      cancelled.push({
        ...candidate,
        type: "final",
        state: "cancelled",
        isActiveAfter: candidate.user.isActive,
        error: { code: "cancelled", message: CANCELLED_MESSAGE },
      });
      return false;
    });
    // A person retried after a lost answer keeps the row written before their first write.
    const fresh = going.filter((c) => c.item.auditEventId === null);
    const written = await insertAuditRows(tx, fresh.map((c) => attemptRow(c.job, c.item, c.user)));
    if (fresh.length > 0) {
      const rows = fresh.map((c) => ({ id: c.item.id, audit_event_id: written.get(c.item.id), target_name: c.user.name, target_email: c.user.email }));
      await tx.execute(sql`
        update job_items set audit_event_id = v.audit_event_id, target_name = v.target_name, target_email = v.target_email
        from ${recordset(rows, "id uuid, audit_event_id bigint, target_name text, target_email text")}
        where job_items.id = v.id`);
    }
    const ready = going.map((c) => {
      const auditEventId = c.item.auditEventId ?? written.get(c.item.id)!;
      return { ...c, item: { ...c.item, auditEventId }, auditEventId };
    });
    return { ready, cancelled };
  });
}

/** Completes the pending rows written before earlier Workfront calls, each exactly once. */
function completePending(tx: Database, outcomes: readonly FinalOutcome[]): Promise<void> {
  return completeAttempts(tx, outcomes.map((outcome) => ({ id: outcome.item.auditEventId, completion: completionFor(outcome) })));
}

/** Applies the outcomes of a chunk; returns how many items had been lost to another worker. */
export async function applyOutcomes(
  db: Database,
  settings: OutcomeSettings,
  outcomes: readonly ItemOutcome[],
): Promise<{ lost: number; paused: string[] }> {
  if (outcomes.length === 0) return { lost: 0, paused: [] };
  return db.transaction(async (tx) => {
    const owned = await lockOwned(tx, settings.owner, outcomes.map((o) => o.item.id));
    const mine = outcomes
      .filter((outcome) => owned.has(outcome.item.id))
      .map((outcome): ItemOutcome =>
        outcome.type === "retry" && outcome.item.attempts >= settings.maxAttempts
          ? { ...outcome, type: "final", state: "failed" }
          : outcome,
      );
    const finals = mine.filter((o): o is FinalOutcome => o.type === "final");
    const retries = mine.filter((o) => o.type === "retry");
    const releases = mine.filter((o) => o.type === "release");
    const deferred = mine.filter((o) => o.type === "defer");

    await completePending(tx, finals.filter((o) => o.item.auditEventId !== null));
    const unrecorded = finals.filter((o) => o.item.auditEventId === null && o.state !== "cancelled");
    const auditIds = await insertAuditRows(tx, unrecorded.map(completedRow), { completedNow: true });
    if (finals.length > 0) {
      // The owner stays as "finished by"; only a running item holds a lease.
      await tx.execute(sql`
        update job_items set state = v.state, finished_at = now(), lease_expires_at = null,
          error_code = v.error_code, error_message = v.error_message, audit_event_id = v.audit_event_id,
          target_name = coalesce(v.target_name, job_items.target_name),
          target_email = coalesce(v.target_email, job_items.target_email)
        from ${recordset(
          finals.map((o) => ({
            id: o.item.id,
            state: o.state,
            error_code: o.error?.code ?? null,
            error_message: clip(o.error?.message),
            audit_event_id: o.item.auditEventId ?? auditIds.get(o.item.id) ?? null,
            target_name: o.user?.name ?? null,
            target_email: o.user?.email ?? null,
          })),
          "id uuid, state text, error_code text, error_message text, audit_event_id bigint, target_name text, target_email text",
        )}
        where job_items.id = v.id`);
    }
    if (retries.length > 0) {
      await tx.execute(sql`
        update job_items set state = 'pending', lease_owner = null, lease_expires_at = null,
          available_at = now() + v.delay_ms * interval '1 millisecond',
          error_code = v.error_code, error_message = v.error_message,
          target_name = coalesce(v.target_name, job_items.target_name),
          target_email = coalesce(v.target_email, job_items.target_email)
        from ${recordset(
          retries.map((o) => ({
            id: o.item.id,
            delay_ms: settings.retryDelayMs(o.item.attempts),
            error_code: o.error.code,
            error_message: clip(o.error.message),
            target_name: o.user?.name ?? null,
            target_email: o.user?.email ?? null,
          })),
          "id uuid, delay_ms integer, error_code text, error_message text, target_name text, target_email text",
        )}
        where job_items.id = v.id`);
    }
    if (releases.length > 0) {
      // The claim is given back: a credential problem is not the person's failure.
      await tx.execute(sql`
        update job_items set state = 'pending', lease_owner = null, lease_expires_at = null,
          attempts = greatest(job_items.attempts - 1, 0), error_code = v.error_code, error_message = v.error_message
        from ${recordset(
          releases.map((o) => ({ id: o.item.id, error_code: o.error.code, error_message: clip(o.error.message) })),
          "id uuid, error_code text, error_message text",
        )}
        where job_items.id = v.id`);
    }
    if (deferred.length > 0) {
      // Not an attempt: the claim is given back, to be taken again once the other action is done.
      await tx.execute(sql`
        update job_items set state = 'pending', lease_owner = null, lease_expires_at = null,
          attempts = greatest(job_items.attempts - 1, 0), available_at = now() + ${DEFER_MS} * interval '1 millisecond'
        where job_items.id in (${sql.join(deferred.map((o) => sql`${o.item.id}::uuid`), sql`, `)})`);
    }
    const paused: string[] = [];
    const pauses = new Map(releases.map((o) => [o.job.id, o.error]));
    for (const [jobId, error] of pauses) {
      if (await pauseJob(tx, jobId, error)) paused.push(jobId);
    }
    return { lost: outcomes.length - mine.length, paused };
  });
}

export { finishJobs, pauseJob } from "./job-status";
