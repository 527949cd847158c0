import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { workfrontConnection } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { tenantFacts } from "@/lib/offboarding/tenant-facts";
import { WorkfrontError } from "@/lib/workfront";
import { control, startTestEmulator } from "@/lib/workfront/test-support";
import { connectWorkfront } from "./connect";
import { keyring } from "./crypto";
import { disconnectWorkfront } from "./disconnect";
import { connectionStatus } from "./status";
import { readConnection } from "./store";
import { SECRET, admin, keyState, registerOAuthApp, routeCount, testResolver } from "./test-support";
import { testConnection } from "./test-connection";

/**
 * The app's active credential over time: not connected, connected, refused (reconnect), recovered,
 * renewed (OAuth2), rotated, disconnected; on both database drivers, against the emulator.
 */
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ users: 40, latencyMs: 0, jitterMs: 0 });
});
afterAll(async () => emulator?.close());

const statusEnv = () => ({
  WORKFRONT_URL: emulator.url,
  WORKFRONT_API_KEY: undefined,
  WORKFRONT_KEY_WARN_DAYS: 7,
  WORKFRONT_KEY_LIFETIME_DAYS: 30,
});

async function failure(promise: Promise<unknown>): Promise<WorkfrontError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkfrontError);
  return error as WorkfrontError;
}

withTestDatabase("the active Workfront connection", ({ db }) => {
  beforeEach(async () => {
    await control(emulator, "POST", "api-keys/restore");
    await control(emulator, "PATCH", "config", { sessionTtlMs: 3_600_000 });
    await db().delete(workfrontConnection);
  });

  const connectKey = (resolver = testResolver(db())) =>
    connectWorkfront(resolver, { method: "api_key", tenant: emulator.url, apiKey: emulator.apiKey }, admin);

  it("answers not_connected until a connection is made, then uses it without a restart", async () => {
    const resolver = testResolver(db());
    const other = testResolver(db(), { versionTtlMs: 200 });
    const before = await other.client();
    expect((await failure(before.countUsers())).code).toBe("not_connected");
    expect((await resolver.active()).source).toBe("none");
    expect(typeof before.apiBase).toBe("string");
    await connectKey(resolver);
    const connected = await resolver.client();
    expect(await connected.countUsers()).toBeGreaterThan(0);
    // The client's facts read through the facade as values, not as guarded calls.
    expect(connected.apiBase).toBe(`${emulator.url}/attask/api/v21.0`);
    // Another instance notices once its version TTL has passed: the clock it reads is moved past
    // it (only Date is faked; sockets and timers stay real).
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 250);
      expect(await (await other.client()).countUsers()).toBeGreaterThan(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("gives a new connection a new client, so tenant facts of the old one are not reused", async () => {
    const resolver = testResolver(db());
    await connectKey(resolver);
    const first = await resolver.client();
    expect(await resolver.client()).toBe(first);
    await tenantFacts(first);
    await connectKey(resolver);
    const second = await resolver.client();
    expect(second).not.toBe(first);
  });

  it("switches to reconnect when Workfront refuses the stored key, and back after a successful test", async () => {
    const resolver = testResolver(db());
    await connectKey(resolver);
    await control(emulator, "POST", "api-keys/expire");
    expect((await failure((await resolver.client()).countUsers())).code).toBe("auth");
    const refused = await readConnection(db());
    expect(refused).toMatchObject({ state: "reconnect" });
    expect(refused?.reconnectReason).toMatch(/refused/);
    const status = await connectionStatus(resolver, statusEnv(), true);
    expect(status.connection).toMatchObject({ state: "reconnect" });
    expect(await testConnection(resolver, admin)).toMatchObject({ ok: false, code: "auth" });

    await control(emulator, "POST", "api-keys/restore");
    expect(await testConnection(resolver, admin)).toMatchObject({ ok: true });
    expect(await readConnection(db())).toMatchObject({ state: "ok", reconnectReason: null });
  });

  it("OAuth2: renews the session shortly before it expires, and once more after a 401", async () => {
    await control(emulator, "PATCH", "config", { sessionTtlMs: 2_000 });
    const app = await registerOAuthApp(emulator);
    const resolver = testResolver(db());
    await connectWorkfront(resolver, { method: "oauth2", tenant: emulator.url, ...app }, admin);
    const client = await resolver.client();
    // A renewal is a JWT exchange: machine-to-machine apps get no refresh token (workfront-api.md §11).
    // A client that still refreshes when given a token would renew at POST oauth2/token: count both.
    const renewals = async () =>
      (await routeCount(emulator, "POST oauth2/token")) + (await routeCount(emulator, "POST oauth2/jwt/exchange"));
    const before = await renewals();
    expect(await client.countUsers()).toBeGreaterThan(0);
    expect(await renewals()).toBe(before);
    // Renewal is due a fifth of the lifetime before the end: at 1.6 s of 2 s. The clock both the
    // client and the emulator read moves to 1.7 s (only Date is faked; sockets and timers stay real).
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 1_700);
      expect(await client.countUsers()).toBeGreaterThan(0);
    } finally {
      vi.useRealTimers();
    }
    expect(await renewals()).toBe(before + 1);
    expect((await readConnection(db()))?.secretVersion).toBe(2);

    await control(emulator, "PATCH", "config", { sessionTtlMs: 3_600_000 });
    await control(emulator, "POST", "sessions/expire", { clientId: app.clientId });
    expect(await client.countUsers()).toBeGreaterThan(0);
    expect(await renewals()).toBe(before + 2);
    expect(await readConnection(db())).toMatchObject({ state: "ok", secretVersion: 3 });

    // Another instance picks up the renewed session instead of renewing again.
    const other = testResolver(db());
    expect(await (await other.client()).countUsers()).toBeGreaterThan(0);
    expect(await renewals()).toBe(before + 2);
  });

  it("OAuth2: a deleted app means reconnect", async () => {
    const app = await registerOAuthApp(emulator);
    const resolver = testResolver(db());
    await connectWorkfront(resolver, { method: "oauth2", tenant: emulator.url, ...app }, admin);
    await fetch(`${emulator.url}/__emulator/oauth-apps/${app.clientId}`, { method: "DELETE" });
    expect((await failure((await resolver.client()).countUsers())).code).toBe("auth");
    expect(await readConnection(db())).toMatchObject({ state: "reconnect" });
  });

  it("re-encrypts with the current secret after a rotation; a lost secret means reconnect", async () => {
    await connectKey();
    const oldKeyId = (await readConnection(db()))!.sealedSecret.split(".")[1];
    const newSecret = "n".repeat(40);
    const rotated = testResolver(db(), { ring: keyring(newSecret, [SECRET]) });
    expect(await (await rotated.client()).countUsers()).toBeGreaterThan(0);
    const resealed = (await readConnection(db()))!.sealedSecret;
    expect(resealed.split(".")[1]).toBe(keyring(newSecret).current.id);
    expect(resealed.split(".")[1]).not.toBe(oldKeyId);

    const lost = testResolver(db(), { ring: keyring("z".repeat(40)) });
    const error = await failure((await lost.client()).countUsers());
    expect(error.message).toMatch(/cannot be read/);
    expect(await readConnection(db())).toMatchObject({ state: "reconnect" });
  });

  it("disconnect clears the key in Workfront and removes the row; an already invalid key is removed too", async () => {
    const resolver = testResolver(db());
    await connectKey(resolver);
    expect(await disconnectWorkfront(resolver, admin)).toMatchObject({ key: "cleared" });
    expect((await keyState(emulator)).state).toBe("none");
    expect(await readConnection(db())).toBeNull();
    expect((await failure((await resolver.client()).countUsers())).code).toBe("not_connected");

    await control(emulator, "POST", "api-keys/restore");
    await connectKey(resolver);
    await control(emulator, "POST", "api-keys/revoke");
    expect(await disconnectWorkfront(resolver, admin)).toMatchObject({ key: "already_invalid" });
    expect(await readConnection(db())).toBeNull();
  });

  it("with WORKFRONT_API_KEY set: locked, and the reconnect state lives in memory", async () => {
    const resolver = testResolver(db(), { envConnection: { url: emulator.url, credential: { kind: "apiKey", apiKey: emulator.apiKey } } });
    const env = { ...statusEnv(), WORKFRONT_API_KEY: emulator.apiKey };
    expect(resolver.locked).toBe(true);
    expect(await connectionStatus(resolver, env, true)).toMatchObject({ source: "environment", locked: true, connection: { hint: emulator.apiKey.slice(-4), state: "ok" } });
    expect(await testConnection(resolver, admin)).toMatchObject({ ok: true });
    expect((await connectionStatus(resolver, env, true)).connection?.workfrontUser?.id).toBe(emulator.integrationUser.ID);
    await control(emulator, "POST", "api-keys/expire");
    await failure((await resolver.client()).countUsers());
    expect((await connectionStatus(resolver, env, true)).connection?.state).toBe("reconnect");
    await control(emulator, "POST", "api-keys/restore");
    expect(await testConnection(resolver, admin)).toMatchObject({ ok: true });
    expect((await connectionStatus(resolver, env, true)).connection?.state).toBe("ok");
    expect(JSON.stringify(await connectionStatus(resolver, env, true))).not.toContain(emulator.apiKey);
  });
});
