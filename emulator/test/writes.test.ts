import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseWfDate } from "../core/wf-date";
import type { RunningEmulator } from "../index";
import { type ListedUser, V21, call, control, form, ordinaryUsers, startTestEmulator } from "./http-helpers";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => control(emulator, "POST", "reset"));

interface StoredUser {
  isActive: boolean;
  title: string | null;
  accessLevelID: string;
  licenseType: string;
  lastUpdateDate: number;
  actualDeactivationDate: number | null;
}
const stored = (id: string) => control<StoredUser>(emulator, "GET", `users/${id}`);
const json = (body: unknown): RequestInit => ({
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describe("editing one user", () => {
  it("takes a JSON body and answers the new state shaped by fields", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    // Workfront dates have whole seconds at best: the stamp falls between the clock's readings
    // around the request, rounded out to the second (no bound on how long the request took).
    const before = Math.floor(Date.now() / 1000) * 1000;
    const answer = await call(
      emulator,
      `${V21}/user/${user!.ID}?fields=isActive,actualDeactivationDate,lastUpdateDate`,
      {
        method: "PUT",
        ...json({ isActive: false }),
      },
    );
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.data)).toEqual([
      "ID",
      "name",
      "objCode",
      "isActive",
      "actualDeactivationDate",
      "lastUpdateDate",
    ]);
    expect(answer.body.data.isActive).toBe(false);
    const after = Math.ceil(Date.now() / 1000) * 1000;
    const stamped = parseWfDate(answer.body.data.actualDeactivationDate)!;
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(after);
  });

  it("takes updates= in the query, a form body on POST with method=PUT, and plain field=value parameters", async () => {
    const [a, b, c] = await ordinaryUsers(emulator, 3);
    const updates = encodeURIComponent('{"title":"Query Title"}');
    await call(emulator, `${V21}/user/${a!.ID}?updates=${updates}`, { method: "PUT" });
    // The official client's execute(): POST, with method=PUT and the arguments in the form body.
    await call(emulator, `${V21}/user/${b!.ID}`, {
      method: "POST",
      ...form({ method: "PUT", updates: '{"title":"Form Title"}' }),
    });
    await call(emulator, `${V21}/user/${c!.ID}?title=Param%20Title&isActive=false`, { method: "PUT" });
    expect((await stored(a!.ID)).title).toBe("Query Title");
    expect((await stored(b!.ID)).title).toBe("Form Title");
    expect(await stored(c!.ID)).toMatchObject({ title: "Param Title", isActive: false });
  });

  it("ignores a form body on an HTTP PUT, unless readPutFormBodies is on", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    const before = await stored(user!.ID);
    const put = () =>
      call(emulator, `${V21}/user/${user!.ID}?fields=title`, {
        method: "PUT",
        ...form({ updates: '{"title":"Form Title"}' }),
      });
    const ignored = await put();
    expect(ignored.status).toBe(200);
    expect(ignored.body.data.title).toBe(before.title);
    expect((await stored(user!.ID)).title).toBe(before.title);
    // A JSON body on PUT is read (the official client's edit sends one).
    await call(emulator, `${V21}/user/${user!.ID}`, { method: "PUT", ...json({ title: "Json Title" }) });
    expect((await stored(user!.ID)).title).toBe("Json Title");

    await control(emulator, "PATCH", "config", { readPutFormBodies: true });
    try {
      expect((await put()).body.data.title).toBe("Form Title");
      expect((await stored(user!.ID)).title).toBe("Form Title");
    } finally {
      await control(emulator, "PATCH", "config", { readPutFormBodies: false });
    }
  });

  it("stamps actualDeactivationDate on deactivation, keeps it on reactivation, and bumps lastUpdateDate", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    const before = await stored(user!.ID);
    await call(emulator, `${V21}/user/${user!.ID}`, { method: "PUT", ...json({ isActive: "false" }) });
    const off = await stored(user!.ID);
    expect(off.isActive).toBe(false);
    expect(off.actualDeactivationDate).not.toBeNull();
    expect(off.lastUpdateDate).toBeGreaterThan(before.lastUpdateDate);

    const levels = (await call(emulator, `${V21}/accessLevel/search?name=Requestor`)).body.data;
    const on = await call(emulator, `${V21}/user/${user!.ID}?fields=isActive,accessLevelID,licenseType`, {
      method: "PUT",
      ...json({ isActive: true, accessLevelID: levels[0].ID }),
    });
    expect(on.body.data).toMatchObject({
      isActive: true,
      accessLevelID: levels[0].ID,
      licenseType: "REQUESTOR",
    });
    const after = await stored(user!.ID);
    // What reactivation does to it is undocumented: left as it was unless the option says otherwise.
    expect(after.actualDeactivationDate).toBe(off.actualDeactivationDate);
    expect(after.lastUpdateDate).toBeGreaterThan(off.lastUpdateDate);
  });

  it("clears actualDeactivationDate on reactivation with clearDeactivationDateOnReactivation", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    await control(emulator, "PATCH", "config", { clearDeactivationDateOnReactivation: true });
    try {
      await call(emulator, `${V21}/user/${user!.ID}`, { method: "PUT", ...json({ isActive: false }) });
      expect((await stored(user!.ID)).actualDeactivationDate).not.toBeNull();
      await call(emulator, `${V21}/user/${user!.ID}`, { method: "PUT", ...json({ isActive: true }) });
      expect((await stored(user!.ID)).actualDeactivationDate).toBeNull();
    } finally {
      await control(emulator, "PATCH", "config", { clearDeactivationDateOnReactivation: false });
    }
  });

  it("does not count or stamp an update that changes nothing", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    const before = await stored(user!.ID);
    await control(emulator, "POST", "stats/reset");
    await call(emulator, `${V21}/user/${user!.ID}`, { method: "PUT", ...json({ isActive: true }) });
    expect((await stored(user!.ID)).lastUpdateDate).toBe(before.lastUpdateDate);
    expect((await control<{ writes: number }>(emulator, "GET", "stats")).writes).toBe(0);
  });

  it("refuses to deactivate the main admin, always", async () => {
    const admin = await call(emulator, `${V21}/user/${emulator.adminUserID}`, {
      method: "PUT",
      ...json({ isActive: false }),
    });
    expect(admin.status).toBe(400);
    expect(admin.body.error).toMatchObject({ class: "com.attask.common.ValidationException" });
    expect(admin.body.error.message).toContain("main administrator");
    expect((await stored(emulator.adminUserID)).isActive).toBe(true);
  });

  it("lets a credential deactivate its own user (undocumented), unless refuseSelfDeactivation is on", async () => {
    const deactivateSelf = () =>
      call(emulator, `${V21}/user/${emulator.integrationUser.ID}`, {
        method: "PUT",
        ...json({ isActive: false }),
      });
    await control(emulator, "PATCH", "config", { refuseSelfDeactivation: true });
    try {
      const refused = await deactivateSelf();
      expect(refused.status).toBe(400);
      expect(refused.body.error.class).toBe("com.attask.common.ValidationException");
      expect((await stored(emulator.integrationUser.ID)).isActive).toBe(true);
    } finally {
      await control(emulator, "PATCH", "config", { refuseSelfDeactivation: false });
    }
    const allowed = await deactivateSelf();
    expect(allowed.status).toBe(200);
    expect((await stored(emulator.integrationUser.ID)).isActive).toBe(false);
    // Its key died with it.
    expect((await call(emulator, `${V21}/user/search`)).status).toBe(401);
  });

  it("refuses unknown, read-only and badly typed fields, and unknown references", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    const put = (updates: unknown) =>
      call(emulator, `${V21}/user/${user!.ID}`, { method: "PUT", ...json(updates) });
    expect((await put({ nickname: "x" })).body.error.message).toBe(
      "APIModel V21_0 does not support field nickname (User)",
    );
    expect((await put({ lastLoginDate: "2024-01-01" })).body.error.message).toContain("lastLoginDate");
    expect((await put({ isActive: "maybe" })).status).toBe(400);
    expect((await put({ accessLevelID: "0".repeat(32) })).body.error.message).toContain("accessLevelID");
    expect((await stored(user!.ID)).isActive).toBe(true);
  });
});

describe("bulk edits", () => {
  const bulk = (updates: unknown[], query = "") =>
    call(emulator, `${V21}/user?${query}`, { method: "PUT", ...json(updates) });

  it("edits many users with an updates array and answers each one", async () => {
    const users = await ordinaryUsers(emulator, 3);
    const answer = await bulk(
      users.map((u) => ({ ID: u.ID, isActive: false })),
      "fields=isActive",
    );
    expect(answer.body.data.map((u: ListedUser) => [u.ID, u.isActive])).toEqual(
      users.map((u) => [u.ID, false]),
    );
    expect((await control<{ writes: number }>(emulator, "GET", "stats")).writes).toBe(3);
  });

  it("also takes updates= as a query parameter", async () => {
    const users = await ordinaryUsers(emulator, 2);
    const updates = encodeURIComponent(JSON.stringify(users.map((u) => ({ ID: u.ID, title: "Bulk" }))));
    const answer = await call(emulator, `${V21}/user?method=PUT&updates=${updates}&fields=title`);
    expect(answer.body.data.map((u: { title: string }) => u.title)).toEqual(["Bulk", "Bulk"]);
  });

  it("refuses more than 100 updates, and an update without an ID", async () => {
    const users = await ordinaryUsers(emulator, 1);
    const tooMany = Array.from({ length: 101 }, () => ({ ID: users[0]!.ID, title: "x" }));
    expect((await bulk(tooMany)).body.error.message).toContain("100");
    expect((await bulk([{ title: "x" }])).status).toBe(400);
  });

  it("with atomic=true answers success only, and undoes everything on a failure", async () => {
    const users = await ordinaryUsers(emulator, 2);
    const ok = await bulk(
      users.map((u) => ({ ID: u.ID, title: "Atomic" })),
      "atomic=true",
    );
    expect(ok.body).toEqual({ data: { success: true } });

    const failing = await bulk(
      [
        { ID: users[0]!.ID, isActive: false },
        { ID: emulator.adminUserID, isActive: false },
        { ID: users[1]!.ID, isActive: false },
      ],
      "atomic=true",
    );
    expect(failing.status).toBe(400);
    expect(failing.body.error.message).toContain("main administrator");
    expect((await stored(users[0]!.ID)).isActive).toBe(true);
    expect((await stored(users[1]!.ID)).isActive).toBe(true);
    expect((await control<{ writes: number }>(emulator, "GET", "stats")).writes).toBe(2);
  });

  it("without atomic stops at the first failure and keeps what came before", async () => {
    const users = await ordinaryUsers(emulator, 2);
    const answer = await bulk([
      { ID: users[0]!.ID, isActive: false },
      { ID: emulator.adminUserID, isActive: false },
      { ID: users[1]!.ID, isActive: false },
    ]);
    expect(answer.status).toBe(400);
    expect((await stored(users[0]!.ID)).isActive).toBe(false);
    expect((await stored(users[1]!.ID)).isActive).toBe(true);
  });
});
