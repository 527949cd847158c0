import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { workfrontConnection } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { ApiError } from "@/lib/http/errors";
import { control, startTestEmulator } from "@/lib/workfront/test-support";
import { connectWorkfront } from "./connect";
import { readConnection } from "./store";
import { admin, keyState, registerOAuthApp, testResolver } from "./test-support";

/** Each way of connecting against the emulator over HTTP, on both database drivers. */
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ users: 40, latencyMs: 0, jitterMs: 0 });
});
afterAll(async () => emulator?.close());

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

withTestDatabase("connecting Workfront", ({ db }) => {
  beforeEach(async () => {
    await control(emulator, "POST", "api-keys/restore");
    await db().delete(workfrontConnection);
  });

  it("with a username and password: uses the existing key (getApiKey), stores it sealed, drops the password", async () => {
    const { username, password } = emulator.integrationUser;
    const row = await connectWorkfront(testResolver(db()), { method: "password", tenant: emulator.url, username, password }, admin);
    expect(row).toMatchObject({
      tenantUrl: emulator.url,
      method: "password",
      hint: emulator.apiKey.slice(-4),
      workfrontUserId: emulator.integrationUser.ID,
      mayEditUsers: true,
      state: "ok",
      keyCreatedExact: false,
      connectedByEmail: admin.email,
    });
    const stored = JSON.stringify(await readConnection(db()));
    expect(stored).not.toContain(emulator.apiKey);
    expect(stored).not.toContain(password);
    expect(row.sealedSecret).toMatch(/^wfc1\./);
  });

  it("with a username and password when the user has no key: generateApiKey makes one", async () => {
    await control(emulator, "POST", "api-keys/revoke");
    expect((await keyState(emulator)).state).toBe("none");
    const { username, password } = emulator.integrationUser;
    const row = await connectWorkfront(testResolver(db()), { method: "password", tenant: emulator.url, username, password }, admin);
    expect(row.keyCreatedExact).toBe(true);
    expect(row.hint).not.toBe(emulator.apiKey.slice(-4));
    expect((await keyState(emulator)).state).toBe("valid");
    const client = await testResolver(db()).client();
    expect((await client.getCurrentUser()).id).toBe(emulator.integrationUser.ID);
  });

  it("refuses a wrong password with a clear 400 and changes nothing", async () => {
    const resolver = testResolver(db());
    await connectWorkfront(resolver, { method: "api_key", tenant: emulator.url, apiKey: emulator.apiKey }, admin);
    const before = await readConnection(db());
    const error = await refusal(
      connectWorkfront(resolver, { method: "password", tenant: emulator.url, username: emulator.integrationUser.username, password: "wrong" }, admin),
    );
    expect([error.status, error.code]).toEqual([400, "workfront_password_login_refused"]);
    expect(error.message).toMatch(/Nothing was stored/);
    expect(await readConnection(db())).toEqual(before);
    await db().delete(workfrontConnection);
    await refusal(connectWorkfront(resolver, { method: "password", tenant: emulator.url, username: "nobody@x", password: "x" }, admin));
    expect(await readConnection(db())).toBeNull();
  });

  it("with a pasted API key; a wrong one is refused and nothing is stored", async () => {
    const resolver = testResolver(db());
    const wrong = await refusal(connectWorkfront(resolver, { method: "api_key", tenant: emulator.url, apiKey: "f".repeat(32) }, admin));
    expect([wrong.status, wrong.code]).toEqual([400, "workfront_credential_refused"]);
    expect(await readConnection(db())).toBeNull();
    const row = await connectWorkfront(resolver, { method: "api_key", tenant: emulator.url, apiKey: emulator.apiKey }, admin);
    expect(row).toMatchObject({ method: "api_key", hint: emulator.apiKey.slice(-4), workfrontUserName: "Workfront Integration" });
    expect(row.keyCreatedAt).toBeInstanceOf(Date);
  });

  it("says whether a non-administrator's key may edit users", async () => {
    const users = await (await fetch(`${emulator.url}/attask/api/v21.0/user/search?fields=username,accessLevel:isAdmin&isActive=true&$$LIMIT=40`, { headers: { apiKey: emulator.apiKey } })).json();
    const plain = (users.data as { username: string; accessLevel: { isAdmin: boolean } }[]).find((user) => !user.accessLevel.isAdmin)!;
    const row = await connectWorkfront(
      testResolver(db()),
      { method: "password", tenant: emulator.url, username: plain.username, password: emulator.integrationUser.password },
      admin,
    );
    expect(row.mayEditUsers).toBe(false);
  });

  it("with OAuth2 server-to-server: a JWT exchanged for a session; wrong secrets or key are refused", async () => {
    const app = await registerOAuthApp(emulator);
    const resolver = testResolver(db());
    const input = { method: "oauth2" as const, tenant: emulator.url, ...app };
    const wrongSecret = await refusal(connectWorkfront(resolver, { ...input, clientSecret: "nope" }, admin));
    expect([wrongSecret.status, wrongSecret.code]).toEqual([400, "workfront_oauth_refused"]);
    const wrongUser = await refusal(connectWorkfront(resolver, { ...input, userId: "0".repeat(32) }, admin));
    expect(wrongUser.code).toBe("workfront_oauth_refused");
    const badKey = await refusal(connectWorkfront(resolver, { ...input, privateKeyPem: "not a key" }, admin));
    expect([badKey.status, badKey.code]).toEqual([400, "invalid_private_key"]);
    expect(await readConnection(db())).toBeNull();

    const row = await connectWorkfront(resolver, input, admin);
    expect(row).toMatchObject({ method: "oauth2", hint: app.clientId.slice(-4), workfrontUserId: app.userId, keyCreatedAt: null });
    const stored = JSON.stringify(row);
    for (const secret of [app.clientSecret, app.privateKeyPem.split("\n")[1]!]) expect(stored).not.toContain(secret);
    expect((await (await resolver.client()).getCurrentUser()).id).toBe(app.userId);
  });

  it("refuses while the environment sets the key, and without a secret to encrypt with", async () => {
    const input = { method: "api_key" as const, tenant: emulator.url, apiKey: emulator.apiKey };
    const locked = testResolver(db(), { envConnection: { url: emulator.url, credential: { kind: "apiKey", apiKey: emulator.apiKey } } });
    expect((await refusal(connectWorkfront(locked, input, admin))).code).toBe("settings_locked");
    const noSecret = await refusal(connectWorkfront(testResolver(db(), { ring: null }), input, admin));
    expect([noSecret.status, noSecret.code]).toEqual([503, "credential_secret_missing"]);
    expect(noSecret.message).toMatch(/WORKFRONT_CREDENTIAL_SECRET/);
    expect(await readConnection(db())).toBeNull();
  });

  it("refuses a tenant that is not a URL or plain http to another machine", async () => {
    const resolver = testResolver(db());
    for (const tenant of ["http://example.com", "not a url", "ftp://x.example"]) {
      const error = await refusal(connectWorkfront(resolver, { method: "api_key", tenant, apiKey: emulator.apiKey }, admin));
      expect([error.status, error.code], tenant).toEqual([400, "invalid_tenant"]);
    }
  });
});
