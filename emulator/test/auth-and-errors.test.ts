import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../index";
import { V21, call, control, form, ordinaryUsers, startTestEmulator } from "./http-helpers";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => control(emulator, "POST", "reset"));

const NOT_LOGGED_IN = {
  error: {
    class: "com.attask.common.AuthenticationException",
    message: "You are not currently logged in",
    title: null,
    msgKey: "exception.notloggedin",
    attributes: [],
    code: 0,
  },
};

describe("credentials", () => {
  it("accepts the key as a header in any case, or as a query or form parameter", async () => {
    const search = `${V21}/user/search?$$LIMIT=1`;
    expect((await call(emulator, search)).status).toBe(200);
    expect((await call(emulator, search, { key: null, headers: { APIKEY: emulator.apiKey } })).status).toBe(
      200,
    );
    expect((await call(emulator, `${search}&apiKey=${emulator.apiKey}`, { key: null })).status).toBe(200);
    const viaForm = await call(emulator, `${V21}/user/search`, {
      method: "POST",
      key: null,
      ...form({ method: "GET", apiKey: emulator.apiKey, $$LIMIT: "2" }),
    });
    expect(viaForm.body.data).toHaveLength(2);
  });

  it("accepts a sessionID header (any case) or parameter", async () => {
    const { sessionID } = await control<{ sessionID: string }>(emulator, "POST", "sessions", {
      username: emulator.integrationUser.username,
    });
    const search = `${V21}/user/search?$$LIMIT=1`;
    expect((await call(emulator, search, { key: null, headers: { SessionID: sessionID } })).status).toBe(200);
    expect((await call(emulator, `${search}&sessionID=${sessionID}`, { key: null })).status).toBe(200);
  });

  it("answers 401 with Workfront's envelope for a missing, wrong or cleared credential", async () => {
    for (const key of [null, "0".repeat(32)]) {
      const answer = await call(emulator, `${V21}/user/search`, { key });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(NOT_LOGGED_IN);
    }
    await call(emulator, `${V21}/user?action=clearApiKey&method=PUT`, { method: "PUT" });
    expect((await call(emulator, `${V21}/user/search`)).body).toEqual(NOT_LOGGED_IN);
  });

  it("logs in with username and password and out again", async () => {
    const login = await call(emulator, `${V21}/login`, {
      method: "POST",
      key: null,
      ...form({ username: emulator.integrationUser.username, password: "workfront-demo" }),
    });
    expect(login.body.data).toMatchObject({
      userID: emulator.integrationUser.ID,
      sessionID: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const headers = { sessionID: login.body.data.sessionID as string };
    expect((await call(emulator, `${V21}/logout`, { key: null, headers })).body).toEqual({
      data: { success: true },
    });
    expect((await call(emulator, `${V21}/user/search`, { key: null, headers })).status).toBe(401);
    const wrong = await call(
      emulator,
      `${V21}/login?username=${emulator.integrationUser.username}&password=nope`,
      { method: "POST", key: null },
    );
    expect([wrong.status, wrong.body.error.class]).toEqual([
      401,
      "com.attask.common.AuthenticationException",
    ]);
  });

  it("stops a deactivated user's key from working", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    const login = `username=${encodeURIComponent(user!.username)}&password=workfront-demo`;
    const key = (await call(emulator, `${V21}/user?action=generateApiKey&${login}&method=PUT`, { key: null }))
      .body.data.result;
    await call(emulator, `${V21}/user/${user!.ID}?isActive=false`, { method: "PUT" });
    expect((await call(emulator, `${V21}/user/search`, { key })).status).toBe(401);
  });
});

describe("error statuses", () => {
  it("answers 403 when a non-administrator edits a user", async () => {
    const [plain, other] = await ordinaryUsers(emulator, 2);
    const { sessionID } = await control<{ sessionID: string }>(emulator, "POST", "sessions", {
      username: plain!.username,
    });
    const answer = await call(emulator, `${V21}/user/${other!.ID}?isActive=false`, {
      method: "PUT",
      key: null,
      headers: { sessionID },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.class).toBe("com.attask.common.SecurityException");
    // Reading is allowed to anyone logged in.
    expect(
      (await call(emulator, `${V21}/user/${other!.ID}`, { key: null, headers: { sessionID } })).status,
    ).toBe(200);
  });

  it("answers 404 for an unknown ID, on GET and on PUT", async () => {
    for (const method of ["GET", "PUT"]) {
      const answer = await call(emulator, `${V21}/user/${"f".repeat(32)}?isActive=false`, { method });
      expect(answer.status).toBe(404);
      expect(answer.body.error).toMatchObject({
        class: "com.attask.common.NotFoundException",
        title: null,
        attributes: [],
        code: 0,
      });
    }
  });

  it("answers 400 for bad input, naming what was wrong", async () => {
    const cases: [string, string, string][] = [
      [`${V21}/widget/search`, "com.attask.common.APIModelException", "Unknown object type: widget"],
      [`${V21}/user/12345`, "com.attask.common.InvalidParameterException", "12345"],
      [
        `${V21}/user/search?foo=1`,
        "com.attask.common.APIModelException",
        "APIModel V21_0 does not support field foo (User)",
      ],
      [
        `/attask/api/v21.0/user/search?fields=foo`,
        "com.attask.common.APIModelException",
        "APIModel V21_0 does not support field foo (User)",
      ],
      [`${V21}/user/search?$$LIMIT=2001`, "java.lang.IllegalArgumentException", "2000"],
      [
        `${V21}/user/${emulator.integrationUser.ID}?method=PUT&updates={"isActive":`,
        "org.json.JSONException",
        "updates",
      ],
      [
        `${V21}/user/${emulator.integrationUser.ID}?method=PUT&updates={"shoeSize":42}`,
        "com.attask.common.APIModelException",
        "shoeSize",
      ],
      [
        `${V21}/user/${emulator.integrationUser.ID}/frobnicate?method=PUT`,
        "com.attask.common.APIModelException",
        "frobnicate",
      ],
    ];
    for (const [path, errorClass, text] of cases) {
      const answer = await call(emulator, path);
      expect(answer.status, path).toBe(400);
      expect(answer.body.error.class, path).toBe(errorClass);
      expect(answer.body.error.message, path).toContain(text);
    }
  });

  it("answers 414 with an HTML page when the URI is over 8892 bytes", async () => {
    const filler = "x".repeat(8892);
    const answer = await call(emulator, `${V21}/user/search?name=${filler}`);
    expect(answer.status).toBe(414);
    expect(answer.headers.get("content-type")).toContain("text/html");
    expect(answer.text).toContain("8892");
    const justUnder = `${V21}/user/search?name=`;
    const fits = await call(emulator, justUnder + "y".repeat(8892 - justUnder.length));
    expect(fits.status).toBe(200);
  });
});
