import "server-only";
import type { Env } from "@/lib/env";
import { type CredentialKeyring, keyring } from "./crypto";

/**
 * The keyring for stored credentials, from the environment: WORKFRONT_CREDENTIAL_SECRET, or
 * AUTH_SECRET when it is unset (one secret fewer to manage; rotating AUTH_SECRET then needs its old
 * value in WORKFRONT_CREDENTIAL_SECRET_PREVIOUS). Null when neither is set: nothing may be stored.
 */
export function keyringFromEnv(
  config: Pick<Env, "WORKFRONT_CREDENTIAL_SECRET" | "WORKFRONT_CREDENTIAL_SECRET_PREVIOUS" | "AUTH_SECRET">,
): CredentialKeyring | null {
  const current = config.WORKFRONT_CREDENTIAL_SECRET ?? config.AUTH_SECRET;
  if (!current) return null;
  const previous = [config.WORKFRONT_CREDENTIAL_SECRET_PREVIOUS, config.AUTH_SECRET].filter(
    (secret): secret is string => !!secret && secret !== current,
  );
  return keyring(current, previous);
}

export const MISSING_SECRET_MESSAGE =
  "No secret to encrypt a stored Workfront credential with: set WORKFRONT_CREDENTIAL_SECRET (or AUTH_SECRET), at least 32 characters, and restart.";
