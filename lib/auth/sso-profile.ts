import { z } from "zod";

/** What the app takes from an IdP's claims; never a token. */
export interface SsoProfile {
  /** The IdP's stable ID for the person (`sub`). */
  subject: string;
  /** Lower-cased, or null when absent or not an e-mail address. */
  email: string | null;
  /** Null when the IdP does not say (Entra ID, for one, sends no `email_verified`). */
  emailVerified: boolean | null;
  name: string | null;
  /** Null when the groups claim is absent, as distinct from present and empty. */
  groups: string[] | null;
}

export type Claims = Record<string, unknown>;

const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

/**
 * A claim by name. A name that is not itself a claim may be a dotted path into an object
 * (Keycloak's `realm_access.roles`); the whole name is tried first because claim names may hold
 * dots themselves (Auth0's `https://example.com/groups`).
 */
export function claimAt(claims: Claims, name: string): unknown {
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split(".")) {
    if (typeof value !== "object" || value === null || !(part in value)) return undefined;
    value = (value as Claims)[part];
  }
  return value;
}

/** A list of group names from a claim's value; some IdPs send one group as a bare string. */
export function groupsFrom(value: unknown): string[] | null {
  if (typeof value === "string") return value.trim() ? [value.trim()] : [];
  if (!Array.isArray(value)) return null;
  return value.filter((entry): entry is string => typeof entry === "string").map((entry) => entry.trim()).filter(Boolean);
}

/** `email_verified` as a boolean; Cognito and some others send it as a string. */
function verifiedFrom(value: unknown): boolean | null {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  return null;
}

export function ssoProfileFromClaims(claims: Claims, groupsClaim: string): SsoProfile {
  const email = emailSchema.safeParse(claims.email);
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 200) : null;
  return {
    subject: String(claims.sub ?? ""),
    email: email.success ? email.data : null,
    emailVerified: verifiedFrom(claims.email_verified),
    name,
    groups: groupsFrom(claimAt(claims, groupsClaim)),
  };
}

/** Whether the ID token lacks what a sign-in needs, so that the userinfo endpoint should be asked. */
export function needsUserinfo(idTokenClaims: Claims, groupsClaim: string): boolean {
  return idTokenClaims.email === undefined || claimAt(idTokenClaims, groupsClaim) === undefined;
}

/**
 * The ID token's claims, completed from userinfo. The ID token wins where both have a claim: it
 * is the signed statement whose nonce and audience were checked for this sign-in.
 */
export function mergeClaims(idTokenClaims: Claims, userinfo: Claims): Claims {
  return { ...userinfo, ...idTokenClaims };
}
