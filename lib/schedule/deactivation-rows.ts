import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { attemptSchema, completionSchema, refusalSchema } from "@/lib/audit/record";
import { type Database, type NewAuditEventRow, auditEvents, insertJsonRows } from "@/lib/db";
import { snapshotOf } from "@/lib/offboarding/change-status";
import type { OpenWorkEvidence } from "@/lib/offboarding/impact";
import type { RefusalCode } from "@/lib/offboarding/user-dto";
import type { WorkfrontUser } from "@/lib/workfront";
import type { Claimed } from "./endings";

/**
 * The `deactivate` audit rows of scheduled deactivations run in a batch: the same rows a single
 * deactivation writes (a pending row with the person's state and access before the Workfront call,
 * completed once after it; a refusal complete at once), naming the schedule, written set-based per
 * chunk (one statement for many rows, as lib/jobs writes its items' rows). A schedule's pending row
 * is found again by its schedule ID, so a retry after a lost answer or a crash completes the row
 * written before the first call instead of writing another.
 */
function entryOf(row: Claimed, user: WorkfrontUser) {
  return {
    action: "deactivate" as const,
    // The schedule acts as the person who made it, with their role at that time.
    actorAccountId: row.createdByAccountId,
    actorEmail: row.createdByEmail,
    actorRole: row.createdByRole,
    targetId: row.targetId,
    targetName: user.name ?? row.targetName,
    targetEmail: user.email ?? row.targetEmail,
    reason: row.reason,
    ticket: row.ticket,
    requestId: `schedule:${row.id}`,
    clientIp: null,
    scheduleId: row.id,
  };
}

/** The row written before the Workfront call (outcome pending). */
export function pendingRow(row: Claimed, user: WorkfrontUser, openWork: OpenWorkEvidence | null): NewAuditEventRow {
  return { ...attemptSchema.parse({ ...entryOf(row, user), isActiveBefore: user.isActive, snapshot: snapshotOf(user), openWork }), outcome: "pending" };
}

/** A person found inactive with no write of ours pending: one row, complete (`already`). */
export function alreadyRow(row: Claimed, user: WorkfrontUser): NewAuditEventRow {
  const entry = attemptSchema.parse({ ...entryOf(row, user), isActiveBefore: user.isActive, snapshot: snapshotOf(user) });
  return { ...entry, ...completionSchema.parse({ outcome: "already", isActiveAfter: user.isActive }) };
}

/** A refusal decided before any write (a protection, blocking open work): one row, complete. */
export function refusedRow(row: Claimed, user: WorkfrontUser, code: RefusalCode, reason: string, openWork: OpenWorkEvidence | null = null): NewAuditEventRow {
  return { ...refusalSchema.parse({ ...entryOf(row, user), isActiveBefore: user.isActive, refusedCode: code, refusedReason: reason, openWork }), outcome: "refused" };
}

/** Inserts rows in one statement; completed ones get completed_at from the database's clock. Returns each row's ID by schedule. */
export async function insertRows(tx: Database, rows: readonly NewAuditEventRow[], options: { completedNow?: boolean } = {}): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const extra = options.completedNow ? [{ column: "completed_at", value: sql`now()` }] : [];
  const result = await tx.execute(insertJsonRows(auditEvents, rows, { extra, tail: sql`returning id, schedule_id` }));
  const inserted = (result as unknown as { rows: { id: string | number; schedule_id: string }[] }).rows;
  return new Map(inserted.map((row) => [row.schedule_id, Number(row.id)]));
}

/** The pending `deactivate` rows earlier attempts of these schedules left (a lost answer, a crash), by schedule. */
export async function pendingRows(db: Database, scheduleIds: readonly string[]): Promise<Map<string, { id: number; isActiveBefore: boolean | null }>> {
  if (scheduleIds.length === 0) return new Map();
  const rows = await db
    .select({ id: auditEvents.id, scheduleId: auditEvents.scheduleId, isActiveBefore: auditEvents.isActiveBefore })
    .from(auditEvents)
    .where(and(inArray(auditEvents.scheduleId, [...scheduleIds]), eq(auditEvents.action, "deactivate"), eq(auditEvents.outcome, "pending")));
  return new Map(rows.map((row) => [row.scheduleId!, { id: row.id, isActiveBefore: row.isActiveBefore }]));
}

/** The schedules one of whose attempts deactivated the person (not merely found them inactive). */
export async function schedulesThatWrote(db: Database, scheduleIds: readonly string[]): Promise<Set<string>> {
  if (scheduleIds.length === 0) return new Set();
  const rows = await db
    .select({ scheduleId: auditEvents.scheduleId })
    .from(auditEvents)
    .where(and(inArray(auditEvents.scheduleId, [...scheduleIds]), eq(auditEvents.action, "deactivate"), eq(auditEvents.outcome, "succeeded")));
  return new Set(rows.map((row) => row.scheduleId!));
}
