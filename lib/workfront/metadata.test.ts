import { describe, expect, it } from "vitest";
import { WorkfrontError } from "./errors";
import { readLicenseTypes } from "./metadata";

// Shaped like the official client's fixtures/metadata.json: enum values are integers for some
// fields (defaultInterface) and strings for others, beside references, collections and actions.
const userMetadata = {
  name: "User",
  label: "User",
  objCode: "USER",
  flags: ["REPORTABLE"],
  url: "https://acme.my.workfront.com/attask/api/v21.0/user/metadata",
  fields: {
    ID: { label: "ID", fieldType: "string", enumType: null, url: null },
    defaultInterface: {
      label: "Default Interface",
      fieldType: "int",
      enumType: "com.attask.common.constants.UserInterfaceEnum",
      possibleValues: [
        { label: "Default", value: 0 },
        { label: "Project Management Home", value: 1 },
        { label: "TeamHome", value: 2 },
      ],
    },
    licenseType: {
      label: "License Type",
      fieldType: "string",
      enumType: "com.attask.common.constants.LicenseTypeEnum",
      possibleValues: [
        { label: "Standard", value: "FULL" },
        { label: "Light", value: "LIMITED" },
      ],
    },
    isActive: { label: "Active", fieldType: "boolean" },
  },
  references: { homeGroup: { label: "Home Group", typeObjCode: "GROUP", fieldType: "Group" } },
  collections: { userRoles: { label: "userRoles", typeObjCode: "USRROL", fieldType: "UserRole" } },
  search: {},
  actions: { getApiKey: { arguments: [{ name: "username", type: "string" }], label: "getApiKey" } },
  queries: {},
  operations: ["count", "edit", "get", "search"],
};

describe("readLicenseTypes", () => {
  it("reads licenseType's values from metadata that also has integer enums", () => {
    expect(readLicenseTypes(userMetadata)).toEqual([
      { value: "FULL", label: "Standard" },
      { value: "LIMITED", label: "Light" },
    ]);
  });

  it("accepts integer licence values as their string form", () => {
    const numeric = { fields: { licenseType: { possibleValues: [{ label: "Standard", value: 7 }] } } };
    expect(readLicenseTypes(numeric)).toEqual([{ value: "7", label: "Standard" }]);
  });

  it("skips an unreadable entry and keeps the rest", () => {
    const odd = { fields: { licenseType: { possibleValues: [{ label: null, value: "X" }, { label: "Light", value: "LIMITED" }] } } };
    expect(readLicenseTypes(odd)).toEqual([{ value: "LIMITED", label: "Light" }]);
  });

  it("answers no labels when the tenant lists none", () => {
    expect(readLicenseTypes({ fields: {} })).toEqual([]);
    expect(readLicenseTypes({ fields: { licenseType: { label: "License Type" } } })).toEqual([]);
  });

  it("refuses an answer that is not metadata", () => {
    expect(() => readLicenseTypes([1, 2])).toThrow(WorkfrontError);
    expect(() => readLicenseTypes({ name: "User" })).toThrow(WorkfrontError);
  });
});
