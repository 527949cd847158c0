import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import type { Env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { type Claims, mergeClaims, needsUserinfo, ssoProfileFromClaims } from "./sso-profile";

/** The provider's ID: it names the callback path, /api/auth/callback/oidc, that IdPs must allow. */
export const SSO_PROVIDER_ID = "oidc";

/**
 * next-auth's OpenID Connect provider from the AUTH_OIDC_* settings, or null when single sign-on
 * is not configured. openid-client does the protocol: discovery, state, PKCE (S256) and nonce,
 * the ID token's signature, issuer, audience and expiry.
 */
export function ssoProvider(config: Env): OAuthConfig<Claims> | null {
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_CLIENT_SECRET: clientSecret } = config;
  if (!issuer || !clientId || !clientSecret) return null;
  const groupsClaim = config.AUTH_OIDC_GROUPS_CLAIM;
  return {
    id: SSO_PROVIDER_ID,
    name: config.AUTH_OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    authorization: { params: { scope: config.AUTH_OIDC_SCOPES } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    // openid-client's default of 3.5 s is short for a busy corporate IdP.
    httpOptions: { timeout: 10_000 },
    userinfo: {
      // The groups claim may be in the ID token or only at the userinfo endpoint, depending on the
      // IdP and how it is set up; ask userinfo only when the ID token lacks something.
      async request({ tokens, client }) {
        // next-auth types it as plain parameters; after `client.callback()` it is openid-client's TokenSet.
        const tokenSet = tokens as unknown as TokenSet;
        const idTokenClaims = tokenSet.claims() as Claims;
        if (!needsUserinfo(idTokenClaims, groupsClaim)) return idTokenClaims;
        try {
          // Given the token set, openid-client checks that userinfo's `sub` is the ID token's.
          return mergeClaims(idTokenClaims, (await client.userinfo(tokenSet)) as Claims);
        } catch (error) {
          logger.warn(
            { providerId: SSO_PROVIDER_ID, error: error instanceof Error ? error.message.slice(0, 300) : "unknown" },
            "userinfo request failed; using the ID token's claims alone",
          );
          return idTokenClaims;
        }
      },
    },
    profile(claims) {
      const profile = ssoProfileFromClaims(claims, groupsClaim);
      return { id: profile.subject, email: profile.email, name: profile.name };
    },
  };
}
