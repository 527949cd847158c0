/**
 * The job engine's values as lookup data. Pure (no server imports), so the job page's badges and
 * filters use the same words; the schema builds its CHECK constraints from the same lists.
 */
export const JOB_KINDS = ["deactivate", "reactivate"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/**
 * queued → running → completed, or → cancelling → cancelled. `paused_auth` means Workfront refused
 * the credential: nothing more runs until it works again ("reconnect Workfront"). `paused_creator`
 * means the account that started the job was disabled: nothing more runs until an admin resumes it.
 */
export const JOB_STATUSES = ["queued", "running", "paused_auth", "paused_creator", "cancelling", "cancelled", "completed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** `running` means leased by a worker; the last five are final. */
export const ITEM_STATES = ["pending", "running", "succeeded", "already", "failed", "refused", "cancelled"] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const FINAL_ITEM_STATES = ["succeeded", "already", "failed", "refused", "cancelled"] as const satisfies readonly ItemState[];
export type FinalItemState = (typeof FINAL_ITEM_STATES)[number];

export const FINAL_JOB_STATUSES = ["cancelled", "completed"] as const satisfies readonly JobStatus[];

/** What a job records about itself: who did what to it, and what the worker decided. */
export const JOB_EVENT_ACTIONS = [
  "created",
  "started",
  "paused_auth",
  "paused_creator",
  "resumed",
  "cancel_requested",
  "cancelled",
  "completed",
  "retried",
  "undo_created",
] as const;
export type JobEventAction = (typeof JOB_EVENT_ACTIONS)[number];

export function isFinalItemState(state: ItemState): state is FinalItemState {
  return (FINAL_ITEM_STATES as readonly string[]).includes(state);
}

export function isJobStatus(value: unknown): value is JobStatus {
  return typeof value === "string" && (JOB_STATUSES as readonly string[]).includes(value);
}

export function isItemState(value: unknown): value is ItemState {
  return typeof value === "string" && (ITEM_STATES as readonly string[]).includes(value);
}
