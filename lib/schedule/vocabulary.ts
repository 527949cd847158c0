/**
 * The scheduler's values as lookup data. Pure (no server imports), so the Scheduled view's badges
 * and filters use the same words; the schema builds its CHECK constraints from the same lists.
 */

/**
 * scheduled → running → done | failed | held. `paused_auth`: Workfront refused the credential (or
 * none is connected); it goes back to scheduled when the credential works. `held`: the policy was
 * `hold` and blocking work remained at the due time; editing it schedules it again. `cancelled`
 * by a person before it started.
 */
export const SCHEDULE_STATES = ["scheduled", "running", "paused_auth", "done", "failed", "held", "cancelled"] as const;
export type ScheduleState = (typeof SCHEDULE_STATES)[number];

/** Not yet started by the runner: may still be edited or cancelled. */
export const EDITABLE_STATES = ["scheduled", "paused_auth", "held"] as const satisfies readonly ScheduleState[];
/** Waiting to run (or running): these count as overdue once 15 minutes past their time. */
export const WAITING_STATES = ["scheduled", "running", "paused_auth"] as const satisfies readonly ScheduleState[];
/** One open schedule per person: a second one for the same person is refused (409). */
export const OPEN_STATES = ["scheduled", "running", "paused_auth", "held"] as const satisfies readonly ScheduleState[];

/** What happens at the due time when the impact check still finds blocking open work. */
export const SCHEDULE_POLICIES = ["deactivate_anyway", "hold"] as const;
export type SchedulePolicy = (typeof SCHEDULE_POLICIES)[number];

/** A schedule not run within this long after its due time is overdue (shown on every page). */
export const OVERDUE_AFTER_MS = 15 * 60 * 1000;

export const EDITABLE: readonly string[] = EDITABLE_STATES;
export function isEditable(state: ScheduleState): boolean {
  return EDITABLE.includes(state);
}
