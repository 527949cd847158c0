import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { CONNECTION_METHODS, CONNECTION_STATES } from "../../connection/vocabulary";
import { accounts } from "./accounts";
import { oneOf } from "./checks";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * The Workfront connection made on the Settings page: at most one row (id 'current'). The secret
 * fields are one AES-256-GCM blob (lib/connection/crypto.ts); the other columns are what the page
 * shows, so showing the status never decrypts anything.
 */
export const workfrontConnection = pgTable(
  "workfront_connection",
  {
    id: text("id").primaryKey().default("current"),
    /** New on every connect: caches (clients, tenant facts) of an older connection are never reused. */
    connectionId: uuid("connection_id").notNull().defaultRandom(),
    /** Bumped whenever the sealed secret changes (an OAuth2 renewal): other instances reload it. */
    secretVersion: integer("secret_version").notNull().default(1),
    tenantUrl: text("tenant_url").notNull(),
    method: text("method", { enum: CONNECTION_METHODS }).notNull(),
    sealedSecret: text("sealed_secret").notNull(),
    /** The last four characters of the API key or OAuth2 client ID; all the browser ever sees. */
    hint: text("hint").notNull(),
    connectedByAccountId: uuid("connected_by_account_id").references(() => accounts.id, { onDelete: "set null" }),
    connectedByEmail: text("connected_by_email").notNull(),
    connectedAt: at("connected_at").notNull().defaultNow(),
    /** When the API key was made: exact when we generated it, else when it was first seen here. */
    keyCreatedAt: at("key_created_at"),
    keyCreatedExact: boolean("key_created_exact").notNull().default(false),
    workfrontUserId: text("workfront_user_id").notNull(),
    workfrontUserName: text("workfront_user_name"),
    workfrontUserEmail: text("workfront_user_email"),
    /** A System Administrator access level: may edit (deactivate) users. */
    mayEditUsers: boolean("may_edit_users"),
    state: text("state", { enum: CONNECTION_STATES }).notNull().default("ok"),
    reconnectReason: text("reconnect_reason"),
    reconnectAt: at("reconnect_at"),
    lastTestedAt: at("last_tested_at"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (table) => [
    check("workfront_connection_single_row", sql`${table.id} = 'current'`),
    check("workfront_connection_method_known", oneOf(table.method, CONNECTION_METHODS)),
    check("workfront_connection_state_known", oneOf(table.state, CONNECTION_STATES)),
    check(
      "workfront_connection_reconnect_has_reason",
      sql`(${table.state} = 'reconnect') = (${table.reconnectReason} is not null)`,
    ),
  ],
);

export type WorkfrontConnectionRow = typeof workfrontConnection.$inferSelect;
export type NewWorkfrontConnectionRow = typeof workfrontConnection.$inferInsert;
