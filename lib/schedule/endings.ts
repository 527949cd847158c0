import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type Database, idsIn, recordset, scheduledDeactivations, type ScheduledDeactivationRow } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { Refusal } from "@/lib/offboarding/change-status";
import { isCredentialError, isWorkfrontError } from "@/lib/workfront";
import type { Completion } from "@/lib/audit";
import { completeAttempts } from "@/lib/audit/record";
import { type ScheduleEvent, recordScheduleEvents } from "./events";
import { refOf } from "./store";

/** A claimed schedule, and whether this run of it is late (more than 15 minutes after its time). */
export type Claimed = ScheduledDeactivationRow & { late: boolean };

/** How long a schedule whose person another action holds waits before it can be claimed again. */
const DEFER_MS = 500;

export type Ending =
  | { type: "done" }
  | { type: "failed"; code: string; message: string }
  | { type: "held" }
  | { type: "retry"; code: string; message: string }
  | { type: "paused"; code: string; message: string }
  /** Another action holds the person right now: given back untouched for a moment, not an attempt. */
  | { type: "defer" };

export type EndingType = Ending["type"];

export interface Finish {
  row: Claimed;
  ending: Ending;
  event?: ScheduleEvent;
  /** The pending `deactivate` audit row this attempt wrote before its Workfront call, completed with the end. */
  audit?: { id: number; completion: Completion };
}

export function describe(error: unknown): { code: string; message: string } {
  if (error instanceof Refusal) return { code: error.refusal, message: error.message };
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (isWorkfrontError(error)) return { code: error.code, message: error.message };
  if (error === undefined) return { code: "unavailable", message: "Workfront gave no answer for this person." };
  return { code: "internal", message: error instanceof Error ? error.message : String(error) };
}

/** What to do after an error: pause for the credential, try again later, or stop for good. */
export function endingFor(error: unknown): Ending {
  const { code, message } = describe(error);
  if (isCredentialError(error)) return { type: "paused", code, message };
  if (error instanceof Refusal) return { type: "failed", code, message };
  if (isWorkfrontError(error)) return error.retryable ? { type: "retry", code, message } : { type: "failed", code, message };
  if (error instanceof ApiError) return error.status === 409 ? { type: "retry", code, message } : { type: "failed", code, message };
  // No answer at all, or the database hiccuped: try again shortly.
  return { type: "retry", code, message };
}

/** The `failed` event an ending carries (the others' events are built where they are decided). */
export function failureOf(row: Claimed, ending: Ending): Finish {
  return {
    row,
    ending,
    event: ending.type === "failed" ? { kind: "failed", schedule: refOf(row), code: ending.code, message: ending.message, late: row.late } : undefined,
  };
}

/** One row of the set-based update: what an ending does to the schedule's columns. */
function updateOf(finish: Finish, retryDelayMs: (attempts: number) => number) {
  const { row, ending } = finish;
  const error = "code" in ending ? { set_error: true, error_code: ending.code, error_message: ending.message.slice(0, 2000) } : { set_error: ending.type === "done", error_code: null, error_message: null };
  const base = { id: row.id, finish: false, give_back: 0, delay_ms: null as number | null, ...error };
  switch (ending.type) {
    case "done":
    case "failed":
      return { ...base, state: ending.type, finish: true };
    case "held":
      return { ...base, state: "held" };
    case "paused":
      // The claim is given back: a refused credential is not the schedule's attempt.
      return { ...base, state: "paused_auth", give_back: 1 };
    case "defer":
      return { ...base, state: "scheduled", give_back: 1, delay_ms: DEFER_MS };
    case "retry":
      return { ...base, state: "scheduled", delay_ms: retryDelayMs(row.attempts) };
  }
}

/**
 * Writes the ends of claimed schedules in one transaction, with the completion of the audit row
 * each wrote before its Workfront call, their audit events (and notifications, lib/notify) — only those this runner still holds: a schedule whose lease was lost
 * to another runner is left to its new owner. Set-based: a few statements for a whole chunk.
 * Returns the IDs written.
 */
export async function finishAll(db: Database, owner: string, retryDelayMs: (attempts: number) => number, finishes: readonly Finish[]): Promise<Set<string>> {
  if (finishes.length === 0) return new Set();
  return db.transaction(async (tx) => {
    const owned = await tx
      .select({ id: scheduledDeactivations.id })
      .from(scheduledDeactivations)
      .where(
        and(
          sql`${scheduledDeactivations.id} in ${idsIn(finishes.map((f) => f.row.id), "uuid")}`,
          eq(scheduledDeactivations.leaseOwner, owner),
          eq(scheduledDeactivations.state, "running"),
        ),
      )
      .for("update");
    const mine = new Set(owned.map((row) => row.id));
    const ours = finishes.filter((f) => mine.has(f.row.id));
    if (ours.length === 0) return mine;
    await tx.execute(sql`
      update scheduled_deactivations s set state = v.state, lease_owner = null, lease_expires_at = null, updated_at = now(),
        finished_at = case when v.finish then now() else s.finished_at end,
        attempts = greatest(s.attempts - v.give_back, 0),
        available_at = case when v.delay_ms is null then s.available_at else now() + v.delay_ms * interval '1 millisecond' end,
        last_error_code = case when v.set_error then v.error_code else s.last_error_code end,
        last_error_message = case when v.set_error then v.error_message else s.last_error_message end
      from ${recordset(
        ours.map((f) => updateOf(f, retryDelayMs)),
        "id uuid, state text, finish boolean, give_back integer, delay_ms integer, set_error boolean, error_code text, error_message text",
      )}
      where s.id = v.id`);
    // A schedule lost to another runner keeps its pending row: the new owner settles it from what Workfront shows.
    await completeAttempts(tx, ours.flatMap((f) => (f.audit ? [f.audit] : [])));
    await recordScheduleEvents(tx, ours.flatMap((f) => (f.event ? [f.event] : [])));
    return mine;
  });
}
