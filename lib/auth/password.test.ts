import { describe, expect, it } from "vitest";
import { dummyVerify, generatePassword, hashPassword, needsRehash, verifyPassword } from "./password";

describe("password hashing", () => {
  it("encodes scrypt with its parameters, a 16-byte salt and a 64-byte key", async () => {
    const encoded = await hashPassword("correct horse battery staple");
    const [scheme, N, r, p, salt, key] = encoded.split("$");
    expect([scheme, N, r, p]).toEqual(["scrypt", "32768", "8", "1"]);
    expect(Buffer.from(salt!, "base64url")).toHaveLength(16);
    expect(Buffer.from(key!, "base64url")).toHaveLength(64);
    expect(needsRehash(encoded)).toBe(false);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const encoded = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", encoded)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", encoded)).toBe(false);
    expect(await verifyPassword("", encoded)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password here")).not.toBe(await hashPassword("same password here"));
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const encoded = await hashPassword("caf\u00e9-au-lait-2024");
    expect(await verifyPassword("cafe\u0301-au-lait-2024", encoded)).toBe(true);
  });

  it("never matches, and never throws on, a malformed or hostile stored hash", async () => {
    const good = await hashPassword("whatever you like");
    const salt = good.split("$")[4];
    for (const bad of [
      "",
      "plain",
      "bcrypt$x",
      `scrypt$3$8$1$${salt}$AAAA`,
      `scrypt$${2 ** 30}$8$1$${salt}$${"A".repeat(86)}`,
    ]) {
      expect(await verifyPassword("whatever you like", bad)).toBe(false);
      expect(needsRehash(bad)).toBe(true);
    }
  });

  it("flags hashes made with a weaker cost for rehashing", () => {
    expect(needsRehash(`scrypt$16384$8$1$${"A".repeat(22)}$${"A".repeat(86)}`)).toBe(true);
  });

  it("has a dummy verify that always refuses", async () => {
    expect(await dummyVerify("anything")).toBe(false);
  });

  it("generates 24-character URL-safe passwords", () => {
    const password = generatePassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(password);
  });
});
