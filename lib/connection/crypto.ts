import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encryption at rest of the stored Workfront credential: AES-256-GCM with a key derived (HKDF-SHA256)
 * from a server secret. The sealed value is one string,
 *
 *   wfc1.<key id>.<iv>.<ciphertext>.<tag>        (base64url parts)
 *
 * The key id names which secret sealed it (also derived with HKDF, so it reveals nothing about the
 * key), so that after a rotation the reader knows whether to use the current or the previous secret.
 * The version and key id are authenticated as associated data, together with a context string that
 * says what the blob is for: changing any byte of any part, or moving the blob elsewhere, fails.
 */
const VERSION = "wfc1";
const SALT = Buffer.from("wf-offboard/workfront-credential");
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface CredentialKey {
  id: string;
  key: Buffer;
}

export interface CredentialKeyring {
  /** Seals every new value and re-seals values opened with an older key. */
  current: CredentialKey;
  /** WORKFRONT_CREDENTIAL_SECRET_PREVIOUS during a rotation: opens, never seals. */
  previous: CredentialKey[];
}

export class CredentialCryptoError extends Error {
  override name = "CredentialCryptoError";
  constructor(
    readonly code: "malformed" | "unknown_key" | "tampered",
    message: string,
  ) {
    super(message);
  }
}

export function deriveKey(secret: string): CredentialKey {
  const key = Buffer.from(hkdfSync("sha256", secret, SALT, "aes-256-gcm key", 32));
  const id = Buffer.from(hkdfSync("sha256", secret, SALT, "key id", 6)).toString("hex");
  return { id, key };
}

export function keyring(current: string, previous: readonly string[] = []): CredentialKeyring {
  const currentKey = deriveKey(current);
  return {
    current: currentKey,
    previous: previous.map(deriveKey).filter((key) => key.id !== currentKey.id),
  };
}

const b64 = (buffer: Buffer) => buffer.toString("base64url");
const aad = (keyId: string, context: string) => Buffer.from(`${VERSION}.${keyId}.${context}`);

/** Seals UTF-8 text under the current key, with a fresh random IV each time. */
export function seal(plaintext: string, ring: CredentialKeyring, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(ring.current.id, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, ring.current.id, b64(iv), b64(ciphertext), b64(cipher.getAuthTag())].join(".");
}

function part(value: string, what: string, bytes?: number): Buffer {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) throw new CredentialCryptoError("malformed", `The stored credential's ${what} is not base64url`);
  const buffer = Buffer.from(value, "base64url");
  if (bytes !== undefined && buffer.length !== bytes) {
    throw new CredentialCryptoError("malformed", `The stored credential's ${what} has the wrong length`);
  }
  return buffer;
}

export interface Opened {
  plaintext: string;
  /** True when an older secret opened it: the caller should store `seal(plaintext)` again. */
  stale: boolean;
}

/** Opens a sealed value; throws CredentialCryptoError when it is malformed, foreign or altered. */
export function open(sealed: string, ring: CredentialKeyring, context: string): Opened {
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw new CredentialCryptoError("malformed", "The stored credential is not in a format this version can read");
  }
  const [, keyId = "", ivText = "", cipherText = "", tagText = ""] = parts;
  const key = [ring.current, ...ring.previous].find((candidate) => candidate.id === keyId);
  if (!key) {
    throw new CredentialCryptoError(
      "unknown_key",
      "The stored credential was encrypted with a secret this server does not have (WORKFRONT_CREDENTIAL_SECRET changed without WORKFRONT_CREDENTIAL_SECRET_PREVIOUS?)",
    );
  }
  const iv = part(ivText, "IV", IV_BYTES);
  const ciphertext = part(cipherText, "ciphertext");
  const tag = part(tagText, "tag", TAG_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(keyId, context));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
    return { plaintext, stale: key !== ring.current };
  } catch {
    throw new CredentialCryptoError("tampered", "The stored credential failed its integrity check: it was altered or belongs elsewhere");
  }
}
