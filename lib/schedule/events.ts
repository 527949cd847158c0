import "server-only";
import { sql } from "drizzle-orm";
import type { Role } from "@/lib/auth/roles";
import { type Database, type NewAuditEventRow, auditEvents, insertJsonRows } from "@/lib/db";
import type { AuditAction } from "@/lib/audit/vocabulary";
import { type NotificationEvent, enqueueNotifications } from "@/lib/notify";
import type { SchedulePolicy } from "./vocabulary";

/**
 * Everything that happens to a scheduled deactivation, in one place. Each event is one complete
 * audit row (action `schedule_*`, `schedule_id`, `detail`), written in the caller's transaction,
 * and for `ran`, `failed`, `overdue` and `held` (NOTIFIED_EVENTS) a notification in the outbox
 * (lib/notify) in the same transaction; the others are people's changes to the plan.
 */
export interface ScheduleRef {
  id: string;
  targetId: string;
  targetName: string | null;
  targetEmail: string | null;
  dueAt: Date;
  timeZone: string;
  policy: SchedulePolicy;
  reason: string;
  ticket: string | null;
  createdByAccountId: string | null;
  createdByEmail: string;
  createdByRole: Role;
}

/** A person acting on the plan (through the API); the runner's own events act as its creator. */
export interface ScheduleActor {
  accountId: string | null;
  email: string;
  role: Role;
  requestId: string;
  clientIp: string | null;
}

export type ScheduleEvent =
  | { kind: "created"; schedule: ScheduleRef; actor: ScheduleActor }
  | { kind: "edited"; schedule: ScheduleRef; actor: ScheduleActor; before: Partial<Pick<ScheduleRef, "dueAt" | "policy" | "reason" | "ticket">> }
  | { kind: "cancelled"; schedule: ScheduleRef; actor: ScheduleActor }
  /** Deactivated (or found already inactive), and a read-back showed isActive:false: the proof. */
  | { kind: "ran"; schedule: ScheduleRef; outcome: "succeeded" | "already"; late: boolean; startedAt: Date; readBackAt: Date }
  | { kind: "failed"; schedule: ScheduleRef; code: string; message: string; late: boolean }
  /** Not run within 15 minutes of its time; it still runs as soon as it can. Recorded once. */
  | { kind: "overdue"; schedule: ScheduleRef; lastErrorCode: string | null }
  /** Policy `hold`: blocking open work remained at the due time; nothing was changed. */
  | { kind: "held"; schedule: ScheduleRef; blocking: number; total: number };

export type ScheduleEventKind = ScheduleEvent["kind"];

/** The kinds HR is notified of (notificationOf). */
export const NOTIFIED_EVENTS = ["ran", "failed", "overdue", "held"] as const satisfies readonly ScheduleEventKind[];

const actionOf: Record<ScheduleEventKind, AuditAction> = {
  created: "schedule_created",
  edited: "schedule_edited",
  cancelled: "schedule_cancelled",
  ran: "schedule_ran",
  failed: "schedule_failed",
  overdue: "schedule_overdue",
  held: "schedule_held",
};

/** The audit row's outcome and what the row's columns say beyond the schedule itself. */
function resultOf(event: ScheduleEvent) {
  switch (event.kind) {
    case "ran":
      return { outcome: event.outcome, isActiveAfter: false, detail: { late: event.late, startedAt: event.startedAt.toISOString(), readBackAt: event.readBackAt.toISOString(), readBack: { isActive: false } } };
    case "failed":
      return { outcome: "failed" as const, errorCode: event.code, errorMessage: event.message.slice(0, 2000), detail: { late: event.late } };
    case "overdue":
      return {
        outcome: "failed" as const,
        errorCode: "overdue",
        errorMessage: "Not run within 15 minutes of its time; it runs as soon as it can.",
        detail: { lastErrorCode: event.lastErrorCode },
      };
    case "held":
      return {
        outcome: "refused" as const,
        refusedReason: `Blocking open work remains (${event.blocking} blocking of ${event.total} items); the schedule's policy is to hold.`,
        detail: { blocking: event.blocking, total: event.total },
      };
    case "edited":
      return { outcome: "succeeded" as const, detail: { before: { ...event.before, dueAt: event.before.dueAt?.toISOString() } } };
    default:
      return { outcome: "succeeded" as const, detail: {} };
  }
}

/** What HR is told (lib/notify's allow-listed events): a hold is told as a failure to run. */
function notificationOf(event: ScheduleEvent): NotificationEvent | null {
  const { schedule } = event;
  const base = { scheduleId: schedule.id, person: { name: schedule.targetName, email: schedule.targetEmail }, dueAt: schedule.dueAt.toISOString() };
  switch (event.kind) {
    case "ran":
      return { type: "schedule_ran", ...base, ranAt: event.readBackAt.toISOString(), late: event.late };
    case "failed":
      return { type: "schedule_failed", ...base, errorCode: event.code.slice(0, 60), errorMessage: event.message.slice(0, 300) };
    case "overdue":
      return { type: "schedule_overdue", ...base };
    case "held":
      return {
        type: "schedule_failed",
        ...base,
        errorCode: "held_open_work",
        errorMessage: `Held: ${event.blocking} blocking of ${event.total} open work items remain; nothing was changed.`,
      };
    default:
      return null;
  }
}

/** The event's audit row, complete (completed_at is stamped by the database when it is written). */
function auditRowOf(event: ScheduleEvent): NewAuditEventRow {
  const { schedule } = event;
  const actor: ScheduleActor =
    "actor" in event
      ? event.actor
      : {
          accountId: schedule.createdByAccountId,
          email: schedule.createdByEmail,
          role: schedule.createdByRole,
          requestId: `schedule:${schedule.id}`,
          clientIp: null,
        };
  const { detail, ...result } = resultOf(event);
  return {
    action: actionOf[event.kind],
    actorAccountId: actor.accountId,
    actorEmail: actor.email.toLowerCase(),
    actorRole: actor.role,
    targetId: schedule.targetId,
    targetName: schedule.targetName,
    targetEmail: schedule.targetEmail,
    reason: schedule.reason,
    ticket: schedule.ticket,
    requestId: actor.requestId,
    clientIp: actor.clientIp,
    scheduleId: schedule.id,
    detail: { dueAt: schedule.dueAt.toISOString(), timeZone: schedule.timeZone, policy: schedule.policy, by: "actor" in event ? "person" : "runner", ...detail },
    ...result,
  };
}

/**
 * Writes events in the caller's transaction: their audit rows in one statement (one JSON
 * parameter, as lib/jobs writes its items' rows), in the order given, and their notifications.
 */
export async function recordScheduleEvents(db: Database, events: readonly ScheduleEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.execute(insertJsonRows(auditEvents, events.map(auditRowOf), { extra: [{ column: "completed_at", value: sql`now()` }] }));
  await enqueueNotifications(db, events.flatMap((event) => notificationOf(event) ?? []));
}

export async function recordScheduleEvent(db: Database, event: ScheduleEvent): Promise<void> {
  await recordScheduleEvents(db, [event]);
}
