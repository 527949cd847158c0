import { readFileSync } from "node:fs";
import type { OAuth2App } from "../../lib/workfront/oauth2";

/**
 * The smoke check's credential, from the environment only (never a command-line flag, which would
 * stay in the shell's history): an API key, or an OAuth2 server-to-server app whose JWT the check
 * exchanges for a session as the app does.
 */
export type SmokeCredential =
  | { kind: "apiKey"; apiKey: string; placement: "header" | "query" }
  | { kind: "oauth2"; app: Omit<OAuth2App, "url"> };

const OAUTH_VARIABLES = {
  clientId: "WORKFRONT_OAUTH_CLIENT_ID",
  clientSecret: "WORKFRONT_OAUTH_CLIENT_SECRET",
  customerId: "WORKFRONT_OAUTH_CUSTOMER_ID",
  userId: "WORKFRONT_OAUTH_USER_ID",
} as const;

export class CredentialSetupError extends Error {}

export type Environment = Record<string, string | undefined>;

const value = (env: Environment, name: string) => env[name]?.trim() || undefined;

function privateKey(env: Environment): string | undefined {
  const pem = value(env, "WORKFRONT_OAUTH_PRIVATE_KEY_PEM");
  const file = value(env, "WORKFRONT_OAUTH_PRIVATE_KEY_FILE");
  if (pem && file) {
    throw new CredentialSetupError(
      "Set WORKFRONT_OAUTH_PRIVATE_KEY_PEM or WORKFRONT_OAUTH_PRIVATE_KEY_FILE, not both.",
    );
  }
  if (!file) return pem?.replaceAll("\\n", "\n");
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new CredentialSetupError(`Cannot read WORKFRONT_OAUTH_PRIVATE_KEY_FILE (${file}).`);
  }
}

export function credentialFromEnv(env: Environment = process.env): SmokeCredential {
  const apiKey = value(env, "WORKFRONT_API_KEY");
  const oauthSet = Object.values(OAUTH_VARIABLES).filter((name) => value(env, name));
  if (apiKey && oauthSet.length) {
    throw new CredentialSetupError(
      "Set either WORKFRONT_API_KEY or the WORKFRONT_OAUTH_* variables, not both.",
    );
  }
  if (apiKey) {
    const placement = value(env, "WORKFRONT_API_KEY_PLACEMENT") ?? "header";
    if (placement !== "header" && placement !== "query") {
      throw new CredentialSetupError("WORKFRONT_API_KEY_PLACEMENT must be header or query.");
    }
    return { kind: "apiKey", apiKey, placement };
  }
  if (!oauthSet.length) {
    throw new CredentialSetupError(
      "No credential: set WORKFRONT_API_KEY, or WORKFRONT_OAUTH_CLIENT_ID, _CLIENT_SECRET, _PRIVATE_KEY_PEM (or _PRIVATE_KEY_FILE), _CUSTOMER_ID and _USER_ID.",
    );
  }
  const pem = privateKey(env);
  const missing: string[] = Object.values(OAUTH_VARIABLES).filter((name) => !value(env, name));
  if (!pem) missing.push("WORKFRONT_OAUTH_PRIVATE_KEY_PEM (or _FILE)");
  if (missing.length)
    throw new CredentialSetupError(`The OAuth2 app is incomplete: set ${missing.join(", ")}.`);
  return {
    kind: "oauth2",
    app: {
      clientId: value(env, OAUTH_VARIABLES.clientId)!,
      clientSecret: value(env, OAUTH_VARIABLES.clientSecret)!,
      customerId: value(env, OAUTH_VARIABLES.customerId)!,
      userId: value(env, OAUTH_VARIABLES.userId)!,
      privateKeyPem: pem!,
    },
  };
}

/** Everything that must never be printed: the key, or the app's secret, key and session. */
export function secretsOf(credential: SmokeCredential, sessionID?: string): string[] {
  if (credential.kind === "apiKey") return [credential.apiKey];
  const keyLines = credential.app.privateKeyPem
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length >= 16 && !line.startsWith("-----"));
  return [
    credential.app.clientSecret,
    credential.app.privateKeyPem,
    ...keyLines,
    ...(sessionID ? [sessionID] : []),
  ];
}
