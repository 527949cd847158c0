import "server-only";
import type { JWT } from "next-auth/jwt";
import { getServerSession } from "next-auth/next";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { type TokenPrincipal, checkToken } from "@/lib/api-tokens/authenticate";
import { bearerOf } from "@/lib/api-tokens/secret";
import { ApiError } from "@/lib/http/errors";
import type { Locale } from "@/lib/i18n/locales";
import { PAGE_PATH_HEADER, safeNextPath } from "./next-path";
import { findAccountById } from "./accounts";
import { authOptions } from "./options";
import { readSessionToken, sessionCookieName } from "./session-token";
import { type Permission, type Role, can } from "./roles";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** The language the person chose in the header; null: as their browser asks. */
  locale: Locale | null;
  /**
   * Set when the request came with an API token (`Authorization: Bearer`): the token, whose role
   * `role` is; `id`, `email` and `locale` are then its creator's, so that the audit log names both.
   */
  token?: { id: string; name: string };
}

/**
 * The signed-in account, read fresh from the database on every request, so that a changed role,
 * a disabled account or an ended session takes effect at once rather than when the session cookie
 * expires. Cached per server render, so a layout and its page share one lookup.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await sessionClaims();
  return session ? accountOf(session) : null;
});

type Claims = Pick<JWT, "accountId" | "signInMethod" | "sessionVersion">;

/** The account a session names, if it may still use the app. */
async function accountOf(session: Claims): Promise<SessionUser | null> {
  if (!session.accountId) return null;
  // Switching local accounts off ends password sessions at once, not when their cookies expire.
  // Sessions from before sign-in methods were recorded count as password sessions.
  if (!env().AUTH_LOCAL_ACCOUNTS && session.signInMethod !== "sso") return null;
  const account = await findAccountById(await getDb(), session.accountId);
  if (!account || account.disabled) return null;
  // Sign-out, a disabled account, a new password or role, and "sign out everywhere" raise the
  // account's version: every session signed in before has ended. A session from before versions
  // were recorded has none, and has ended too.
  if (session.sessionVersion !== account.sessionVersion) return null;
  return { id: account.id, email: account.email, name: account.name, role: account.role, locale: account.locale };
}

/** What the session cookie says: who signed in and how. Null without a valid session cookie. */
const sessionClaims = cache(async (): Promise<Claims | null> => {
  const config = env();
  // Without a configured secret (a dev server) next-auth makes one up from its options; only its
  // own session endpoint knows it. In production AUTH_SECRET is required (lib/env.ts).
  if (!config.AUTH_SECRET) return getServerSession(authOptions());
  const name = sessionCookieName(config.NEXTAUTH_URL, (await headers()).get("x-forwarded-proto"));
  return readSessionToken((await cookies()).getAll(), name, config.AUTH_SECRET);
});

/** The sign-in page, with the page asked for to come back to (same-site paths only; none for the landing page). */
async function signInUrl(): Promise<string> {
  const asked = (await headers()).get(PAGE_PATH_HEADER) ?? undefined;
  const next = safeNextPath(asked);
  return asked && next === asked && next !== "/" && next !== "/users" ? `/sign-in?callbackUrl=${encodeURIComponent(next)}` : "/sign-in";
}

/** For pages: the signed-in account, or a redirect to the sign-in page that comes back here. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(await signInUrl());
  return user;
}

/**
 * For route handlers: 401 without a session or a valid API token, 403 when the role lacks the
 * permission. A request with `Authorization: Bearer` is the token's alone: its cookies are not
 * read, so a token never borrows a session's rights (nor a session a token's).
 */
export async function requireApiUser(permission: Permission): Promise<SessionUser> {
  const bearer = bearerOf((await headers()).get("authorization"));
  if (bearer !== null) return permit(await tokenUser(bearer), permission);
  return permit(await getSessionUser(), permission);
}

/** The principal of a bearer token, or null (401) when it is unknown, expired or revoked; 429 past its rate limit. */
async function tokenUser(bearer: string): Promise<SessionUser | null> {
  const config = env();
  const check = await checkToken(await getDb(), bearer, { limit: config.API_TOKEN_RATE_LIMIT, windowMs: config.API_TOKEN_RATE_WINDOW_MS });
  if (check.kind === "invalid") throw new ApiError(401, "invalid_token", "The API token is unknown, expired or revoked.");
  if (check.kind === "rate_limited") {
    throw new ApiError(429, "rate_limited", "Too many requests with this API token. Try again later.", {
      headers: { "retry-after": String(check.retryAfterSeconds) },
    });
  }
  return userOfToken(check.principal);
}

export function userOfToken(principal: TokenPrincipal): SessionUser {
  const { creator } = principal;
  return {
    id: creator.id,
    email: creator.email,
    name: creator.name,
    role: principal.role,
    locale: creator.locale,
    token: { id: principal.tokenId, name: principal.tokenName },
  };
}

function permit(user: SessionUser | null, permission: Permission): SessionUser {
  if (!user) throw new ApiError(401, "unauthenticated", "Sign in first.");
  authorize(user, permission);
  return user;
}

export function authorize(user: SessionUser, permission: Permission): void {
  if (!can(user.role, permission)) {
    throw new ApiError(403, "forbidden", `The ${user.role} role may not do this.`);
  }
}
