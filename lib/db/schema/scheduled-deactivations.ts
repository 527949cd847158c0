import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ROLES } from "../../auth/roles";
import { SCHEDULE_POLICIES, SCHEDULE_STATES } from "../../schedule/vocabulary";
import { accounts } from "./accounts";
import { oneOf } from "./checks";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * A deactivation planned for a moment (issue 17): one row per person and plan. The runner
 * (lib/schedule/runner.ts) claims due rows with a lease, as the job engine claims items
 * (`FOR UPDATE SKIP LOCKED`), so with several app instances on one database each runs once.
 * Every change to a row is also an audit row (lib/schedule/events.ts).
 */
export const scheduledDeactivations = pgTable(
  "scheduled_deactivations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    targetId: text("target_id").notNull(),
    targetName: text("target_name"),
    targetEmail: text("target_email"),
    dueAt: at("due_at").notNull(),
    /** The organisation's zone (APP_TIME_ZONE) when it was scheduled: what "end of day" meant. */
    timeZone: text("time_zone").notNull(),
    policy: text("policy", { enum: SCHEDULE_POLICIES }).notNull().default("deactivate_anyway"),
    state: text("state", { enum: SCHEDULE_STATES }).notNull().default("scheduled"),
    // Copied, like the audit log: the runner acts with this person's role, and the row says who.
    createdByAccountId: uuid("created_by_account_id").references(() => accounts.id),
    createdByEmail: text("created_by_email").notNull(),
    createdByRole: text("created_by_role", { enum: ROLES }).notNull(),
    reason: text("reason").notNull(),
    ticket: text("ticket"),
    /** The import file it came from, if any. */
    sourceName: text("source_name"),
    /** Claims so far (a credential pause gives its claim back). */
    attempts: integer("attempts").notNull().default(0),
    /** After a transient failure the next try waits until then (backoff). */
    availableAt: at("available_at").notNull().defaultNow(),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: at("lease_expires_at"),
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
    /** Set once, by the first runner that found it 15 minutes late: the overdue event is recorded once. */
    overdueAt: at("overdue_at"),
    lastErrorCode: text("last_error_code"),
    lastErrorMessage: text("last_error_message"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (table) => [
    index("scheduled_deactivations_due_idx").on(table.dueAt, table.id),
    // The runner scans only rows that may still run.
    index("scheduled_deactivations_waiting_idx")
      .on(table.state, table.dueAt)
      .where(sql`${table.state} in ('scheduled', 'running', 'paused_auth')`),
    uniqueIndex("scheduled_deactivations_one_open_key")
      .on(table.targetId)
      .where(sql`${table.state} in ('scheduled', 'running', 'paused_auth', 'held')`),
    check("scheduled_deactivations_state_known", oneOf(table.state, SCHEDULE_STATES)),
    check("scheduled_deactivations_policy_known", oneOf(table.policy, SCHEDULE_POLICIES)),
    check("scheduled_deactivations_created_by_role_known", oneOf(table.createdByRole, ROLES)),
    check("scheduled_deactivations_target_id_format", sql`${table.targetId} ~ '^[0-9a-f]{32}$'`),
    check(
      "scheduled_deactivations_leased_when_running",
      sql`(${table.state} = 'running') = (${table.leaseOwner} is not null and ${table.leaseExpiresAt} is not null)`,
    ),
    check(
      "scheduled_deactivations_finished_when_final",
      sql`(${table.state} in ('done', 'failed', 'cancelled')) = (${table.finishedAt} is not null)`,
    ),
  ],
);

export type ScheduledDeactivationRow = typeof scheduledDeactivations.$inferSelect;
