/**
 * The audit log's values as lookup data. Pure (no server imports) so the Audit page's filters and
 * badges use the same codes; the schema builds its CHECK constraints from the same keys. Their
 * words are in the message catalogues (audit.actions, audit.outcomes), in each language.
 */
/**
 * `reassign`: one object handed from a leaver to a successor (its row names the change).
 * `schedule_*`: a scheduled deactivation made, changed or cancelled by someone, and what the runner
 * did at its time (lib/schedule/events.ts); the row's `schedule_id` and `detail` say which and when.
 */
export const AUDIT_ACTIONS = [
  "deactivate",
  "reactivate",
  "reassign",
  "schedule_created",
  "schedule_edited",
  "schedule_cancelled",
  "schedule_ran",
  "schedule_failed",
  "schedule_overdue",
  "schedule_held",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `pending` exists only between the write before the Workfront call and the completion after it. */
export const AUDIT_OUTCOMES = ["pending", "succeeded", "already", "failed", "refused"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export type FinalOutcome = Exclude<AuditOutcome, "pending">;
