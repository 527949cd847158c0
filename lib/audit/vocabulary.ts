/**
 * The audit log's values as lookup data. Pure (no server imports) so the Audit page's filters and
 * badges can use the same labels; the schema builds its CHECK constraints from the same keys.
 */
export const AUDIT_ACTIONS = ["deactivate", "reactivate"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `pending` exists only between the write before the Workfront call and the completion after it. */
export const AUDIT_OUTCOMES = ["pending", "succeeded", "already", "failed", "refused"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export type FinalOutcome = Exclude<AuditOutcome, "pending">;

export const actionLabels: Record<AuditAction, string> = {
  deactivate: "Deactivate",
  reactivate: "Reactivate",
};

export const outcomeLabels: Record<AuditOutcome, string> = {
  pending: "In progress",
  succeeded: "Succeeded",
  already: "No change needed",
  failed: "Failed",
  refused: "Refused",
};

/** What each outcome tells a reader of the log, e.g. as a tooltip. */
export const outcomeDescriptions: Record<AuditOutcome, string> = {
  pending: "Sent to Workfront; no answer recorded yet (or the app stopped before it came).",
  succeeded: "Workfront applied the change and reported the new state.",
  already: "Workfront already reported the wanted state; nothing was changed.",
  failed: "Workfront refused or did not apply the change; see the error.",
  refused: "This dashboard refused the change before calling Workfront.",
};

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

export function isAuditOutcome(value: unknown): value is AuditOutcome {
  return typeof value === "string" && (AUDIT_OUTCOMES as readonly string[]).includes(value);
}
