import type { ScheduledDeactivationRow } from "@/lib/db/schema/scheduled-deactivations";
import { OVERDUE_AFTER_MS, type SchedulePolicy, type ScheduleState, WAITING_STATES, isEditable } from "./vocabulary";

/** A scheduled deactivation as the API and the Scheduled view get it (dates as ISO strings). */
export interface ScheduleDto {
  id: string;
  targetId: string;
  targetName: string | null;
  targetEmail: string | null;
  dueAt: string;
  /** The organisation's zone when it was scheduled (its "end of day"). */
  timeZone: string;
  policy: SchedulePolicy;
  state: ScheduleState;
  createdByEmail: string;
  reason: string;
  ticket: string | null;
  sourceName: string | null;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** Waiting 15 minutes past its time (by the database's clock when this was read). */
  overdue: boolean;
  /** Started more than 15 minutes after its time. */
  late: boolean;
  lastError: { code: string; message: string | null } | null;
  createdAt: string;
  updatedAt: string;
  actions: { edit: boolean; cancel: boolean };
}

const WAITING: readonly string[] = WAITING_STATES;

export function toScheduleDto(row: ScheduledDeactivationRow, now: Date): ScheduleDto {
  return {
    id: row.id,
    targetId: row.targetId,
    targetName: row.targetName,
    targetEmail: row.targetEmail,
    dueAt: row.dueAt.toISOString(),
    timeZone: row.timeZone,
    policy: row.policy,
    state: row.state,
    createdByEmail: row.createdByEmail,
    reason: row.reason,
    ticket: row.ticket,
    sourceName: row.sourceName,
    attempts: row.attempts,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    overdue: WAITING.includes(row.state) && now.getTime() - row.dueAt.getTime() > OVERDUE_AFTER_MS,
    late: row.startedAt ? row.startedAt.getTime() - row.dueAt.getTime() > OVERDUE_AFTER_MS : false,
    lastError: row.lastErrorCode ? { code: row.lastErrorCode, message: row.lastErrorMessage } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    actions: { edit: isEditable(row.state), cancel: isEditable(row.state) },
  };
}

export interface ScheduleListDto {
  schedules: ScheduleDto[];
  /** The database's clock when read: the view counts down from it, not from the browser's clock. */
  now: string;
  timeZone: string;
  overdue: number;
}
