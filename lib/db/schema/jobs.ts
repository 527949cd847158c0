import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { ROLES } from "../../auth/roles";
import { ITEM_STATES, JOB_EVENT_ACTIONS, JOB_KINDS, JOB_STATUSES } from "../../jobs/vocabulary";
import { accounts } from "./accounts";
import { apiTokens } from "./api-tokens";
import { oneOf } from "./checks";
import type { OpenWorkEvidence } from "../../offboarding/impact/types";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * A durable bulk deactivation or reactivation: one row per job, one `job_items` row per person.
 * Counts are not stored: they are read from the items (one grouped query), so they cannot drift.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: JOB_KINDS }).notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    // Copied, like the audit log: the job must say who started it even if the account changes.
    createdByAccountId: uuid("created_by_account_id").references(() => accounts.id),
    createdByEmail: text("created_by_email").notNull(),
    createdByRole: text("created_by_role", { enum: ROLES }).notNull(),
    /** The API token the job came in with (its creator is createdByAccountId); null for a session. */
    createdByTokenId: uuid("created_by_token_id").references(() => apiTokens.id),
    reason: text("reason").notNull(),
    ticket: text("ticket"),
    /** The imported file's name, when the job came from an import (for HR's report). */
    sourceName: text("source_name"),
    requestId: text("request_id").notNull(),
    clientIp: text("client_ip"),
    undoOf: uuid("undo_of").references((): AnyPgColumn => jobs.id),
    totalItems: integer("total_items").notNull(),
    // The admin included the System Administrators in the list on purpose; otherwise each is refused.
    includeAdmins: boolean("include_admins").notNull().default(false),
    // An admin let people with blocking open work into the job on purpose (issue 16): the reason.
    openWorkOverride: text("open_work_override"),
    // Workfront could not be asked when the job was made (an outage, a refused credential): the
    // worker checks each person's open work before writing them instead (lib/jobs/open-work-gate.ts).
    openWorkDeferred: boolean("open_work_deferred").notNull().default(false),
    createdAt: at("created_at").notNull().defaultNow(),
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
    /** Set by Cancel: nothing new starts; items already sent to Workfront are finished or checked. */
    cancelRequestedAt: at("cancel_requested_at"),
    pausedAt: at("paused_at"),
    lastErrorCode: text("last_error_code"),
    lastErrorMessage: text("last_error_message"),
  },
  (table) => [
    index("jobs_created_at_idx").on(table.createdAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
    index("jobs_status_idx").on(table.status),
    index("jobs_undo_of_idx").on(table.undoOf),
    check("jobs_kind_known", oneOf(table.kind, JOB_KINDS)),
    check("jobs_status_known", oneOf(table.status, JOB_STATUSES)),
    check("jobs_created_by_role_known", oneOf(table.createdByRole, ROLES)),
    check("jobs_total_items_positive", sql`${table.totalItems} > 0`),
    check(
      "jobs_finished_when_final",
      sql`(${table.status} in ('cancelled', 'completed')) = (${table.finishedAt} is not null)`,
    ),
  ],
);

/**
 * One person in a job. A worker claims items by setting `lease_owner` and `lease_expires_at`
 * (state `running`); a lease that expires (a crashed worker) makes the item claimable again.
 * `audit_event_id` is the item's one audit row: written before its first Workfront write and
 * reused by every later attempt, so the item ends with exactly one completed audit row.
 */
export const jobItems = pgTable(
  "job_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id),
    targetId: text("target_id").notNull(),
    targetName: text("target_name"),
    targetEmail: text("target_email"),
    /** Order within the job (0-based), as the operator listed the people. */
    position: integer("position").notNull(),
    state: text("state", { enum: ITEM_STATES }).notNull().default("pending"),
    /** Claims so far in this run (an auth pause gives its claim back). */
    attempts: integer("attempts").notNull().default(0),
    /** A pending item waits until then (backoff after a transient failure). */
    availableAt: at("available_at").notNull().defaultNow(),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: at("lease_expires_at"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    // No foreign key: audit_events stays a table nothing else can block (its TRUNCATE guard, say).
    auditEventId: bigint("audit_event_id", { mode: "number" }),
    // The person's impact check when the job was made; copied into the audit row as evidence.
    openWork: jsonb("open_work").$type<OpenWorkEvidence>(),
    finishedAt: at("finished_at"),
  },
  (table) => [
    uniqueIndex("job_items_job_target_key").on(table.jobId, table.targetId),
    index("job_items_job_position_idx").on(table.jobId, table.position),
    index("job_items_job_state_idx").on(table.jobId, table.state),
    // The claim scans only the items that may still be claimed.
    index("job_items_claimable_idx")
      .on(table.state, table.availableAt)
      .where(sql`${table.state} in ('pending', 'running')`),
    check("job_items_state_known", oneOf(table.state, ITEM_STATES)),
    check("job_items_target_id_format", sql`${table.targetId} ~ '^[0-9a-f]{32}$'`),
    check(
      "job_items_leased_when_running",
      sql`(${table.state} = 'running') = (${table.leaseOwner} is not null and ${table.leaseExpiresAt} is not null)`,
    ),
    check(
      "job_items_finished_when_final",
      sql`(${table.state} in ('pending', 'running')) = (${table.finishedAt} is null)`,
    ),
    check("job_items_failed_has_code", sql`${table.state} <> 'failed' or ${table.errorCode} is not null`),
  ],
);

/**
 * What happened to a job and who did it: created, paused, resumed, cancelled, retried, undone.
 * The audit log holds one row per person changed; this holds the job-level actions around them.
 */
export const jobEvents = pgTable(
  "job_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id),
    occurredAt: at("occurred_at").notNull().defaultNow(),
    action: text("action", { enum: JOB_EVENT_ACTIONS }).notNull(),
    /** Null for what the worker decided by itself (a pause, a resume, a completion). */
    actorAccountId: uuid("actor_account_id").references(() => accounts.id),
    actorEmail: text("actor_email"),
    actorRole: text("actor_role", { enum: ROLES }),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    requestId: text("request_id"),
    clientIp: text("client_ip"),
  },
  (table) => [
    index("job_events_job_idx").on(table.jobId, table.occurredAt),
    check("job_events_action_known", oneOf(table.action, JOB_EVENT_ACTIONS)),
    check("job_events_actor_role_known", sql`${table.actorRole} is null or ${oneOf(table.actorRole, ROLES)}`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
export type NewJobRow = typeof jobs.$inferInsert;
export type JobItemRow = typeof jobItems.$inferSelect;
export type NewJobItemRow = typeof jobItems.$inferInsert;
export type JobEventRow = typeof jobEvents.$inferSelect;
