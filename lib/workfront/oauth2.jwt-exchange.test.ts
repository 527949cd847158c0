import { verify } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WorkfrontError } from "./errors";
import { checkPrivateKey, exchangeJwt, refreshSession, signAssertion } from "./oauth2";
import { ecPkcs8Pem, fakeTokenFetch, json, rsaPkcs1Pem, rsaPublicKey, testApp } from "./test-oauth2-fakes";

const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;

function thrown(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    if (!(error instanceof WorkfrontError)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error("expected a WorkfrontError");
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("checkPrivateKey", () => {
  it("accepts an RSA key in PKCS#8 or PKCS#1 PEM", () => {
    expect(checkPrivateKey(testApp.privateKeyPem)).toBeUndefined();
    expect(checkPrivateKey(rsaPkcs1Pem)).toBeUndefined();
  });

  it("refuses text that is not a PEM private key", () => {
    expect(thrown(() => checkPrivateKey("not a key"))).toEqual({
      code: "validation",
      message: "The private key is not a PEM private key (-----BEGIN PRIVATE KEY----- …)",
    });
  });

  it("refuses a private key of another type, naming it", () => {
    expect(thrown(() => checkPrivateKey(ecPkcs8Pem))).toEqual({
      code: "validation",
      message: "The private key must be an RSA key (RS256), not ec",
    });
  });
});

describe("signAssertion", () => {
  it("is an RS256 JWT: iss = customer, sub = user, iat in whole seconds, exp = iat + lifetime, signed with the key", () => {
    const jwt = signAssertion(testApp, 1_700_000_000_999, 120);
    const [header, claims, signature] = jwt.split(".");
    expect(jwt.split(".")).toHaveLength(3);
    expect(decode(header!)).toEqual({ alg: "RS256", typ: "JWT" });
    expect(decode(claims!)).toEqual({ iss: "customer-42", sub: "user-7", iat: 1_700_000_000, exp: 1_700_000_120 });
    expect(verify("sha256", Buffer.from(`${header}.${claims}`), rsaPublicKey, Buffer.from(signature!, "base64url"))).toBe(true);
    expect(jwt).not.toMatch(/[+/=]/);
  });

  it("signs with a PKCS#1 key too", () => {
    const jwt = signAssertion({ ...testApp, privateKeyPem: rsaPkcs1Pem }, 5_000, 60);
    const [header, claims, signature] = jwt.split(".");
    expect(decode(claims!)).toEqual({ iss: "customer-42", sub: "user-7", iat: 5, exp: 65 });
    expect(verify("sha256", Buffer.from(`${header}.${claims}`), rsaPublicKey, Buffer.from(signature!, "base64url"))).toBe(true);
  });

  it("refuses a key that is not RSA", () => {
    expect(thrown(() => signAssertion({ ...testApp, privateKeyPem: ecPkcs8Pem }, 0, 60)).code).toBe("validation");
  });
});

describe("exchangeJwt: the request", () => {
  it("posts client_id, client_secret and a 5-minute JWT as a form to the tenant's jwt/exchange, refusing redirects", async () => {
    const timeout = vi.spyOn(AbortSignal, "timeout");
    const { fetch, sent } = fakeTokenFetch(json(200, { access_token: "session-1", expires_in: 3600 }));
    await exchangeJwt(testApp, { fetch, now: () => 1_700_000_000_000 });
    expect(sent).toHaveLength(1);
    const { form, ...request } = sent[0]!;
    expect(request).toEqual({
      url: "https://acme.my.workfront.com/integrations/oauth2/api/v1/jwt/exchange",
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: sent[0]!.body,
      redirect: "error",
      hasSignal: true,
    });
    expect(Object.keys(form)).toEqual(["client_id", "client_secret", "jwt_token"]);
    expect([form.client_id, form.client_secret]).toEqual(["client-id-0001", "client-secret-0001"]);
    expect(decode(form.jwt_token!.split(".")[1]!)).toEqual({
      iss: "customer-42",
      sub: "user-7",
      iat: 1_700_000_000,
      exp: 1_700_000_300,
    });
    expect(timeout.mock.calls).toEqual([[30_000]]);
  });

  it("honours the JWT lifetime and the timeout it is given", async () => {
    const timeout = vi.spyOn(AbortSignal, "timeout");
    const { fetch, sent } = fakeTokenFetch(json(200, { access_token: "session-1" }));
    await exchangeJwt(testApp, { fetch, now: () => 2_000_000, jwtLifetimeSeconds: 45, timeoutMs: 1_500 });
    expect(decode(sent[0]!.form.jwt_token!.split(".")[1]!)).toEqual({ iss: "customer-42", sub: "user-7", iat: 2_000, exp: 2_045 });
    expect(timeout.mock.calls).toEqual([[1_500]]);
  });

  it("takes a bare host as the tenant", async () => {
    const { fetch, sent } = fakeTokenFetch(json(200, { access_token: "session-1" }));
    await exchangeJwt({ ...testApp, url: "acme.my.workfront.adobe.com" }, { fetch });
    expect(sent[0]!.url).toBe("https://acme.my.workfront.adobe.com/integrations/oauth2/api/v1/jwt/exchange");
  });

  it("uses the global fetch and clock when none is given", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2026-12-07T10:00:00.000Z"));
    const { fetch, sent } = fakeTokenFetch(json(200, { access_token: "session-g", expires_in: 60 }));
    vi.stubGlobal("fetch", fetch);
    const session = await exchangeJwt(testApp);
    expect(sent).toHaveLength(1);
    expect(decode(sent[0]!.form.jwt_token!.split(".")[1]!)).toMatchObject({ iat: 1_796_637_600, exp: 1_796_637_900 });
    expect(session).toEqual({
      sessionID: "session-g",
      refreshToken: null,
      issuedAt: new Date("2026-12-07T10:00:00.000Z"),
      expiresAt: new Date("2026-12-07T10:01:00.000Z"),
    });
  });

  it("sends nothing when the key is unusable", async () => {
    const { fetch, sent } = fakeTokenFetch(json(200, { access_token: "session-1" }));
    await expect(async () => exchangeJwt({ ...testApp, privateKeyPem: "nope" }, { fetch })).rejects.toMatchObject({
      code: "validation",
    });
    expect(sent).toEqual([]);
  });
});

describe("refreshSession: the request", () => {
  it("posts grant_type=refresh_token, the token and the app's id and secret to the tenant's token endpoint", async () => {
    const { fetch, sent } = fakeTokenFetch(json(200, { access_token: "session-2" }));
    await refreshSession({ url: "http://127.0.0.1:4010/attask", clientId: "cid", clientSecret: "csecret" }, "refresh-1", { fetch });
    expect(sent.map(({ url, method, body, headers, redirect }) => ({ url, method, body, headers, redirect }))).toEqual([
      {
        url: "http://127.0.0.1:4010/integrations/oauth2/api/v1/token",
        method: "POST",
        body: "grant_type=refresh_token&refresh_token=refresh-1&client_id=cid&client_secret=csecret",
        headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
        redirect: "error",
      },
    ]);
  });
});
