import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "../../auth/roles";
import { REASSIGN_ITEM_STATES, REASSIGNMENT_STATUSES } from "../../reassign/vocabulary";
import { accounts } from "./accounts";
import { apiTokens } from "./api-tokens";
import { oneOf } from "./checks";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * Handing a leaver's work to a successor: one row per request, one `reassignment_items` row per
 * object and field to change (an assignment's assignee, a project's owner …). Items are claimed
 * with leases like job items (lib/jobs/README.md), so a crash leaves them resumable, and each ends
 * with exactly one completed audit row (`audit_event_id`, written before its Workfront write).
 */
export const reassignments = pgTable(
  "reassignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    status: text("status", { enum: REASSIGNMENT_STATUSES }).notNull().default("running"),
    createdByAccountId: uuid("created_by_account_id").references(() => accounts.id),
    createdByEmail: text("created_by_email").notNull(),
    createdByRole: text("created_by_role", { enum: ROLES }).notNull(),
    /** The API token the reassignment came in with (its creator is createdByAccountId); null for a session. */
    createdByTokenId: uuid("created_by_token_id").references(() => apiTokens.id),
    reason: text("reason").notNull(),
    ticket: text("ticket"),
    requestId: text("request_id").notNull(),
    clientIp: text("client_ip"),
    createdAt: at("created_at").notNull().defaultNow(),
    finishedAt: at("finished_at"),
  },
  (table) => [
    check("reassignments_status_known", oneOf(table.status, REASSIGNMENT_STATUSES)),
    check("reassignments_created_by_role_known", oneOf(table.createdByRole, ROLES)),
    index("reassignments_status_idx").on(table.status),
  ],
);

export const reassignmentItems = pgTable(
  "reassignment_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reassignmentId: uuid("reassignment_id")
      .notNull()
      .references(() => reassignments.id),
    leaverId: text("leaver_id").notNull(),
    leaverName: text("leaver_name"),
    successorId: text("successor_id").notNull(),
    successorName: text("successor_name"),
    category: text("category").notNull(),
    objCode: text("obj_code").notNull(),
    objectId: text("object_id").notNull(),
    objectName: text("object_name"),
    field: text("field").notNull(),
    state: text("state", { enum: REASSIGN_ITEM_STATES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: at("lease_expires_at"),
    auditEventId: bigint("audit_event_id", { mode: "number" }),
    errorCode: text("error_code"),
    finishedAt: at("finished_at"),
  },
  (table) => [
    uniqueIndex("reassignment_items_object_key").on(
      table.reassignmentId,
      table.objCode,
      table.objectId,
      table.field,
    ),
    index("reassignment_items_claim_idx").on(table.reassignmentId, table.state),
    // A new deactivation job looks up work handed between its people (lib/reassign/successors-in-job.ts).
    index("reassignment_items_successor_idx").on(table.successorId, table.leaverId),
    check("reassignment_items_state_known", oneOf(table.state, REASSIGN_ITEM_STATES)),
    check(
      "reassignment_items_ids_format",
      sql`${table.leaverId} ~ '^[0-9a-f]{32}$' and ${table.successorId} ~ '^[0-9a-f]{32}$' and ${table.objectId} ~ '^[0-9a-f]{32}$'`,
    ),
    check(
      "reassignment_items_leased_when_running",
      sql`(${table.state} = 'running') = (${table.leaseOwner} is not null and ${table.leaseExpiresAt} is not null)`,
    ),
    check(
      "reassignment_items_finished_when_final",
      sql`(${table.state} in ('pending', 'running')) = (${table.finishedAt} is null)`,
    ),
  ],
);

export type ReassignmentRow = typeof reassignments.$inferSelect;
export type ReassignmentItemRow = typeof reassignmentItems.$inferSelect;
