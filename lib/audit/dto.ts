import type { AuditEvent } from "./types";

/** An audit row as the JSON API returns it: dates as ISO strings, no internal account IDs. */
export function toAuditEventDto(event: AuditEvent) {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    completedAt: event.completedAt?.toISOString() ?? null,
    actorEmail: event.actorEmail,
    actorRole: event.actorRole,
    /** Set when the actor used an API token: actorEmail is then the token's creator, actorRole the token's role. */
    actorTokenId: event.actorTokenId ?? null,
    action: event.action,
    targetId: event.targetId,
    targetName: event.targetName,
    targetEmail: event.targetEmail,
    reason: event.reason,
    ticket: event.ticket,
    outcome: event.outcome,
    errorCode: event.errorCode,
    errorMessage: event.errorMessage,
    refusedCode: event.refusedCode,
    refusedReason: event.refusedReason,
    overriddenProtection: event.overriddenProtection,
    isActiveBefore: event.isActiveBefore,
    isActiveAfter: event.isActiveAfter,
    snapshot: event.snapshot,
    openWork: event.openWork,
    requestId: event.requestId,
    clientIp: event.clientIp,
    jobId: event.jobId,
    scheduleId: event.scheduleId,
    detail: event.detail,
    /** A reassignment's change (action `reassign`): the object, its field, from the leaver to whom. */
    change: event.change ?? null,
  };
}

export type AuditEventDto = ReturnType<typeof toAuditEventDto>;
