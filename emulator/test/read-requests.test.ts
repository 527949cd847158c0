import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../index";
import { V21, call, form, ordinaryUsers, startTestEmulator } from "./http-helpers";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({
    licenseTypes: [
      { value: "PLAN", label: "Planner" },
      { value: "WORK", label: "Worker" },
    ],
  });
});
afterAll(() => emulator.close());

describe("paths", () => {
  it("accepts the versions on Adobe's schedule, the unversioned path, and object codes in any case or long form", async () => {
    for (const path of [
      "/attask/api/v16.0/USER/count",
      "/attask/api/v21.0/user/count",
      "/attask/api/v22.0/User/count",
      "/attask/api/user/count",
      "/attask/api-internal/user/count",
      "/attask/api-unsupported/user/count",
    ]) {
      const answer = await call(emulator, path);
      expect(answer.status, path).toBe(200);
      expect(answer.body, path).toEqual({ data: { count: 300 } });
    }
    const customer = await call(emulator, `${V21}/CUST/${emulator.customerID}`);
    expect(customer.body.data).toEqual({
      ID: emulator.customerID,
      name: "Acme Corporation",
      objCode: "CUST",
      adminUserID: emulator.adminUserID,
    });
    expect((await call(emulator, `${V21}/customer/search`)).body.data).toHaveLength(1);
    const levels = (await call(emulator, `${V21}/accessLevel/search?isAdmin=true`)).body.data;
    expect(levels.map((level: { name: string }) => level.name)).toEqual(["System Administrator"]);
    expect((await call(emulator, `${V21}/ACSLVL/search`)).body.data.length).toBeGreaterThan(3);
    expect((await call(emulator, `${V21}/group/search?name=IT`)).body.data).toHaveLength(1);
    expect((await call(emulator, `${V21}/CMPY/search`)).body.data.length).toBeGreaterThan(1);
  });

  it("tunnels the verb through method= in the query or a form body, in any case", async () => {
    const viaPost = await call(emulator, `${V21}/user/search`, {
      method: "POST",
      ...form({ method: "get", $$LIMIT: "3", isActive: "true" }),
    });
    expect(viaPost.body.data).toHaveLength(3);
    const [user] = await ordinaryUsers(emulator, 1);
    const viaGet = await call(
      emulator,
      `${V21}/user/${user!.ID}?method=Put&title=Chief%20Tunneller&fields=title`,
    );
    expect(viaGet.body.data.title).toBe("Chief Tunneller");
  });
});

describe("reads", () => {
  it("gets one user as an object, several as an array, and $$USER as the caller", async () => {
    const [a, b] = await ordinaryUsers(emulator, 2);
    expect((await call(emulator, `${V21}/user/${a!.ID}`)).body.data.ID).toBe(a!.ID);
    expect((await call(emulator, `${V21}/user?id=${a!.ID}`)).body.data.ID).toBe(a!.ID);
    const commas = (await call(emulator, `${V21}/user?id=${a!.ID},${b!.ID}`)).body.data;
    const repeated = (await call(emulator, `${V21}/user?id=${a!.ID}&id=${b!.ID}`)).body.data;
    expect(commas.map((u: { ID: string }) => u.ID)).toEqual([a!.ID, b!.ID]);
    expect(repeated).toEqual(commas);
    // An unknown ID among them fails the whole get-many (undocumented; the emulator's choice).
    const unknown = await call(emulator, `${V21}/user?id=${a!.ID},${"f".repeat(32)}`);
    expect([unknown.status, unknown.body.error.class]).toEqual([404, "com.attask.common.NotFoundException"]);
    expect((await call(emulator, `${V21}/user?id=$$USER`)).body.data.ID).toBe(emulator.integrationUser.ID);
    expect((await call(emulator, `${V21}/user/search?ID=$$USER`)).body.data[0].name).toBe(
      "Workfront Integration",
    );
  });

  it("keys search results by ID with map=true", async () => {
    const data = (await call(emulator, `${V21}/user/search?map=true&$$LIMIT=3&fields=isActive`)).body.data;
    expect(Object.keys(data)).toHaveLength(3);
    for (const [key, value] of Object.entries(data)) expect((value as { ID: string }).ID).toBe(key);
  });

  it("counts with filters, and count agrees with a full search", async () => {
    const count = (await call(emulator, `${V21}/user/count?isActive=false`)).body.data.count;
    const all = (await call(emulator, `${V21}/user/search?isActive=false&$$LIMIT=2000`)).body.data;
    expect(count).toBe(all.length);
    expect(count).toBeGreaterThan(0);
  });

  it("lists the configured licence types in USER metadata and on users", async () => {
    const data = (await call(emulator, `${V21}/user/metadata`)).body.data;
    expect(data.fields.licenseType.possibleValues).toEqual([
      { label: "Planner", value: "PLAN" },
      { label: "Worker", value: "WORK" },
    ]);
    const users = (await call(emulator, `${V21}/user/search?$$LIMIT=2000&fields=licenseType`)).body.data;
    expect(new Set(users.map((u: { licenseType: string }) => u.licenseType))).toEqual(
      new Set(["PLAN", "WORK"]),
    );
  });

  it("returns reference objects and Workfront-format dates", async () => {
    const [user] = (
      await call(
        emulator,
        `${V21}/user/search?isActive=false&fields=accessLevel:isAdmin,homeGroup,actualDeactivationDate&$$LIMIT=1`,
      )
    ).body.data;
    expect(user.accessLevel).toEqual({
      ID: expect.any(String),
      name: expect.any(String),
      objCode: "ACSLVL",
      isAdmin: expect.any(Boolean),
    });
    expect(Object.keys(user.homeGroup)).toEqual(["ID", "name", "objCode"]);
    expect(user.actualDeactivationDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}:\d{3}-0700$/);
  });

  it("sorts and pages over HTTP without duplicates", async () => {
    const page = (first: number) =>
      call(emulator, `${V21}/user/search?name_1_Sort=ciasc&ID_2_Sort=asc&$$FIRST=${first}&$$LIMIT=50`);
    const ids = [...(await page(0)).body.data, ...(await page(50)).body.data].map(
      (u: { ID: string }) => u.ID,
    );
    expect(new Set(ids).size).toBe(100);
  });
});
