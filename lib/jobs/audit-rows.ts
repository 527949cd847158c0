import "server-only";
import { sql } from "drizzle-orm";
import type { Completion } from "@/lib/audit";
import { attemptSchema, completionSchema, refusalSchema } from "@/lib/audit/record";
import { type Database, type NewAuditEventRow, auditEvents, insertJsonRows } from "@/lib/db";
import { snapshotOf } from "@/lib/offboarding/change-status";
import type { RefusalCode } from "@/lib/offboarding/user-dto";
import type { WorkfrontUser } from "@/lib/workfront";
import type { ClaimedItem } from "./claim";
import type { JobContext } from "./job-context";
import type { FinalOutcome } from "./record-outcomes";

/**
 * The audit rows of job items, built and validated with lib/audit's own schemas, and the SQL
 * pieces of the set-based writes (one statement per chunk rather than one per person).
 */
export const CANCELLED_MESSAGE = "The job was cancelled before Workfront changed this person; nothing was changed.";
export const clip = (text: string | null | undefined) => (text == null ? null : text.slice(0, 2000));

function auditEntry(job: JobContext, item: ClaimedItem, user: WorkfrontUser | null) {
  return {
    action: job.kind,
    actorAccountId: job.createdByAccountId,
    actorEmail: job.createdByEmail,
    actorRole: job.createdByRole,
    actorTokenId: job.createdByTokenId,
    targetId: item.targetId,
    targetName: user?.name ?? item.targetName,
    targetEmail: user?.email ?? item.targetEmail,
    reason: job.reason,
    ticket: job.ticket,
    requestId: job.requestId,
    clientIp: job.clientIp,
    jobId: job.id,
    jobItemId: item.id,
  };
}

/** The pending audit row written before a person's Workfront call. */
export function attemptRow(job: JobContext, item: ClaimedItem, user: WorkfrontUser): NewAuditEventRow {
  const entry = attemptSchema.parse({
    ...auditEntry(job, item, user),
    isActiveBefore: user.isActive,
    // Both kinds: a reactivation's row then says which access level, licence and group the person had back.
    snapshot: snapshotOf(user),
    // The evidence of the gate (issue 16): what the person held when the job was made.
    openWork: job.kind === "deactivate" ? (item.openWork ?? null) : null,
  });
  return { ...entry, outcome: "pending" };
}

/** A refused item's code and sentence (process-chunk.ts puts the Refusal's code in its error). */
function refusalColumns(outcome: FinalOutcome) {
  return { refusedCode: outcome.error?.code as RefusalCode, refusedReason: outcome.error?.message ?? "Refused" };
}

export function completionFor(outcome: FinalOutcome): Completion {
  const isActiveAfter = outcome.isActiveAfter ?? null;
  switch (outcome.state) {
    case "succeeded":
    case "already":
      return { outcome: outcome.state, isActiveAfter };
    case "refused":
      return { outcome: "refused", ...refusalColumns(outcome) };
    case "cancelled":
      return { outcome: "failed", errorCode: "cancelled", errorMessage: outcome.error?.message ?? CANCELLED_MESSAGE, isActiveAfter };
    case "failed":
      return { outcome: "failed", errorCode: outcome.error?.code ?? "failed", errorMessage: outcome.error?.message ?? null, isActiveAfter };
  }
}

/**
 * A decision that needed no Workfront write (already, refused, not found…): its row, complete
 * (insert it with `completedNow`, so that completed_at is the database's clock).
 */
export function completedRow(outcome: FinalOutcome): NewAuditEventRow {
  const entry = auditEntry(outcome.job, outcome.item, outcome.user);
  const completion = completionSchema.parse(completionFor(outcome));
  const before = { isActiveBefore: outcome.user?.isActive ?? null };
  const base =
    outcome.state === "refused"
      ? refusalSchema.parse({ ...entry, ...before, ...refusalColumns(outcome), openWork: outcome.item.openWork ?? null })
      : attemptSchema.parse({
          ...entry,
          ...before,
          snapshot: outcome.user ? snapshotOf(outcome.user) : null,
        });
  return { ...base, ...completion };
}

/**
 * Inserts audit rows in one statement from one JSON parameter (lib/db's `insertJsonRows`);
 * `completedNow` stamps completed_at with the database's clock. Returns each row's ID by its job item.
 */
export async function insertAuditRows(
  tx: Database,
  rows: readonly NewAuditEventRow[],
  options: { completedNow?: boolean } = {},
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const extra = options.completedNow ? [{ column: "completed_at", value: sql`now()` }] : [];
  const result = await tx.execute(insertJsonRows(auditEvents, rows, { extra, tail: sql`returning id, job_item_id` }));
  const inserted = (result as unknown as { rows: { id: string | number; job_item_id: string }[] }).rows;
  return new Map(inserted.map((row) => [row.job_item_id, Number(row.id)]));
}
