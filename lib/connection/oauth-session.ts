import "server-only";
import { type OAuth2Options, type OAuth2Session, exchangeJwt, isWorkfrontError, refreshSession } from "@/lib/workfront";
import type { OAuth2Secret } from "./secret";

/**
 * When an OAuth2 session is renewed: a fifth of its lifetime before it ends, at most a minute
 * before (Workfront's default session lasts an hour), so calls never start on a dying session.
 */
export function needsRenewal(secret: OAuth2Secret, now: number = Date.now()): boolean {
  const issued = Date.parse(secret.sessionIssuedAt);
  const expires = Date.parse(secret.sessionExpiresAt);
  const margin = Math.min(60_000, Math.max(0, expires - issued) / 5);
  return now >= expires - margin;
}

export function withSession(secret: OAuth2Secret, session: OAuth2Session): OAuth2Secret {
  return {
    ...secret,
    sessionId: session.sessionID,
    // Workfront may not rotate refresh tokens: keep the old one when none comes back.
    refreshToken: session.refreshToken ?? secret.refreshToken,
    sessionIssuedAt: session.issuedAt.toISOString(),
    sessionExpiresAt: session.expiresAt.toISOString(),
  };
}

/**
 * A new session: the refresh token first (one request, no signing), and a fresh JWT exchange when
 * there is none or it was refused (spent by another instance's rotation, or expired). Throws the
 * exchange's WorkfrontError when both fail: `auth` means the app itself was refused.
 */
export async function renewSession(tenantUrl: string, secret: OAuth2Secret, options: OAuth2Options = {}): Promise<OAuth2Secret> {
  const app = { url: tenantUrl, ...secret };
  if (secret.refreshToken) {
    try {
      return withSession(secret, await refreshSession(app, secret.refreshToken, options));
    } catch (error) {
      if (!isWorkfrontError(error) || (error.code !== "auth" && error.code !== "validation")) throw error;
    }
  }
  return withSession(secret, await exchangeJwt(app, options));
}
