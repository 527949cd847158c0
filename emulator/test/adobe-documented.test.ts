import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../index";
import { V21, call, control, ordinaryUsers, startTestEmulator } from "./http-helpers";

/**
 * Adobe's four documented requests (deactivate-user-api.md and manage-api-keys.md), sent verbatim
 * as raw HTTP. If these fail, a client written from Adobe's docs would fail against us too.
 */
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => control(emulator, "POST", "reset"));

describe("Adobe's documented requests", () => {
  it("(1) generates an API key with username and password, then gets and clears it", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    const login = `username=${encodeURIComponent(user!.username)}&password=workfront-demo`;

    const getBefore = await call(emulator, `${V21}/user?action=getApiKey&${login}&method=PUT`, {
      method: "PUT",
      key: null,
    });
    expect(getBefore.body).toEqual({ data: { result: "" } });

    const generated = await call(emulator, `${V21}/user?action=generateApiKey&${login}&method=PUT`, {
      method: "PUT",
      key: null,
    });
    expect(generated.status).toBe(200);
    expect(generated.body).toEqual({ data: { result: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    const key: string = generated.body.data.result;

    const got = await call(emulator, `${V21}/user?action=getApiKey&${login}&method=PUT`, {
      method: "PUT",
      key: null,
    });
    expect(got.body).toEqual({ data: { result: key } });
    expect((await call(emulator, `${V21}/user/search?$$LIMIT=1`, { key })).status).toBe(200);

    // The docs send clearApiKey as a GET tunnelled to PUT.
    const cleared = await call(emulator, `${V21}/user?action=clearApiKey&${login}&method=put`, { key: null });
    expect(cleared.body).toEqual({ data: { success: true } });
    expect((await call(emulator, `${V21}/user/search?$$LIMIT=1`, { key })).status).toBe(401);
  });

  it("(2) lists 100 users with isActive", async () => {
    const answer = await call(emulator, `${V21}/USER/search?fields=isActive`);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toHaveLength(100);
    for (const user of answer.body.data) {
      expect(Object.keys(user)).toEqual(["ID", "name", "objCode", "isActive"]);
      expect(user.objCode).toBe("USER");
      expect(typeof user.isActive).toBe("boolean");
    }
  });

  it('(3)+(4) deactivates with updates={"isActive":"false"} in the URL and answers exactly the documented shape', async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    const updates = encodeURIComponent('{"isActive":"false"}');
    const path = `${V21}/USER/${user!.ID}?updates=${updates}&method=put&apiKey=${emulator.apiKey}&fields=isActive`;
    const answer = await call(emulator, path, { method: "PUT", key: null });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(
      JSON.stringify({ data: { ID: user!.ID, name: user!.name, objCode: "USER", isActive: false } }),
    );
    const stored = await control<{ isActive: boolean }>(emulator, "GET", `users/${user!.ID}`);
    expect(stored.isActive).toBe(false);
  });

  it("(3) also works when a client leaves the braces unencoded, as WHATWG URLs do", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    const answer = await call(
      emulator,
      `${V21}/USER/${user!.ID}?updates={"isActive":"false"}&method=put&apiKey=${emulator.apiKey}&fields=isActive`,
      { method: "PUT", key: null },
    );
    expect(answer.body).toEqual({
      data: { ID: user!.ID, name: user!.name, objCode: "USER", isActive: false },
    });
  });
});
