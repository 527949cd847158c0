import type { Env } from "@/lib/env";

/** What the sign-in page offers; derived on the server so no setting reaches the browser but these. */
export interface SignInOptions {
  /** The button label (AUTH_OIDC_NAME) when single sign-on is configured. */
  sso: { name: string } | null;
  localAccounts: boolean;
}

export function signInOptions(config: Env): SignInOptions {
  return {
    sso: config.AUTH_OIDC_ISSUER ? { name: config.AUTH_OIDC_NAME } : null,
    localAccounts: config.AUTH_LOCAL_ACCOUNTS,
  };
}

/** The error codes next-auth puts in ?error= (and ours, Throttled) that have a message. */
export const SIGN_IN_ERRORS = [
  "CredentialsSignin",
  "Throttled",
  "OAuthSignin",
  "OAuthCallback",
  "Callback",
  "AccessDenied",
  "Configuration",
  "SessionRequired",
  "Default",
] as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[number];

/**
 * The message to show for ?error=, or null without one. Anything unknown, including the free text
 * next-auth passes on from a thrown error, reads as the general failure: the page never echoes
 * what is in its URL.
 */
export function signInError(code: string | undefined): SignInError | null {
  if (!code) return null;
  return (SIGN_IN_ERRORS as readonly string[]).includes(code) ? (code as SignInError) : "Default";
}

export { safeNextPath } from "@/lib/auth/next-path";
