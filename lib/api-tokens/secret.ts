import { createHash, randomBytes } from "node:crypto";

/**
 * The token itself: `wfo_` and 43 characters of base64url (32 random bytes, 256 bits), so secret
 * scanners and people recognise it, and it cannot be guessed. Stored only as its SHA-256: a fast
 * hash is enough for a secret this random (no dictionary to try), and it lets the database find a
 * token by its hash with one index look-up.
 */
export const TOKEN_PREFIX = "wfo_";
export const TOKEN_PATTERN = /^wfo_[A-Za-z0-9_-]{43}$/;
/** What the list shows of a token: the prefix and four characters. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 4;

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function shownPrefix(token: string): string {
  return token.slice(0, SHOWN_CHARS);
}

/** The bearer token of an `Authorization` header, or null when there is none. */
export function bearerOf(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match ? match[1]! : null;
}
