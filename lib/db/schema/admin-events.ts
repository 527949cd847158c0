import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ADMIN_ACTIONS } from "../../admin/vocabulary";
import { ROLES } from "../../auth/roles";
import { accounts } from "./accounts";
import { oneOf } from "./checks";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * One row per change an admin makes to the app itself: an account invited, its role changed,
 * disabled or enabled, its sessions ended; a person added to or removed from the protected list.
 * Append-only, like the audit log (a trigger in the same migration refuses updates and deletes).
 */
export const adminEvents = pgTable(
  "admin_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: at("occurred_at").notNull().defaultNow(),
    actorAccountId: uuid("actor_account_id").references(() => accounts.id),
    actorEmail: text("actor_email").notNull(),
    actorRole: text("actor_role", { enum: ROLES }).notNull(),
    action: text("action", { enum: ADMIN_ACTIONS }).notNull(),
    /** An account's e-mail, or a Workfront person's ID. */
    subject: text("subject").notNull(),
    subjectName: text("subject_name"),
    reason: text("reason"),
    /** What changed, e.g. `{ "from": "viewer", "to": "operator" }`. */
    detail: jsonb("detail").$type<Record<string, string | boolean | null>>(),
    requestId: text("request_id").notNull(),
    clientIp: text("client_ip"),
  },
  (table) => [
    index("admin_events_occurred_at_idx").on(table.occurredAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
    check("admin_events_action_known", oneOf(table.action, ADMIN_ACTIONS)),
    check("admin_events_actor_role_known", oneOf(table.actorRole, ROLES)),
  ],
);

export type AdminEventRow = typeof adminEvents.$inferSelect;
