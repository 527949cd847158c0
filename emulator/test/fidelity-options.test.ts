import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ANCHOR_DAY_ENV, resolveOptions, utcDay } from "../config";
import type { RunningEmulator } from "../index";
import { V21, call, control, form, ordinaryUsers, startTestEmulator } from "./http-helpers";

/**
 * The switches for undocumented behaviour, each off (the default: what Adobe documents) and on:
 * anyVersion, ims, readPutFormBodies for the API-key actions, and the anchor day.
 */
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await control(emulator, "POST", "reset");
  await control(emulator, "PATCH", "config", { anyVersion: false, ims: false, readPutFormBodies: false });
});

const loginOf = async () => {
  const [user] = await ordinaryUsers(emulator, 1);
  return { username: user!.username, password: "workfront-demo" };
};

describe("API versions", () => {
  it("by default answers only the versions Adobe's schedule still lists, and 404 for the others", async () => {
    for (const version of ["16.0", "17.0", "22.0"])
      expect((await call(emulator, `/attask/api/v${version}/user/count`)).status, version).toBe(200);
    for (const version of ["15.0", "14.0", "9.0", "23.0", "21.1"]) {
      const path = `/attask/api/v${version}/user/count`;
      const answer = await call(emulator, path);
      expect(answer.status, version).toBe(404);
      expect(answer.body.error).toMatchObject({
        class: "com.attask.common.NotFoundException",
        message: `No Workfront API at ${path}`,
      });
    }
    // Inside a /batch too, where the URI names a full path.
    await control(emulator, "PATCH", "config", { batch: true });
    const batch = await call(
      emulator,
      `${V21}/batch?uri=${encodeURIComponent("/attask/api/v15.0/user/count")}`,
      {
        method: "POST",
      },
    );
    expect(batch.body.data[0].error.class).toBe("com.attask.common.NotFoundException");
    await control(emulator, "PATCH", "config", { batch: false });
  });

  it("with anyVersion answers every vNN.N, as the emulator did before", async () => {
    await control(emulator, "PATCH", "config", { anyVersion: true });
    for (const version of ["15.0", "9.0", "23.0"]) {
      const answer = await call(emulator, `/attask/api/v${version}/user/search?foo=1`);
      // Answered, and in that version's words.
      expect(answer.body.error.message, version).toBe(
        `APIModel V${version.replace(".", "_")} does not support field foo (User)`,
      );
    }
  });
});

describe("the API-key actions and /login", () => {
  it("read username and password from the query of a PUT, or the form of a POST with method=PUT", async () => {
    const login = await loginOf();
    const query = new URLSearchParams({ action: "generateApiKey", ...login, method: "PUT" });
    const viaQuery = await call(emulator, `${V21}/user?${query}`, { method: "PUT", key: null });
    expect(viaQuery.body).toEqual({ data: { result: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    // The official client's execute(): POST /user, everything in the form body.
    const viaPost = await call(emulator, `${V21}/user`, {
      method: "POST",
      key: null,
      ...form({ action: "getApiKey", ...login, method: "PUT" }),
    });
    expect(viaPost.body).toEqual(viaQuery.body);
  });

  it("ignore them in the form body of an HTTP PUT, unless readPutFormBodies is on", async () => {
    const login = await loginOf();
    const putForm = () =>
      call(emulator, `${V21}/user`, {
        method: "PUT",
        key: null,
        ...form({ action: "getApiKey", ...login, method: "PUT" }),
      });
    const ignored = await putForm();
    // Nothing of the body is read: a PUT /user with no credential.
    expect([ignored.status, ignored.body.error.class]).toEqual([
      401,
      "com.attask.common.AuthenticationException",
    ]);
    expect(ignored.body.error.message).toBe("You are not currently logged in");
    await control(emulator, "PATCH", "config", { readPutFormBodies: true });
    expect((await putForm()).body).toEqual({ data: { result: "" } });
  });

  it("with ims fail for username and password as on an Adobe Business Platform tenant; keys and OAuth2 still work", async () => {
    const login = await loginOf();
    const { sessionID } = await control<{ sessionID: string }>(emulator, "POST", "sessions", {
      username: emulator.integrationUser.username,
    });
    await control(emulator, "PATCH", "config", { ims: true });
    const refused = [
      await call(emulator, `${V21}/login`, { method: "POST", key: null, ...form(login) }),
      ...(await Promise.all(
        ["generateApiKey", "getApiKey", "clearApiKey"].map((action) =>
          call(emulator, `${V21}/user?${new URLSearchParams({ action, ...login, method: "PUT" })}`, {
            method: "PUT",
            key: null,
          }),
        ),
      )),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(401);
      expect(answer.body.error.class).toBe("com.attask.common.AuthenticationException");
      expect(answer.body.error.message).toContain("no longer available");
    }
    expect((await call(emulator, `${V21}/user/count`)).status).toBe(200);
    expect((await call(emulator, `${V21}/user/count`, { key: null, headers: { sessionID } })).status).toBe(
      200,
    );
    // Clearing the caller's own key needs no password, so it still works.
    expect(
      (await call(emulator, `${V21}/user?action=clearApiKey&method=PUT`, { method: "PUT" })).body,
    ).toEqual({
      data: { success: true },
    });

    await control(emulator, "PATCH", "config", { ims: false });
    const loggedIn = await call(emulator, `${V21}/login`, { method: "POST", key: null, ...form(login) });
    expect(loggedIn.body.data.sessionID).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("the anchor day", () => {
  const lastLogins = async (target: RunningEmulator) =>
    (
      await call(
        target,
        `${V21}/user/search?lastLoginDate=x&lastLoginDate_Mod=notnull&lastLoginDate_Sort=desc&fields=lastLoginDate&$$LIMIT=1`,
      )
    ).body.data[0].lastLoginDate as string;

  it("anchors the seeded history to anchorDay, and reports it", async () => {
    const anchored = await startTestEmulator({ anchorDay: "2031-02-14" });
    try {
      expect(anchored.anchorDay).toBe("2031-02-14");
      expect((await control<{ anchorDay: string }>(anchored, "GET", "info")).anchorDay).toBe("2031-02-14");
      // The integration user logged in ten minutes before the anchor: the newest login of the tenant.
      expect(await lastLogins(anchored)).toBe("2031-02-13T16:50:00:000-0700");
    } finally {
      await anchored.close();
    }
  });

  it("takes the day from WF_EMULATOR_ANCHOR_DAY when no option names one, the option winning", () => {
    const env = { [ANCHOR_DAY_ENV]: "2030-01-02" };
    expect(resolveOptions({}, env).statics.anchorDay).toBe("2030-01-02");
    expect(resolveOptions({ anchorDay: "2029-03-04" }, env).statics.anchorDay).toBe("2029-03-04");
    const before = utcDay();
    expect([before, utcDay()]).toContain(resolveOptions({}, {}).statics.anchorDay);
    for (const bad of ["2030-02-30", "tomorrow", "2030-1-2"])
      expect(() => resolveOptions({ anchorDay: bad }, {}), bad).toThrow(/anchorDay/);
  });
});
