import { type KeyObject, createPrivateKey, sign, verify } from "node:crypto";

/**
 * RS256 JSON Web Tokens with node:crypto only (oauth-app-jwt-flow.md: Workfront's server-to-server
 * flow signs the JWT with the private key whose public half is registered on the OAuth2 app).
 */
export interface JwtClaims {
  [claim: string]: unknown;
  exp?: number;
  iss?: string;
  sub?: string;
}

const base64url = (value: Buffer | string): string => Buffer.from(value).toString("base64url");

/** Signs claims with an RSA private key (PEM or KeyObject); the header is {"alg":"RS256","typ":"JWT"}. */
export function signJwt(claims: JwtClaims, privateKey: KeyObject | string): string {
  const key = typeof privateKey === "string" ? createPrivateKey(privateKey) : privateKey;
  const signingInput = `${base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(sign("sha256", Buffer.from(signingInput), key))}`;
}

export class JwtError extends Error {
  override readonly name = "JwtError";
}

const B64URL = /^[A-Za-z0-9_-]*$/;

function decodeJson(part: string, what: string): Record<string, unknown> {
  if (!B64URL.test(part)) throw new JwtError(`The JWT ${what} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    throw new JwtError(`The JWT ${what} is not JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new JwtError(`The JWT ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/**
 * Checks the form, the algorithm (RS256 only: "none" and HMAC are refused) and the signature
 * against `publicKey`, then returns the claims. Time and identity claims are the caller's to check.
 */
export function verifyJwt(token: string, publicKey: KeyObject): JwtClaims {
  const parts = token.split(".");
  if (parts.length !== 3) throw new JwtError("The JWT must have three dot-separated parts");
  const [headerPart = "", claimsPart = "", signaturePart = ""] = parts;
  const header = decodeJson(headerPart, "header");
  if (header.alg !== "RS256")
    throw new JwtError(`The JWT must be signed with RS256, not ${String(header.alg)}`);
  const claims = decodeJson(claimsPart, "payload");
  if (!B64URL.test(signaturePart) || signaturePart === "") throw new JwtError("The JWT signature is missing");
  const valid = verify(
    "sha256",
    Buffer.from(`${headerPart}.${claimsPart}`),
    publicKey,
    Buffer.from(signaturePart, "base64url"),
  );
  if (!valid) throw new JwtError("The JWT signature does not match the app's public key");
  return claims as JwtClaims;
}
