import { createPublicKey, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { JwtError, signJwt, verifyJwt } from "./jwt";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("RS256 JWTs", () => {
  it("round-trips claims through sign and verify", () => {
    const token = signJwt({ iss: "cust", sub: "user", exp: 123 }, privateKey);
    expect(token.split(".")).toHaveLength(3);
    expect(JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString())).toEqual({
      alg: "RS256",
      typ: "JWT",
    });
    expect(verifyJwt(token, publicKey)).toEqual({ iss: "cust", sub: "user", exp: 123 });
    // A PEM private key works as well as a KeyObject.
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(
      verifyJwt(signJwt({ a: 1 }, pem), createPublicKey(publicKey.export({ type: "spki", format: "pem" }))),
    ).toEqual({ a: 1 });
  });

  it("accepts a token signed independently with crypto.sign", () => {
    const input = `${b64({ alg: "RS256" })}.${b64({ sub: "x" })}`;
    const token = `${input}.${sign("RSA-SHA256", Buffer.from(input), privateKey).toString("base64url")}`;
    expect(verifyJwt(token, publicKey)).toEqual({ sub: "x" });
  });

  it("refuses another key, a changed payload, other algorithms and malformed tokens", () => {
    const token = signJwt({ sub: "a" }, privateKey);
    const [header, , signature] = token.split(".");
    const cases: [string, RegExp][] = [
      [signJwt({ sub: "a" }, other.privateKey), /does not match/],
      [`${header}.${b64({ sub: "b" })}.${signature}`, /does not match/],
      [`${b64({ alg: "none" })}.${b64({ sub: "a" })}.`, /RS256, not none/],
      [`${b64({ alg: "HS256" })}.${b64({ sub: "a" })}.${signature}`, /RS256, not HS256/],
      [`${header}.${b64({ sub: "a" })}.`, /signature is missing/],
      ["abc", /three/],
      [`${header}.%%%.${signature}`, /not base64url/],
      [`${header}.${Buffer.from("nope").toString("base64url")}.${signature}`, /not JSON/],
      [`${header}.${b64([1])}.${signature}`, /not a JSON object/],
    ];
    for (const [bad, message] of cases) {
      expect(() => verifyJwt(bad, publicKey), bad).toThrow(JwtError);
      expect(() => verifyJwt(bad, publicKey), bad).toThrow(message);
    }
  });
});
