import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { TokenRole } from "@/lib/auth/token-roles";
import { type Database, accounts, apiTokens } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { hashToken } from "./secret";

/** Who a bearer token speaks for: the token (its role) and the account that created it. */
export interface TokenPrincipal {
  tokenId: string;
  tokenName: string;
  role: TokenRole;
  creator: { id: string; email: string; name: string | null; locale: Locale | null };
}

export interface RateLimit {
  /** Requests per window and token. */
  limit: number;
  windowMs: number;
}

export type TokenCheck =
  | { kind: "ok"; principal: TokenPrincipal }
  /** Unknown, expired or revoked, or its creator's account is disabled: all alike to the caller. */
  | { kind: "invalid" }
  | { kind: "rate_limited"; retryAfterSeconds: number };

const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Checks a bearer token and counts the request against its rate limit, in one statement: the row
 * is found by the token's hash, and only if it is neither revoked nor expired and its creator's
 * account is not disabled (an offboarded admin's tokens stop with them). Its last use is set and
 * its window's count goes up by one, or starts again at 1 once the window has run out. The count
 * lives in the database, so every app instance counts the same requests.
 */
export async function checkToken(db: Database, token: string, limit: RateLimit, now = new Date()): Promise<TokenCheck> {
  const windowOver = sql`(${apiTokens.rateWindowStartedAt} is null or ${apiTokens.rateWindowStartedAt} <= ${ts(new Date(now.getTime() - limit.windowMs))})`;
  const [row] = await db
    .update(apiTokens)
    .set({
      lastUsedAt: now,
      rateWindowStartedAt: sql`case when ${windowOver} then ${ts(now)} else ${apiTokens.rateWindowStartedAt} end`,
      rateWindowCount: sql`case when ${windowOver} then 1 else ${apiTokens.rateWindowCount} + 1 end`,
    })
    .from(accounts)
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, now),
        eq(accounts.id, apiTokens.createdByAccountId),
        eq(accounts.disabled, false),
      ),
    )
    .returning({
      tokenId: apiTokens.id,
      tokenName: apiTokens.name,
      role: apiTokens.role,
      windowStartedAt: apiTokens.rateWindowStartedAt,
      count: apiTokens.rateWindowCount,
      creatorId: accounts.id,
      creatorEmail: accounts.email,
      creatorName: accounts.name,
      creatorLocale: accounts.locale,
    });
  if (!row) return { kind: "invalid" };
  if (row.count > limit.limit) {
    const endsAt = (row.windowStartedAt ?? now).getTime() + limit.windowMs;
    return { kind: "rate_limited", retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
  }
  return {
    kind: "ok",
    principal: {
      tokenId: row.tokenId,
      tokenName: row.tokenName,
      role: row.role,
      creator: { id: row.creatorId, email: row.creatorEmail, name: row.creatorName, locale: row.creatorLocale },
    },
  };
}
