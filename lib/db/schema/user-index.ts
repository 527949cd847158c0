import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * A local copy of the tenant's users (lib/user-index): what the users list, its search, filters,
 * counts and exports read, so that they neither wait for Workfront nor depend on what its search
 * can do. Never trusted for a decision: every action reads the person from Workfront first.
 * Keyed by the tenant (its origin), so a connection to another tenant never shows this one's people.
 */
export const indexedUsers = pgTable(
  "indexed_users",
  {
    tenant: text("tenant").notNull(),
    id: text("id").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    username: text("username"),
    title: text("title"),
    isActive: boolean("is_active").notNull(),
    licenseType: text("license_type"),
    accessLevelId: text("access_level_id"),
    accessLevelName: text("access_level_name"),
    isAdmin: boolean("is_admin").notNull(),
    homeGroupId: text("home_group_id"),
    homeGroupName: text("home_group_name"),
    companyId: text("company_id"),
    companyName: text("company_name"),
    managerId: text("manager_id"),
    createdAt: at("created_at"),
    updatedAt: at("updated_at"),
    lastLoginAt: at("last_login_at"),
    scheduledDeactivationAt: at("scheduled_deactivation_at"),
    deactivatedAt: at("deactivated_at"),
    /** The name folded for sorting: lower case, accents removed ("Álvarez" sorts with "alvarez"). */
    sortName: text("sort_name").notNull(),
    /** Name, e-mail and username folded the same way: what a search matches, in any word order. */
    searchText: text("search_text").notNull(),
    /** The index run that last saw this user in a full read; older rows were deleted in Workfront. */
    seenIn: integer("seen_in").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenant, table.id] }),
    // One index per sort the list offers, in its order (nulls first, then ID; read backwards for a
    // descending sort), so a page is read from the index's start and no sort of 100,000 rows is
    // needed. The status, licence and search text come last: the status tabs, the licence filter
    // and a search test them in the index itself, so a page of them is an index-only scan that
    // reads no table row it does not return (query.ts pageOf). Without them, walking the name
    // order for a frequent word ("anna") read thousands of rows, one random table page each.
    ...(
      [
        ["name", table.sortName],
        ["email", table.email],
        ["last_login", table.lastLoginAt],
        ["deactivated", table.deactivatedAt],
        ["created", table.createdAt],
      ] as const
    ).map(([name, column]) =>
      index(`indexed_users_by_${name}`).on(table.tenant, column.asc().nullsFirst(), table.id.asc(), table.isActive, table.licenseType, table.searchText),
    ),
    // The few filters that pick out few people (a manager's reports); broad ones (licence, access
    // level, last login) walk a sort index instead.
    index("indexed_users_by_manager").on(table.tenant, table.managerId),
    // Search words of three letters or more: LIKE '%word%' through trigrams (pg_trgm).
    index("indexed_users_search_trgm").using("gin", table.searchText.op("gin_trgm_ops")),
  ],
);

/** Per tenant: how fresh the index is, and who may refresh it now (a lease, as for job items). */
export const userIndexState = pgTable("user_index_state", {
  tenant: text("tenant").primaryKey(),
  /** Counts full reads; rows carry the number of the one that last saw them. */
  run: integer("run").notNull().default(0),
  builtAt: at("built_at"),
  refreshedAt: at("refreshed_at"),
  /** The newest lastUpdateDate or lastLoginDate seen: the next refresh asks for what changed since. */
  watermark: at("watermark"),
  /** Bumped on every write to the tenant's rows: cached counts of an older version are stale. */
  version: integer("version").notNull().default(0),
  leaseOwner: text("lease_owner"),
  leaseExpiresAt: at("lease_expires_at"),
  lastError: text("last_error"),
});
