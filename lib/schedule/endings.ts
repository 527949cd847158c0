import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Database, scheduledDeactivations, type ScheduledDeactivationRow } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { Refusal } from "@/lib/offboarding/change-status";
import { isCredentialError, isWorkfrontError } from "@/lib/workfront";
import { type ScheduleEvent, recordScheduleEvent } from "./events";
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

function columnsOf(ending: Ending, retryDelayMs: (attempts: number) => number, attempts: number) {
  const release = { leaseOwner: null, leaseExpiresAt: null, updatedAt: sql`now()` };
  const clip = (message: string) => message.slice(0, 2000);
  switch (ending.type) {
    case "done":
      return { ...release, state: "done" as const, finishedAt: sql`now()`, lastErrorCode: null, lastErrorMessage: null };
    case "failed":
      return { ...release, state: "failed" as const, finishedAt: sql`now()`, lastErrorCode: ending.code, lastErrorMessage: clip(ending.message) };
    case "held":
      return { ...release, state: "held" as const };
    case "paused":
      // The claim is given back: a refused credential is not the schedule's attempt.
      return { ...release, state: "paused_auth" as const, attempts: sql`greatest(${scheduledDeactivations.attempts} - 1, 0)`, lastErrorCode: ending.code, lastErrorMessage: clip(ending.message) };
    case "defer":
      return { ...release, state: "scheduled" as const, attempts: sql`greatest(${scheduledDeactivations.attempts} - 1, 0)`, availableAt: sql`now() + ${DEFER_MS} * interval '1 millisecond'` };
    case "retry":
      return {
        ...release,
        state: "scheduled" as const,
        availableAt: sql`now() + ${retryDelayMs(attempts)} * interval '1 millisecond'`,
        lastErrorCode: ending.code,
        lastErrorMessage: clip(ending.message),
      };
  }
}

/**
 * Writes the ends of claimed schedules in one transaction, each with its audit event (and its
 * notification, lib/notify) — only those this runner still holds: a schedule whose lease was lost
 * to another runner is left to its new owner. Returns the IDs written.
 */
export async function finishAll(db: Database, owner: string, retryDelayMs: (attempts: number) => number, finishes: readonly Finish[]): Promise<Set<string>> {
  if (finishes.length === 0) return new Set();
  return db.transaction(async (tx) => {
    const owned = await tx
      .select({ id: scheduledDeactivations.id })
      .from(scheduledDeactivations)
      .where(
        and(
          inArray(scheduledDeactivations.id, finishes.map((f) => f.row.id)),
          eq(scheduledDeactivations.leaseOwner, owner),
          eq(scheduledDeactivations.state, "running"),
        ),
      )
      .for("update");
    const mine = new Set(owned.map((row) => row.id));
    for (const { row, ending, event } of finishes) {
      if (!mine.has(row.id)) continue;
      await tx.update(scheduledDeactivations).set(columnsOf(ending, retryDelayMs, row.attempts)).where(eq(scheduledDeactivations.id, row.id));
      if (event) await recordScheduleEvent(tx, event);
    }
    return mine;
  });
}
