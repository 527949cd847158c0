import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RuntimeConfig, RunningEmulator, StatsSnapshot } from "../index";
import { V21, call, control, ordinaryUsers, startTestEmulator } from "./http-helpers";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 42 });
});
afterAll(() => emulator.close());
beforeEach(() => control(emulator, "POST", "reset"));

const stats = () => control<StatsSnapshot>(emulator, "GET", "stats");
const search = () => call(emulator, `${V21}/user/search?$$LIMIT=1`);

describe("info, stats and config", () => {
  it("describes the tenant and the integration user", async () => {
    const info = await control<Record<string, unknown>>(emulator, "GET", "info");
    expect(info).toEqual({
      url: emulator.url,
      apiKey: emulator.apiKey,
      integrationUser: emulator.integrationUser,
      adminUserID: emulator.adminUserID,
      customerID: emulator.customerID,
      users: 300,
      anchorDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(emulator.integrationUser).toMatchObject({
      username: "integration@acme.example",
      password: "workfront-demo",
      name: "Workfront Integration",
    });
  });

  it("counts API requests by route, never control requests, and resets to zero", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    await call(emulator, `${V21}/user/${user!.ID}`);
    await call(emulator, `${V21}/user/${user!.ID}?method=PUT&title=x`);
    await call(emulator, `${V21}/user/count`, { key: null });
    const counters = await stats();
    expect(counters.total).toBe(4);
    expect(counters.byRoute).toEqual({
      "GET USER/search": 1,
      "GET USER/:id": 1,
      "PUT USER/:id": 1,
      "GET USER/count": 1,
    });
    expect(counters.writes).toBe(1);
    expect(counters.peakInFlight).toBeGreaterThanOrEqual(1);
    const zero = await control<StatsSnapshot>(emulator, "POST", "stats/reset");
    expect(zero).toMatchObject({
      total: 0,
      byRoute: {},
      throttled: 0,
      writes: 0,
      peakInFlight: 0,
      inFlight: 0,
    });
    expect(Object.values(zero.faults)).toEqual([0, 0, 0, 0, 0]);
  });

  it("patches runtime knobs, validating them", async () => {
    const before = await control<RuntimeConfig>(emulator, "GET", "config");
    // Every behaviour Adobe does not document is off unless asked for.
    expect(before).toMatchObject({
      maxInFlight: 10,
      throttle: "429",
      faultRate: 0,
      perObjectCostMs: 0,
      batch: false,
      readPutFormBodies: false,
      refuseSelfDeactivation: false,
      clearDeactivationDateOnReactivation: false,
      jwtRefreshTokens: false,
      anyVersion: false,
      ims: false,
      stringEnumsOnly: false,
      readOnlyApprovers: false,
      readOnlyCheckouts: false,
      refuseInactiveAssignee: false,
    });
    const after = await control<RuntimeConfig>(emulator, "PATCH", "config", {
      latencyMs: 5,
      faultKinds: ["reset"],
    });
    expect(after).toEqual({ ...before, latencyMs: 5, faultKinds: ["reset"] });
    for (const bad of [
      { faultRate: 2 },
      { faultKinds: ["meteor"] },
      { latencyMs: -1 },
      { colour: "red" },
      { throttle: "418" },
      { batch: "yes" },
      { anchorDay: "2026-01-01" },
    ]) {
      const response = await fetch(`${emulator.url}/__emulator/config`, {
        method: "PATCH",
        body: JSON.stringify(bad),
      });
      expect(response.status, JSON.stringify(bad)).toBe(400);
    }
    await control(emulator, "PATCH", "config", before);
  });

  it("answers 404 for an unknown control route", async () => {
    expect((await fetch(`${emulator.url}/__emulator/nope`)).status).toBe(404);
  });
});

describe("reset", () => {
  it("restores the seeded users and keys, and keeps the config", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    await call(emulator, `${V21}/user/${user!.ID}?method=PUT&isActive=false`);
    await control(emulator, "POST", "api-keys/revoke");
    await control(emulator, "PATCH", "config", { jitterMs: 3 });
    await control(emulator, "POST", "reset");
    expect((await control<{ isActive: boolean }>(emulator, "GET", `users/${user!.ID}`)).isActive).toBe(true);
    expect((await search()).status).toBe(200);
    expect((await control<RuntimeConfig>(emulator, "GET", "config")).jitterMs).toBe(3);
    await control(emulator, "PATCH", "config", { jitterMs: 0 });
  });
});

describe("API keys", () => {
  it("expires the integration key until it is restored", async () => {
    expect(await control(emulator, "POST", "api-keys/expire")).toMatchObject({
      state: "expired",
      hadKey: true,
    });
    expect((await search()).status).toBe(401);
    await control(emulator, "POST", "api-keys/restore");
    expect((await search()).status).toBe(200);
  });

  it("revokes the key of a named user", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    const login = `username=${encodeURIComponent(user!.username)}&password=workfront-demo`;
    const key = (await call(emulator, `${V21}/user?action=generateApiKey&${login}&method=PUT`, { key: null }))
      .body.data.result;
    expect((await call(emulator, `${V21}/user/count`, { key })).status).toBe(200);
    await control(emulator, "POST", "api-keys/revoke", { username: user!.username });
    expect((await call(emulator, `${V21}/user/count`, { key })).status).toBe(401);
    expect((await search()).status).toBe(200);
  });

  it("tells whether a user's key is valid, expired or gone, without showing it", async () => {
    const username = emulator.integrationUser.username;
    const valid = await control<Record<string, unknown>>(emulator, "GET", `api-keys/${encodeURIComponent(username)}`);
    expect(valid).toMatchObject({ username, userID: emulator.integrationUser.ID, state: "valid" });
    expect(typeof valid.issuedAt).toBe("string");
    expect(JSON.stringify(valid)).not.toContain(emulator.apiKey);
    await control(emulator, "POST", "api-keys/expire");
    expect(await control(emulator, "GET", `api-keys/${username}`)).toMatchObject({ state: "expired" });
    // clearApiKey sent with the key itself (no username or password) clears the caller's key.
    await control(emulator, "POST", "api-keys/restore");
    const cleared = await call(emulator, `${V21}/user?action=clearApiKey&method=PUT`);
    expect(cleared.status).toBe(200);
    expect(await control(emulator, "GET", `api-keys/${username}`)).toMatchObject({ state: "none", issuedAt: null });
    await control(emulator, "POST", "api-keys/restore");
    expect((await fetch(`${emulator.url}/__emulator/api-keys/nobody%40nowhere`)).status).toBe(404);
  });

  it("expires keys past apiKeyTtlMs; changing the TTL restarts the clock", async () => {
    // The emulator's clock is Date (it runs in this process): frozen, then moved past the TTL, so
    // no check races the machine's speed. Sockets and timers stay real.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      await control(emulator, "PATCH", "config", { apiKeyTtlMs: 400 });
      expect((await search()).status).toBe(200);
      vi.setSystemTime(Date.now() + 399);
      expect((await search()).status).toBe(200);
      vi.setSystemTime(Date.now() + 2);
      expect((await search()).status).toBe(401);
      await control(emulator, "PATCH", "config", { apiKeyTtlMs: 30 * 24 * 3_600_000 });
      expect((await search()).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("creates sessions for a username and shows raw stored users", async () => {
    const { sessionID, userID } = await control<{ sessionID: string; userID: string }>(
      emulator,
      "POST",
      "sessions",
      { username: "admin@acme.example" },
    );
    expect(userID).toBe(emulator.adminUserID);
    expect((await call(emulator, `${V21}/user/count`, { key: null, headers: { sessionID } })).status).toBe(
      200,
    );
    const raw = await control<Record<string, unknown>>(emulator, "GET", `users/${emulator.adminUserID}`);
    expect(raw).toMatchObject({
      ID: emulator.adminUserID,
      username: "admin@acme.example",
      isActive: true,
      objCode: "USER",
    });
    expect(typeof raw.entryDate).toBe("number");
    const missing = await fetch(`${emulator.url}/__emulator/sessions`, {
      method: "POST",
      body: JSON.stringify({ username: "ghost@acme.example" }),
    });
    expect(missing.status).toBe(404);
  });
});
