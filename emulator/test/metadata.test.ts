import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../index";
import { V21, call, control, ordinaryUsers, startTestEmulator } from "./http-helpers";

/**
 * USER metadata against the shape of the official client's fixture (Workfront/workfront-api
 * `fixtures/metadata.json`, a ROLE): the keys below are copied from it.
 */
const FIXTURE_TOP_LEVEL_KEYS = [
  "name",
  "label",
  "objCode",
  "flags",
  "url",
  "fields",
  "references",
  "collections",
  "search",
  "actions",
  "queries",
  "operations",
];
const FIXTURE_FIELD_KEYS = [
  "label",
  "typeObjCode",
  "targetTypeObjCode",
  "fieldType",
  "enumTargetObjCode",
  "enumType",
  "url",
];
// The fixture's defaultInterface, value for value.
const FIXTURE_DEFAULT_INTERFACE = [
  { label: "Default", value: 0 },
  { label: "Project Management Home", value: 1 },
  { label: "TeamHome", value: 2 },
  { label: "Early Access", value: 3 },
];

interface FieldMeta {
  fieldType: string;
  flags?: string[];
  possibleValues?: { label: string; value: unknown }[];
}

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await control(emulator, "POST", "reset");
  await control(emulator, "PATCH", "config", { stringEnumsOnly: false });
});

const userMetadata = async () => (await call(emulator, `${V21}/user/metadata`)).body.data;

describe("USER metadata", () => {
  it("has the fixture's top-level keys, in its order, and each field the fixture's keys", async () => {
    const data = await userMetadata();
    expect(Object.keys(data)).toEqual(FIXTURE_TOP_LEVEL_KEYS);
    expect(data).toMatchObject({
      name: "User",
      objCode: "USER",
      url: `${emulator.url}${V21}/user/metadata`,
      search: {},
    });
    for (const [name, field] of Object.entries(data.fields as Record<string, FieldMeta>)) {
      const keys = Object.keys(field).filter((key) => key !== "flags" && key !== "possibleValues");
      expect(keys, name).toEqual(FIXTURE_FIELD_KEYS);
      // The fixture leaves `flags` out rather than sending an empty list.
      if (field.flags) expect(field.flags.length, name).toBeGreaterThan(0);
    }
    for (const link of [...Object.values(data.references), ...Object.values(data.collections)])
      expect(Object.keys(link as object).filter((key) => key !== "flags")).toEqual(FIXTURE_FIELD_KEYS);
  });

  it("lists many fields with the fixture's field types, string and integer enums", async () => {
    const fields = (await userMetadata()).fields as Record<string, FieldMeta>;
    expect(Object.keys(fields).length).toBeGreaterThanOrEqual(40);
    expect(new Set(Object.values(fields).map((field) => field.fieldType))).toEqual(
      new Set(["string", "int", "double", "boolean", "dateTime"]),
    );
    expect(fields.defaultInterface).toMatchObject({
      fieldType: "int",
      enumType: "com.attask.common.constants.UserInterfaceEnum",
      possibleValues: FIXTURE_DEFAULT_INTERFACE,
    });
    expect(fields.defaultInterface!.possibleValues!.every((option) => Number.isInteger(option.value))).toBe(
      true,
    );
    expect(fields.licenseType!.possibleValues!.every((option) => typeof option.value === "string")).toBe(
      true,
    );
    expect(fields.isActive).toMatchObject({ label: "Is Active", fieldType: "boolean" });
    expect(fields.actualDeactivationDate).toMatchObject({ fieldType: "dateTime" });
    expect(fields.costPerHour).toMatchObject({ fieldType: "double", flags: ["CURRENCY", "RESTRICTABLE"] });
  });

  it("lists references and collections, and says so when one is asked for that it does not serve", async () => {
    const data = await userMetadata();
    expect(data.references.accessLevel).toMatchObject({ typeObjCode: "ACSLVL", fieldType: "AccessLevel" });
    expect(data.references.role).toMatchObject({ typeObjCode: "ROLE", fieldType: "Role" });
    expect(data.collections.userGroups).toMatchObject({ typeObjCode: "USRGPS", fieldType: "UserGroups" });
    expect(data.collections.userRoles).toMatchObject({ typeObjCode: "USRROL", fieldType: "UserRole" });
    expect(Object.keys(data.actions)).toEqual(
      expect.arrayContaining(["generateApiKey", "getApiKey", "clearApiKey"]),
    );
    expect(data.operations).toEqual(expect.arrayContaining(["count", "edit", "get", "search"]));
    const asked = await call(emulator, `${V21}/user/search?fields=userGroups`);
    expect(asked.status).toBe(400);
    expect(asked.body.error.message).toBe("User.userGroups is in the metadata but not emulated");
  });

  it("with stringEnumsOnly leaves out integer possibleValues, and only those", async () => {
    await control(emulator, "PATCH", "config", { stringEnumsOnly: true });
    const fields = (await userMetadata()).fields as Record<string, FieldMeta>;
    expect(fields.defaultInterface).toMatchObject({ fieldType: "int" });
    expect(fields.defaultInterface!.possibleValues).toBeUndefined();
    expect(fields.licenseType!.possibleValues!.length).toBeGreaterThan(0);
  });
});

describe("integer and double fields on users", () => {
  it("serve numbers, filter and sort by them, and check enum values on writes", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    const got = (await call(emulator, `${V21}/user/${user!.ID}?fields=defaultInterface,loginCount,fte`)).body
      .data;
    expect(typeof got.defaultInterface).toBe("number");
    expect(typeof got.loginCount).toBe("number");
    expect(got.fte).toBe(1);
    const teamHome = (
      await call(emulator, `${V21}/user/search?defaultInterface=2&fields=defaultInterface&$$LIMIT=2000`)
    ).body.data;
    expect(teamHome.length).toBeGreaterThan(0);
    expect(teamHome.every((u: { defaultInterface: number }) => u.defaultInterface === 2)).toBe(true);
    const busiest = (
      await call(emulator, `${V21}/user/search?loginCount_Sort=desc&fields=loginCount&$$LIMIT=3`)
    ).body.data;
    const counts = busiest.map((u: { loginCount: number }) => u.loginCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));

    const put = (value: unknown) =>
      call(emulator, `${V21}/user/${user!.ID}?fields=defaultInterface`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ defaultInterface: value }),
      });
    expect((await put(3)).body.data.defaultInterface).toBe(3);
    expect((await put("1")).body.data.defaultInterface).toBe(1);
    for (const bad of [7, 1.5, "home"]) expect((await put(bad)).status, String(bad)).toBe(400);
  });
});
