/**
 * The notification outbox's values. Pure (no server imports): the schema builds its CHECK
 * constraints from the same lists.
 */
export const NOTIFICATION_EVENTS = [
  "job_ended",
  "schedule_ran",
  "schedule_failed",
  "schedule_overdue",
  "leavers_digest",
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_CHANNELS = ["email", "webhook"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** pending → sending (leased by a worker) → sent; or → failed once the attempts are used up. */
export const NOTIFICATION_STATES = ["pending", "sending", "sent", "failed"] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];
