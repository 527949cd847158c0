import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { TOKEN_ROLES } from "../../auth/token-roles";
import { accounts } from "./accounts";
import { oneOf } from "./checks";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * API tokens for scripts and HR feeds (`Authorization: Bearer wfo_…`). Only the SHA-256 of the
 * token is kept: the token itself is shown once, when it is created. A token's role is viewer or
 * operator, never admin (a check says so), so no token can change settings, accounts or tokens.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    role: text("role", { enum: TOKEN_ROLES }).notNull(),
    /** Hex SHA-256 of the whole token, prefix included. */
    tokenHash: text("token_hash").notNull(),
    /** The token's first characters (`wfo_ab12`), so a person can tell tokens apart; not enough to guess it. */
    prefix: text("prefix").notNull(),
    // No ON DELETE action: accounts are disabled, never deleted.
    createdByAccountId: uuid("created_by_account_id")
      .notNull()
      .references(() => accounts.id),
    createdByEmail: text("created_by_email").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
    /** The per-token rate limit's current window: when it began and how many requests it has had. */
    rateWindowStartedAt: at("rate_window_started_at"),
    rateWindowCount: integer("rate_window_count").notNull().default(0),
  },
  (table) => [
    uniqueIndex("api_tokens_token_hash_key").on(table.tokenHash),
    index("api_tokens_created_at_idx").on(table.createdAt.desc().nullsFirst()),
    check("api_tokens_role_known", oneOf(table.role, TOKEN_ROLES)),
    check("api_tokens_hash_format", sql`${table.tokenHash} ~ '^[0-9a-f]{64}$'`),
    check("api_tokens_expiry_after_creation", sql`${table.expiresAt} > ${table.createdAt}`),
  ],
);

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/**
 * One row per Idempotency-Key of the leavers feed (POST /api/leavers), per caller: the request's
 * hash and, once done, the answer it got. The same key again gets the same answer; nothing new is
 * created. `scope` is `token:<id>` or `account:<id>`, so two callers' keys never meet.
 */
export const leaverRequests = pgTable(
  "leaver_requests",
  {
    scope: text("scope").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    requestHash: text("request_hash").notNull(),
    /** Null while the first request with this key is still being answered. */
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body").$type<unknown>(),
    jobId: uuid("job_id"),
    createdAt: at("created_at").notNull().defaultNow(),
    completedAt: at("completed_at"),
  },
  (table) => [
    primaryKey({ columns: [table.scope, table.idempotencyKey] }),
    check("leaver_requests_done_has_answer", sql`(${table.completedAt} is null) = (${table.responseStatus} is null)`),
  ],
);

export type LeaverRequestRow = typeof leaverRequests.$inferSelect;
