import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "../../audit/vocabulary";
import { ROLES } from "../../auth/roles";
import { OVERRIDABLE_PROTECTIONS, REFUSAL_CODES } from "../../offboarding/user-dto";
import { accounts } from "./accounts";
import { apiTokens } from "./api-tokens";
import { oneOf } from "./checks";
import type { OpenWorkEvidence } from "../../offboarding/impact/types";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/** A Workfront user's access fields as they were just before deactivation, to put back later. */
export interface AccessSnapshot {
  accessLevelId: string | null;
  accessLevelName: string | null;
  licenseType: string | null;
  homeGroupId: string | null;
  homeGroupName: string | null;
}

/** A reassignment's change to one Workfront object: written with the pending row, never changed. */
export interface AuditChange {
  category: string;
  objCode: string;
  objectId: string;
  objectName: string | null;
  field: string;
  from: string;
  to: string;
  toName: string | null;
}

/**
 * One row per attempt to change a Workfront user's status, or (action `reassign`) one object of
 * theirs handed to a successor. Append-only: a trigger (migration
 * 0001) refuses DELETE, TRUNCATE and any UPDATE but the one that completes a pending row.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: at("occurred_at").notNull().defaultNow(),
    completedAt: at("completed_at"),
    // No ON DELETE action: an account with history is disabled, never deleted (the FK says so).
    actorAccountId: uuid("actor_account_id").references(() => accounts.id),
    // Copied, not joined: the log must say who acted even if the account is renamed later.
    actorEmail: text("actor_email").notNull(),
    actorRole: text("actor_role", { enum: ROLES }).notNull(),
    // Set when the actor was an API token: the account above is the token's creator, the role the token's.
    actorTokenId: uuid("actor_token_id").references(() => apiTokens.id),
    action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
    targetId: text("target_id").notNull(),
    targetName: text("target_name"),
    targetEmail: text("target_email"),
    reason: text("reason").notNull(),
    ticket: text("ticket"),
    outcome: text("outcome", { enum: AUDIT_OUTCOMES }).notNull(),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    refusedReason: text("refused_reason"),
    // Why, as a code the UI words in the reader's language; null in rows from before it was kept.
    refusedCode: text("refused_code", { enum: REFUSAL_CODES }),
    // Set when an admin deactivated a protected account on purpose: which protection they overrode.
    overriddenProtection: text("overridden_protection", { enum: OVERRIDABLE_PROTECTIONS }),
    isActiveBefore: boolean("is_active_before"),
    isActiveAfter: boolean("is_active_after"),
    snapshot: jsonb("snapshot").$type<AccessSnapshot>(),
    change: jsonb("change").$type<AuditChange>(),
    // A deactivation's impact check just before it (issue 16), with an admin's override of blocking work.
    openWork: jsonb("open_work").$type<OpenWorkEvidence>(),
    requestId: text("request_id").notNull(),
    clientIp: text("client_ip"),
    // Bulk jobs come later; no FK yet because their tables do not exist.
    jobId: uuid("job_id"),
    jobItemId: uuid("job_item_id"),
    /** A scheduled deactivation's rows (actions `schedule_*`, and the deactivation it ran). */
    scheduleId: uuid("schedule_id"),
    /** What a schedule row says besides the columns: due time, zone, policy, lateness, read-back. */
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (table) => [
    // NULLS FIRST matches a plain `ORDER BY … DESC`, so the newest-first pages read the index.
    index("audit_events_occurred_at_idx").on(
      table.occurredAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index("audit_events_target_id_idx").on(table.targetId, table.occurredAt.desc().nullsFirst()),
    index("audit_events_actor_email_idx").on(table.actorEmail),
    index("audit_events_action_idx").on(table.action),
    index("audit_events_outcome_idx").on(table.outcome),
    index("audit_events_schedule_idx").on(table.scheduleId).where(sql`${table.scheduleId} is not null`),
    check("audit_events_action_known", oneOf(table.action, AUDIT_ACTIONS)),
    check("audit_events_outcome_known", oneOf(table.outcome, AUDIT_OUTCOMES)),
    check("audit_events_actor_role_known", oneOf(table.actorRole, ROLES)),
    check("audit_events_overridden_protection_known", oneOf(table.overriddenProtection, OVERRIDABLE_PROTECTIONS)),
    check("audit_events_refused_code_known", oneOf(table.refusedCode, REFUSAL_CODES)),
    check("audit_events_target_id_format", sql`${table.targetId} ~ '^[0-9a-f]{32}$'`),
    // A row is complete exactly when it has a final outcome.
    check(
      "audit_events_completed_when_final",
      sql`(${table.outcome} = 'pending') = (${table.completedAt} is null)`,
    ),
    check(
      "audit_events_failed_has_code",
      sql`${table.outcome} <> 'failed' or ${table.errorCode} is not null`,
    ),
    check(
      "audit_events_refused_has_reason",
      sql`${table.outcome} <> 'refused' or ${table.refusedReason} is not null`,
    ),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEventRow = typeof auditEvents.$inferInsert;
