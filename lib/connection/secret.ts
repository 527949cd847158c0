import "server-only";
import { z } from "zod";
import type { CredentialKeyring } from "./crypto";
import { open, seal } from "./crypto";

/**
 * What the sealed blob holds, per method. The OAuth2 blob carries the app's credentials (to sign a
 * new JWT when a refresh fails) and the current session, which changes on every renewal.
 */
export const apiKeySecretSchema = z.object({ kind: z.literal("apiKey"), apiKey: z.string().min(1) });

export const oauth2SecretSchema = z.object({
  kind: z.literal("oauth2"),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  privateKeyPem: z.string().min(1),
  customerId: z.string().min(1),
  userId: z.string().min(1),
  sessionId: z.string().min(1),
  refreshToken: z.string().min(1).nullable(),
  sessionIssuedAt: z.iso.datetime(),
  sessionExpiresAt: z.iso.datetime(),
});

export const storedSecretSchema = z.discriminatedUnion("kind", [apiKeySecretSchema, oauth2SecretSchema]);

export type ApiKeySecret = z.infer<typeof apiKeySecretSchema>;
export type OAuth2Secret = z.infer<typeof oauth2SecretSchema>;
export type StoredSecret = z.infer<typeof storedSecretSchema>;

/** Binds the blob to its purpose: a blob copied into another column or table will not open. */
const CONTEXT = "workfront_connection.sealed_secret";

export function sealSecret(secret: StoredSecret, ring: CredentialKeyring): string {
  return seal(JSON.stringify(storedSecretSchema.parse(secret)), ring, CONTEXT);
}

export function openSecret(sealed: string, ring: CredentialKeyring): { secret: StoredSecret; stale: boolean } {
  const { plaintext, stale } = open(sealed, ring, CONTEXT);
  return { secret: storedSecretSchema.parse(JSON.parse(plaintext)), stale };
}

/** The last four characters, all the browser ever sees of a key or client ID. */
export function lastFour(value: string): string {
  return value.slice(-4);
}
