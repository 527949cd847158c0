import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { joinChunks, readSessionToken, sessionCookieName } from "./session-token";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const NAME = "next-auth.session-token";

describe("readSessionToken", () => {
  it("reads the claims next-auth wrote", async () => {
    const token = await encode({ token: { accountId: "acc-1", signInMethod: "sso" }, secret: SECRET });
    const claims = await readSessionToken([{ name: NAME, value: token }], NAME, SECRET);
    expect(claims).toMatchObject({ accountId: "acc-1", signInMethod: "sso" });
  });

  it("refuses a token sealed with another secret, an expired one, garbage, and no cookie", async () => {
    const other = await encode({ token: { accountId: "acc-1" }, secret: `${SECRET}-other` });
    const expired = await encode({ token: { accountId: "acc-1" }, secret: SECRET, maxAge: -60 });
    expect(await readSessionToken([{ name: NAME, value: other }], NAME, SECRET)).toBeNull();
    expect(await readSessionToken([{ name: NAME, value: expired }], NAME, SECRET)).toBeNull();
    expect(await readSessionToken([{ name: NAME, value: "not-a-jwe" }], NAME, SECRET)).toBeNull();
    expect(await readSessionToken([], NAME, SECRET)).toBeNull();
  });

  it("ignores a valid token under another cookie name", async () => {
    const token = await encode({ token: { accountId: "acc-1" }, secret: SECRET });
    expect(await readSessionToken([{ name: NAME, value: token }], `__Secure-${NAME}`, SECRET)).toBeNull();
  });

  it("joins a token next-auth split into chunks, in numeric order", async () => {
    const token = await encode({ token: { accountId: "acc-2" }, secret: SECRET });
    const size = Math.ceil(token.length / 11);
    const chunks = Array.from({ length: 11 }, (_, i) => ({ name: `${NAME}.${i}`, value: token.slice(i * size, (i + 1) * size) }));
    // Out of order, and "10" sorts before "2" as a string.
    const shuffled = [...chunks].reverse();
    expect(joinChunks(shuffled, NAME)).toBe(token);
    expect(await readSessionToken(shuffled, NAME, SECRET)).toMatchObject({ accountId: "acc-2" });
    expect(joinChunks([{ name: `${NAME}.x`, value: "junk" }], NAME)).toBeNull();
  });
});

describe("sessionCookieName", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("follows NEXTAUTH_URL's scheme", () => {
    expect(sessionCookieName("https://offboard.example.com", null)).toBe(`__Secure-${NAME}`);
    expect(sessionCookieName("http://localhost:3000", "https")).toBe(NAME);
  });

  it("without NEXTAUTH_URL: plain, unless the host is trusted, then as forwarded", () => {
    vi.stubEnv("AUTH_TRUST_HOST", undefined);
    vi.stubEnv("VERCEL", undefined);
    expect(sessionCookieName(undefined, "https")).toBe(NAME);
    vi.stubEnv("AUTH_TRUST_HOST", "true");
    expect(sessionCookieName(undefined, "https")).toBe(`__Secure-${NAME}`);
    expect(sessionCookieName(undefined, null)).toBe(`__Secure-${NAME}`);
    expect(sessionCookieName(undefined, "http")).toBe(NAME);
  });
});

describe("readSessionToken, for a token it has read before", () => {
  afterEach(() => vi.useRealTimers());

  it("still refuses it once it has expired, and under another secret", async () => {
    const token = await encode({ token: { accountId: "acc-3" }, secret: SECRET, maxAge: 60 });
    const cookies = [{ name: NAME, value: token }];
    expect(await readSessionToken(cookies, NAME, SECRET)).toMatchObject({ accountId: "acc-3" });
    expect(await readSessionToken(cookies, NAME, `${SECRET}-rotated`)).toBeNull();
    expect(await readSessionToken(cookies, NAME, SECRET)).toMatchObject({ accountId: "acc-3" });
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ["Date"] });
    expect(await readSessionToken(cookies, NAME, SECRET)).toBeNull();
  });
});
