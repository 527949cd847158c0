import { type KeyObject, generateKeyPairSync, sign } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunningEmulator, StatsSnapshot } from "../index";
import { V21, call, control, form, ordinaryUsers, startTestEmulator } from "./http-helpers";

/**
 * Workfront-hosted OAuth2 (workfront-api.md §2.4) over real HTTP: an RSA key pair from
 * node:crypto, JWTs signed here with crypto.sign (not with the emulator's own helper).
 */
let emulator: RunningEmulator;
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicKeyPem = keys.publicKey.export({ type: "spki", format: "pem" }).toString();

interface App {
  clientId: string;
  clientSecret: string;
  customerId: string;
  userId: string;
}

const EXCHANGE = "/integrations/oauth2/api/v1/jwt/exchange";
const TOKEN = "/integrations/oauth2/api/v1/token";
const NOT_LOGGED_IN = "You are not currently logged in";

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
function jwt(claims: Record<string, unknown>, key: KeyObject = keys.privateKey, alg = "RS256"): string {
  const input = `${b64({ alg, typ: "JWT" })}.${b64(claims)}`;
  return `${input}.${sign("sha256", Buffer.from(input), key).toString("base64url")}`;
}
const inFive = (): number => Math.floor(Date.now() / 1000) + 300;
const claimsFor = (app: App, extra: Record<string, unknown> = {}) => ({
  iss: app.customerId,
  sub: app.userId,
  exp: inFive(),
  ...extra,
});

const registerApp = (body: Record<string, unknown> = {}) =>
  control<App>(emulator, "POST", "oauth-apps", { publicKeyPem, ...body });

const exchange = (app: App, token: string = jwt(claimsFor(app)), secret = app.clientSecret) =>
  call(emulator, EXCHANGE, {
    method: "POST",
    key: null,
    ...form({ client_id: app.clientId, client_secret: secret, jwt_token: token }),
  });

const refreshWithForm = (app: App, refreshToken: string) =>
  call(emulator, TOKEN, {
    method: "POST",
    key: null,
    ...form({
      grant_type: "refresh_token",
      refresh_token: refreshToken,
      client_id: app.clientId,
      client_secret: app.clientSecret,
    }),
  });

const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const refreshWithJson = (app: App, refreshToken: string, secret = app.clientSecret) =>
  call(emulator, TOKEN, {
    method: "POST",
    key: null,
    headers: { "content-type": "application/json", authorization: basic(app.clientId, secret) },
    body: JSON.stringify({ grant_type: "refresh_token", refresh_token: refreshToken }),
  });

/** The caller of a sessionID, asked of the API itself. */
const whoAmI = (sessionID: string) =>
  call(emulator, `${V21}/user/$$USER?fields=username`, { key: null, headers: { sessionID } });

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 7 });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  // Most tests here exercise the refresh grant, so they turn on the refresh tokens of the exchange;
  // "without jwtRefreshTokens" below turns them off again (the default).
  await control(emulator, "PATCH", "config", { jwtRefreshTokens: true });
  await control(emulator, "POST", "reset");
  for (const app of await control<App[]>(emulator, "GET", "oauth-apps"))
    await fetch(`${emulator.url}/__emulator/oauth-apps/${app.clientId}`, { method: "DELETE" });
});

describe("registering OAuth2 apps (control API)", () => {
  it("registers a JWT app for the integration user by default, or for a named user", async () => {
    const app = await registerApp();
    expect(app).toEqual({
      clientId: expect.stringMatching(/^[0-9a-f]{32}$/),
      clientSecret: expect.any(String),
      customerId: emulator.customerID,
      userId: emulator.integrationUser.ID,
    });
    const other = await registerApp({ userId: emulator.adminUserID });
    expect(other.userId).toBe(emulator.adminUserID);
    expect(other.clientId).not.toBe(app.clientId);
    expect(await control(emulator, "GET", "oauth-apps")).toEqual([app, other]);
  });

  it("refuses an unknown user, a key that is not a PEM public key or not RSA, and an 11th app", async () => {
    const post = (body: unknown) =>
      fetch(`${emulator.url}/__emulator/oauth-apps`, { method: "POST", body: JSON.stringify(body) });
    expect((await post({ publicKeyPem, userId: "f".repeat(32) })).status).toBe(404);
    expect((await post({ publicKeyPem: "not a key" })).status).toBe(400);
    expect((await post({})).status).toBe(400);
    const ed = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    const notRsa = await post({ publicKeyPem: ed });
    expect(notRsa.status).toBe(400);
    expect(await notRsa.text()).toContain("RSA");
    for (let i = 0; i < 10; i++) await registerApp();
    const eleventh = await post({ publicKeyPem });
    expect(eleventh.status).toBe(400);
    expect(await eleventh.text()).toContain("at most 10");
  });

  it("deletes an app, which ends its tokens; an unknown app is 404", async () => {
    const app = await registerApp();
    const tokens = (await exchange(app)).body;
    const gone = await fetch(`${emulator.url}/__emulator/oauth-apps/${app.clientId}`, { method: "DELETE" });
    expect(await gone.json()).toEqual({ clientId: app.clientId, deleted: true });
    expect((await whoAmI(tokens.access_token)).status).toBe(401);
    expect((await refreshWithForm(app, tokens.refresh_token)).status).toBe(401);
    expect((await exchange(app)).body.type).toBe("invalid_client");
    const again = await fetch(`${emulator.url}/__emulator/oauth-apps/${app.clientId}`, { method: "DELETE" });
    expect(again.status).toBe(404);
  });
});

describe("POST /integrations/oauth2/api/v1/jwt/exchange", () => {
  it("without jwtRefreshTokens (the default) answers no refresh_token; a new JWT gets a new session", async () => {
    const strict = await startTestEmulator({ seed: 7, users: 20 });
    try {
      const app = await control<App>(strict, "POST", "oauth-apps", { publicKeyPem });
      const post = () =>
        call(strict, EXCHANGE, {
          method: "POST",
          key: null,
          ...form({
            client_id: app.clientId,
            client_secret: app.clientSecret,
            jwt_token: jwt(claimsFor(app)),
          }),
        });
      const first = await post();
      expect(first.body).toEqual({
        token_type: "sessionID",
        access_token: expect.stringMatching(/^[0-9a-f]{32}$/),
        expires_in: 3600,
        wid: strict.customerID,
      });
      await control(strict, "POST", "sessions/expire");
      const stale = await call(strict, `${V21}/user/count`, {
        key: null,
        headers: { sessionID: first.body.access_token },
      });
      expect(stale.status).toBe(401);
      const second = await post();
      expect(second.body.access_token).not.toBe(first.body.access_token);
      const fresh = await call(strict, `${V21}/user/count`, {
        key: null,
        headers: { sessionID: second.body.access_token },
      });
      expect(fresh.status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it("with jwtRefreshTokens answers a refresh_token too, which the token endpoint takes", async () => {
    const app = await registerApp();
    const first = (await exchange(app)).body;
    expect(first.refresh_token).toMatch(/^[0-9a-f]{32}$/);
    expect((await refreshWithForm(app, first.refresh_token)).status).toBe(200);
    // Turned off later, a refresh token issued while it was on still works, and its grant answers a new one.
    const second = (await exchange(app)).body;
    await control(emulator, "PATCH", "config", { jwtRefreshTokens: false });
    expect((await exchange(app)).body.refresh_token).toBeUndefined();
    const renewed = await refreshWithForm(app, second.refresh_token);
    expect(renewed.status).toBe(200);
    expect(renewed.body.refresh_token).toMatch(/^[0-9a-f]{32}$/);
  });

  it("trades a signed JWT for a sessionID that acts as the app's user", async () => {
    const app = await registerApp();
    const answer = await exchange(app);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("application/json");
    expect(answer.body).toEqual({
      token_type: "sessionID",
      access_token: expect.stringMatching(/^[0-9a-f]{32}$/),
      refresh_token: expect.stringMatching(/^[0-9a-f]{32}$/),
      expires_in: 3600,
      wid: emulator.customerID,
    });
    const me = await whoAmI(answer.body.access_token);
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({ ID: app.userId, username: emulator.integrationUser.username });
    // As a parameter too, and the token can write: it is the integration user's session.
    const [user] = await ordinaryUsers(emulator, 1);
    const edit = await call(
      emulator,
      `${V21}/user/${user!.ID}?method=PUT&updates={"isActive":false}&fields=isActive&sessionID=${answer.body.access_token}`,
      { key: null },
    );
    expect(edit.body.data.isActive).toBe(false);
  });

  it("acts as the user who registered the key, with that user's rights", async () => {
    const [user] = await ordinaryUsers(emulator, 2);
    const app = await registerApp({ userId: user!.ID });
    const { access_token } = (await exchange(app)).body;
    expect((await whoAmI(access_token)).body.data.ID).toBe(user!.ID);
    // Not an administrator: may read, may not deactivate anyone.
    const [, target] = await ordinaryUsers(emulator, 2);
    const edit = await call(emulator, `${V21}/user/${target!.ID}?method=PUT&isActive=false`, {
      key: null,
      headers: { sessionID: access_token },
    });
    expect(edit.status).toBe(403);
  });

  it("accepts the client credential as HTTP Basic and the fields as JSON", async () => {
    const app = await registerApp();
    const answer = await call(emulator, EXCHANGE, {
      method: "POST",
      key: null,
      headers: { "content-type": "application/json", authorization: basic(app.clientId, app.clientSecret) },
      body: JSON.stringify({ jwt_token: jwt(claimsFor(app)) }),
    });
    expect(answer.status).toBe(200);
  });

  it("refuses a wrong client credential with 401 invalid_client", async () => {
    const app = await registerApp();
    for (const answer of [
      await exchange(app, undefined, "wrong-secret"),
      await exchange({ ...app, clientId: "0".repeat(32) }),
    ]) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get("www-authenticate")).toBe("Basic");
      expect(answer.body).toEqual({
        statusCode: 401,
        error: true,
        type: "invalid_client",
        message: "Unknown client_id or wrong client_secret",
      });
    }
  });

  it("refuses missing fields with 400 invalid_request", async () => {
    const app = await registerApp();
    const cases: Record<string, string>[] = [
      { client_id: app.clientId, client_secret: app.clientSecret },
      { client_secret: app.clientSecret, jwt_token: jwt(claimsFor(app)) },
      {},
    ];
    for (const fields of cases) {
      const answer = await call(emulator, EXCHANGE, { method: "POST", key: null, ...form(fields) });
      expect(answer.status, JSON.stringify(fields)).toBe(400);
      expect(answer.body).toMatchObject({ statusCode: 400, error: true, type: "invalid_request" });
    }
  });

  it("refuses a bad JWT with 400 invalid_grant and says why", async () => {
    const app = await registerApp();
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string, RegExp][] = [
      ["expired", jwt(claimsFor(app, { exp: now - 1 })), /expired/],
      ["no exp", jwt({ iss: app.customerId, sub: app.userId }), /exp/],
      ["not yet valid", jwt(claimsFor(app, { nbf: now + 600 })), /nbf/],
      ["wrong iss", jwt(claimsFor(app, { iss: "another-customer" })), /iss must be the Customer ID/],
      ["wrong sub", jwt(claimsFor(app, { sub: emulator.adminUserID })), /sub must be/],
      ["other key", jwt(claimsFor(app), stranger.privateKey), /signature does not match/],
      ["HS256 header", jwt(claimsFor(app), keys.privateKey, "HS256"), /RS256/],
      ["alg none", `${b64({ alg: "none" })}.${b64(claimsFor(app))}.`, /RS256/],
      ["garbage", "not-a-jwt", /three/],
    ];
    for (const [name, token, message] of cases) {
      const answer = await exchange(app, token);
      expect(answer.status, name).toBe(400);
      expect(answer.body.type, name).toBe("invalid_grant");
      expect(answer.body.message, name).toMatch(message);
    }
  });

  it("refuses when the app's user has been deactivated", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    const app = await registerApp({ userId: user!.ID });
    const first = (await exchange(app)).body;
    await call(emulator, `${V21}/user/${user!.ID}?method=PUT&isActive=false`);
    const answer = await exchange(app);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/deactivated/);
    expect((await whoAmI(first.access_token)).status).toBe(401);
    expect((await refreshWithForm(app, first.refresh_token)).body.type).toBe("invalid_grant");
  });

  it("answers 405 to other verbs and 404 to unknown OAuth2 paths, in the same shape", async () => {
    const get = await call(emulator, EXCHANGE, { key: null });
    expect(get.status).toBe(405);
    expect(get.body).toMatchObject({ error: true, type: "invalid_request" });
    const unknown = await call(emulator, "/integrations/oauth2/authorize?client_id=x", { key: null });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, error: true, type: "not_found" });
  });
});

describe("POST /integrations/oauth2/api/v1/token (refresh_token)", () => {
  it("renews with a form body, rotating the refresh token", async () => {
    const app = await registerApp();
    const first = (await exchange(app)).body;
    const renewed = await refreshWithForm(app, first.refresh_token);
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({
      token_type: "sessionID",
      expires_in: 3600,
      wid: emulator.customerID,
    });
    expect(renewed.body.access_token).not.toBe(first.access_token);
    expect(renewed.body.refresh_token).not.toBe(first.refresh_token);
    expect((await whoAmI(renewed.body.access_token)).status).toBe(200);
    // The old access token lives on until it expires; the old refresh token is spent.
    expect((await whoAmI(first.access_token)).status).toBe(200);
    const reused = await refreshWithForm(app, first.refresh_token);
    expect(reused.status).toBe(400);
    expect(reused.body.type).toBe("invalid_grant");
  });

  it("renews with a JSON body and HTTP Basic; a wrong secret there is 401", async () => {
    const app = await registerApp();
    const first = (await exchange(app)).body;
    expect((await refreshWithJson(app, first.refresh_token, "nope")).status).toBe(401);
    const renewed = await refreshWithJson(app, first.refresh_token);
    expect(renewed.status).toBe(200);
    expect((await whoAmI(renewed.body.access_token)).status).toBe(200);
  });

  it("keeps the refresh token when rotation is off", async () => {
    await control(emulator, "PATCH", "config", { rotateRefreshTokens: false });
    try {
      const app = await registerApp();
      const first = (await exchange(app)).body;
      const renewed = (await refreshWithForm(app, first.refresh_token)).body;
      expect(renewed.refresh_token).toBe(first.refresh_token);
      expect((await refreshWithForm(app, first.refresh_token)).status).toBe(200);
    } finally {
      await control(emulator, "PATCH", "config", { rotateRefreshTokens: true });
    }
  });

  it("refuses another app's refresh token, unknown grants and missing fields", async () => {
    const app = await registerApp();
    const other = await registerApp();
    const mine = (await exchange(app)).body;
    const crossed = await refreshWithForm(other, mine.refresh_token);
    expect(crossed.status).toBe(400);
    expect(crossed.body.type).toBe("invalid_grant");
    const creds = { client_id: app.clientId, client_secret: app.clientSecret };
    const post = (fields: Record<string, string>) =>
      call(emulator, TOKEN, { method: "POST", key: null, ...form(fields) });
    const code = await post({ ...creds, grant_type: "authorization_code", code: "x" });
    expect(code.status).toBe(400);
    expect(code.body.type).toBe("unsupported_grant_type");
    expect((await post({ ...creds, grant_type: "password" })).body.type).toBe("unsupported_grant_type");
    expect((await post({ ...creds })).body.type).toBe("invalid_request");
    expect((await post({ ...creds, grant_type: "refresh_token" })).body.type).toBe("invalid_request");
    const badJson = await call(emulator, TOKEN, {
      method: "POST",
      key: null,
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(badJson.status).toBe(400);
    expect(badJson.body.type).toBe("invalid_request");
  });
});

describe("session expiry", () => {
  it("ends an access token after sessionTtlMs; the refresh token then gets a new one", async () => {
    const before = await control<{ sessionTtlMs: number }>(emulator, "PATCH", "config", {
      sessionTtlMs: 1000,
    });
    // The emulator's clock is Date (it runs in this process): frozen, then moved past the TTL, so
    // no check races the machine's speed. Sockets and timers stay real.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      expect(before.sessionTtlMs).toBe(1000);
      const app = await registerApp();
      const first = (await exchange(app)).body;
      expect(first.expires_in).toBe(1);
      expect((await whoAmI(first.access_token)).status).toBe(200);
      vi.setSystemTime(Date.now() + 1_100);
      const expired = await whoAmI(first.access_token);
      expect(expired.status).toBe(401);
      expect(expired.body.error.message).toBe(NOT_LOGGED_IN);
      const renewed = (await refreshWithForm(app, first.refresh_token)).body;
      expect((await whoAmI(renewed.access_token)).status).toBe(200);
    } finally {
      vi.useRealTimers();
      await control(emulator, "PATCH", "config", { sessionTtlMs: 3_600_000 });
    }
  });

  it("takes only whole seconds of at least 1 s for sessionTtlMs", async () => {
    for (const sessionTtlMs of [500, 1500, 0]) {
      const response = await fetch(`${emulator.url}/__emulator/config`, {
        method: "PATCH",
        body: JSON.stringify({ sessionTtlMs }),
      });
      expect(response.status, String(sessionTtlMs)).toBe(400);
    }
  });

  it("POST /__emulator/sessions/expire ends every OAuth2 access token at once, nothing else", async () => {
    const app = await registerApp();
    const other = await registerApp({ userId: emulator.adminUserID });
    const a = (await exchange(app)).body;
    const b = (await exchange(app)).body;
    const c = (await exchange(other, jwt(claimsFor(other)))).body;
    const { sessionID: loginSession } = await control<{ sessionID: string }>(emulator, "POST", "sessions", {
      username: emulator.integrationUser.username,
    });
    expect(await control(emulator, "POST", "sessions/expire", { clientId: other.clientId })).toEqual({
      expired: 1,
    });
    expect((await whoAmI(c.access_token)).status).toBe(401);
    expect((await whoAmI(a.access_token)).status).toBe(200);
    expect(await control(emulator, "POST", "sessions/expire")).toEqual({ expired: 2 });
    for (const token of [a, b])
      expect((await whoAmI(token.access_token)).body.error.message).toBe(NOT_LOGGED_IN);
    // A /login-style session and the API key are untouched; the refresh tokens still work.
    expect((await whoAmI(loginSession)).status).toBe(200);
    expect((await call(emulator, `${V21}/user/count`)).status).toBe(200);
    const renewed = (await refreshWithForm(app, a.refresh_token)).body;
    expect((await whoAmI(renewed.access_token)).status).toBe(200);
    expect(await control(emulator, "POST", "sessions/expire")).toEqual({ expired: 1 });
  });
});

describe("OAuth2 and the rest of the emulator", () => {
  it("reset ends every token but keeps the apps", async () => {
    const app = await registerApp();
    const tokens = (await exchange(app)).body;
    await control(emulator, "POST", "reset");
    expect((await whoAmI(tokens.access_token)).status).toBe(401);
    expect((await refreshWithForm(app, tokens.refresh_token)).status).toBe(400);
    expect((await exchange(app)).status).toBe(200);
  });

  it("counts the token endpoints in the stats, outside the in-flight cap", async () => {
    const app = await registerApp();
    await control(emulator, "POST", "stats/reset");
    await control(emulator, "PATCH", "config", { maxInFlight: 1, latencyMs: 300 });
    try {
      const slow = call(emulator, `${V21}/user/count`);
      // The slow request holds the only slot once the emulator has counted it in flight.
      while ((await control<StatsSnapshot>(emulator, "GET", "stats")).inFlight < 1) await new Promise((resolve) => setImmediate(resolve));
      const [exchanged, counted] = await Promise.all([exchange(app), slow]);
      expect(exchanged.status).toBe(200);
      expect(counted.status).toBe(200);
      await refreshWithForm(app, exchanged.body.refresh_token);
      const stats = await control<StatsSnapshot>(emulator, "GET", "stats");
      expect(stats.byRoute).toEqual({
        "GET USER/count": 1,
        "POST oauth2/jwt/exchange": 1,
        "POST oauth2/token": 1,
      });
      expect(stats.throttled).toBe(0);
    } finally {
      await control(emulator, "PATCH", "config", { maxInFlight: 10, latencyMs: 0 });
    }
  });
});
