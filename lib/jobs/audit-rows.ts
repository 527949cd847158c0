import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { PgInsertValue } from "drizzle-orm/pg-core";
import type { Completion } from "@/lib/audit";
import { attemptSchema, completionSchema, refusalSchema } from "@/lib/audit/record";
import type { NewAuditEventRow, auditEvents } from "@/lib/db";
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

/** A decision that needed no Workfront write (already, refused, not found…): its row, complete. */
export function completedRow(outcome: FinalOutcome): PgInsertValue<typeof auditEvents> {
  const entry = auditEntry(outcome.job, outcome.item, outcome.user);
  const completion = completionSchema.parse(completionFor(outcome));
  const before = { isActiveBefore: outcome.user?.isActive ?? null };
  const base =
    outcome.state === "refused"
      ? refusalSchema.parse({ ...entry, ...before, ...refusalColumns(outcome) })
      : attemptSchema.parse({
          ...entry,
          ...before,
          snapshot: outcome.user ? snapshotOf(outcome.user) : null,
        });
  return { ...base, ...completion, completedAt: sql`now()` };
}

/** `(v1, v2, …), (…)` for a VALUES list; every value is a bound parameter with an explicit type. */
export function valuesList(rows: readonly SQL[][]): SQL {
  return sql.join(
    rows.map((row) => sql`(${sql.join(row, sql`, `)})`),
    sql`, `,
  );
}

export const uuid = (value: string) => sql`${value}::uuid`;
export const text = (value: string | null | undefined) => sql`${value ?? null}::text`;
export const bool = (value: boolean | null | undefined) => sql`${value ?? null}::boolean`;
export const int = (value: number) => sql`${value}::integer`;
export const bigint = (value: number | null) => sql`${value}::bigint`;
