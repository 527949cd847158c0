import { describe, expect, it } from "vitest";
import { CredentialCryptoError, keyring, open, seal } from "./crypto";
import { keyringFromEnv } from "./keys";
import { openSecret, sealSecret } from "./secret";

const secretA = "a".repeat(32) + "-first-secret";
const secretB = "b".repeat(32) + "-second-secret";
const context = "test.context";

/** Flips one bit of one base64url part of the envelope, keeping it valid base64url. */
function flip(sealed: string, partIndex: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[partIndex]!, "base64url");
  bytes[0] = bytes[0]! ^ 0x01;
  parts[partIndex] = bytes.toString("base64url");
  return parts.join(".");
}

describe("credential encryption (AES-256-GCM, HKDF key)", () => {
  const ring = keyring(secretA);

  it("round-trips, with a fresh IV each time, and the blob does not contain the plaintext", () => {
    const plaintext = JSON.stringify({ apiKey: "0123456789abcdef0123456789abcdef" });
    const one = seal(plaintext, ring, context);
    const two = seal(plaintext, ring, context);
    expect(one).not.toBe(two);
    expect(one).toMatch(/^wfc1\.[0-9a-f]{12}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(one).not.toContain("0123456789abcdef");
    expect(Buffer.from(one.split(".")[3]!, "base64url").toString("latin1")).not.toContain("0123456789abcdef");
    expect(open(one, ring, context)).toEqual({ plaintext, stale: false });
    expect(open(two, ring, context).plaintext).toBe(plaintext);
  });

  it("detects tampering with the IV, the ciphertext, the tag, the key id or the version", () => {
    const sealed = seal("the secret", ring, context);
    for (const index of [2, 3, 4]) {
      expect(() => open(flip(sealed, index), ring, context)).toThrow(CredentialCryptoError);
      expect(() => open(flip(sealed, index), ring, context)).toThrow(/integrity check/);
    }
    const parts = sealed.split(".");
    const otherId = `${parts[1]!.slice(0, -1)}${parts[1]!.endsWith("0") ? "1" : "0"}`;
    expect(() => open([parts[0], otherId, ...parts.slice(2)].join("."), ring, context)).toThrow(/secret this server does not have/);
    expect(() => open(["wfc2", ...parts.slice(1)].join("."), ring, context)).toThrow(/format/);
    expect(() => open(sealed.slice(0, -2), ring, context)).toThrow(CredentialCryptoError);
    expect(() => open(`${sealed}.x`, ring, context)).toThrow(/format/);
    expect(() => open(parts.map((part, i) => (i === 2 ? "!!" : part)).join("."), ring, context)).toThrow(/base64url/);
  });

  it("binds the blob to its context and to its key", () => {
    const sealed = seal("the secret", ring, context);
    expect(() => open(sealed, ring, "another.column")).toThrow(/integrity check/);
    expect(() => open(sealed, keyring(secretB), context)).toThrow(/secret this server does not have/);
  });

  it("rotates: the previous secret still opens (stale), new blobs use the current one", () => {
    const old = seal("rotate me", keyring(secretA), context);
    const rotated = keyring(secretB, [secretA]);
    expect(open(old, rotated, context)).toEqual({ plaintext: "rotate me", stale: true });
    const resealed = seal("rotate me", rotated, context);
    expect(resealed.split(".")[1]).toBe(rotated.current.id);
    expect(open(resealed, keyring(secretB), context)).toEqual({ plaintext: "rotate me", stale: false });
    expect(() => open(old, keyring(secretB), context)).toThrow(/does not have/);
  });
});

describe("keyringFromEnv", () => {
  const none = { WORKFRONT_CREDENTIAL_SECRET: undefined, WORKFRONT_CREDENTIAL_SECRET_PREVIOUS: undefined, AUTH_SECRET: undefined };

  it("is null without any secret, falls back to AUTH_SECRET, and keeps AUTH_SECRET readable after moving off it", () => {
    expect(keyringFromEnv(none)).toBeNull();
    const fromAuth = keyringFromEnv({ ...none, AUTH_SECRET: secretA })!;
    expect(fromAuth.current.id).toBe(keyring(secretA).current.id);
    const sealed = seal("x", fromAuth, context);
    const dedicated = keyringFromEnv({ ...none, AUTH_SECRET: secretA, WORKFRONT_CREDENTIAL_SECRET: secretB })!;
    expect(dedicated.current.id).toBe(keyring(secretB).current.id);
    expect(open(sealed, dedicated, context).stale).toBe(true);
  });

  it("takes WORKFRONT_CREDENTIAL_SECRET_PREVIOUS during a rotation", () => {
    const before = keyringFromEnv({ ...none, WORKFRONT_CREDENTIAL_SECRET: secretA })!;
    const during = keyringFromEnv({ ...none, WORKFRONT_CREDENTIAL_SECRET: secretB, WORKFRONT_CREDENTIAL_SECRET_PREVIOUS: secretA })!;
    const sealed = sealSecret({ kind: "apiKey", apiKey: "k".repeat(32) }, before);
    expect(openSecret(sealed, during)).toEqual({ secret: { kind: "apiKey", apiKey: "k".repeat(32) }, stale: true });
  });
});
