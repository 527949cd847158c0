import "server-only";
import { and, asc, eq, inArray, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import { type Database, idsIn, jobItems, jobs } from "@/lib/db";
import { recordJobEvent } from "./events";
import type { OpenWorkEvidence } from "@/lib/offboarding/impact/types";

/**
 * Claiming with row leases. A worker takes up to `limit` items in one statement:
 * `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n) RETURNING`, so two workers (or
 * two app instances on one Postgres) never take the same item, and neither waits for the other.
 * An item is claimable when it is pending and due, or running under a lease that has expired (its
 * worker died). Items of a cancelling job are claimable only once started (they hold an audit row).
 */
export interface ClaimedItem {
  id: string;
  jobId: string;
  targetId: string;
  targetName: string | null;
  targetEmail: string | null;
  attempts: number;
  auditEventId: number | null;
  /** The person's impact check when the job was made (deactivations), for the audit row. */
  openWork?: OpenWorkEvidence | null;
}

const now = sql`now()`;
const leaseUntil = (leaseMs: number) => sql`now() + ${leaseMs} * interval '1 millisecond'`;

export async function claimItems(
  db: Database,
  options: { owner: string; limit: number; leaseMs: number },
): Promise<ClaimedItem[]> {
  const claimable = db
    .select({ id: jobItems.id })
    .from(jobItems)
    .innerJoin(jobs, eq(jobs.id, jobItems.jobId))
    .where(
      or(
        and(inArray(jobs.status, ["queued", "running"]), eq(jobItems.state, "pending"), lte(jobItems.availableAt, now)),
        and(
          eq(jobs.status, "cancelling"),
          eq(jobItems.state, "pending"),
          isNotNull(jobItems.auditEventId),
          lte(jobItems.availableAt, now),
        ),
        and(
          inArray(jobs.status, ["queued", "running", "cancelling"]),
          eq(jobItems.state, "running"),
          lt(jobItems.leaseExpiresAt, now),
        ),
      ),
    )
    .orderBy(asc(jobs.createdAt), asc(jobItems.jobId), asc(jobItems.position))
    .limit(options.limit)
    .for("update", { of: jobItems, skipLocked: true });

  const claimed = await db
    .update(jobItems)
    .set({
      state: "running",
      leaseOwner: options.owner,
      leaseExpiresAt: leaseUntil(options.leaseMs),
      attempts: sql`${jobItems.attempts} + 1`,
    })
    .where(inArray(jobItems.id, claimable))
    .returning({
      id: jobItems.id,
      jobId: jobItems.jobId,
      targetId: jobItems.targetId,
      targetName: jobItems.targetName,
      targetEmail: jobItems.targetEmail,
      attempts: jobItems.attempts,
      auditEventId: jobItems.auditEventId,
      openWork: jobItems.openWork,
    });
  if (claimed.length > 0) await markStarted(db, [...new Set(claimed.map((item) => item.jobId))]);
  return claimed;
}

async function markStarted(db: Database, jobIds: string[]): Promise<void> {
  const started = await db
    .update(jobs)
    .set({ status: "running", startedAt: sql`coalesce(${jobs.startedAt}, now())` })
    .where(and(inArray(jobs.id, jobIds), eq(jobs.status, "queued")))
    .returning({ id: jobs.id });
  for (const job of started) await recordJobEvent(db, job.id, "started", null);
}

/** Extends this worker's leases on items it still holds; returns how many it still holds. */
export async function renewLeases(
  db: Database,
  options: { owner: string; itemIds: readonly string[]; leaseMs: number },
): Promise<number> {
  if (options.itemIds.length === 0) return 0;
  const renewed = await db
    .update(jobItems)
    .set({ leaseExpiresAt: leaseUntil(options.leaseMs) })
    .where(
      and(
        sql`${jobItems.id} in ${idsIn(options.itemIds, "uuid")}`,
        eq(jobItems.leaseOwner, options.owner),
        eq(jobItems.state, "running"),
      ),
    )
    .returning({ id: jobItems.id });
  return renewed.length;
}

/**
 * Locks the items of `itemIds` that this worker still holds, inside a transaction, and returns
 * their IDs. Every write about an item goes through this first: an item whose lease was lost to
 * another worker is left alone.
 */
export async function lockOwned(tx: Database, owner: string, itemIds: readonly string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: jobItems.id })
    .from(jobItems)
    .where(and(sql`${jobItems.id} in ${idsIn(itemIds, "uuid")}`, eq(jobItems.leaseOwner, owner), eq(jobItems.state, "running")))
    .for("update");
  return new Set(rows.map((row) => row.id));
}
