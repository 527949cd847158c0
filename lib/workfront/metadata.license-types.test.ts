import { describe, expect, it } from "vitest";
import { thrownWorkfrontError } from "./test-user";
import { readLicenseTypes } from "./metadata";

const thrown = thrownWorkfrontError;

describe("readLicenseTypes: what a tenant may leave out", () => {
  it.each([
    ["licenseType is null", { fields: { licenseType: null } }],
    ["possibleValues is null", { fields: { licenseType: { possibleValues: null } } }],
    ["possibleValues is empty", { fields: { licenseType: { possibleValues: [] } } }],
  ])("answers no labels when %s", (_what, data) => {
    expect(readLicenseTypes(data)).toEqual([]);
  });

  it("keeps every readable entry in order, extra keys ignored, entries that are not objects skipped", () => {
    const data = {
      fields: {
        licenseType: {
          possibleValues: ["FULL", { label: "Plan", value: "FULL", extra: 1 }, null, { label: "Review", value: "REVIEW" }, { label: "Old" }],
        },
      },
    };
    expect(readLicenseTypes(data)).toEqual([
      { value: "FULL", label: "Plan" },
      { value: "REVIEW", label: "Review" },
    ]);
  });

  it.each([
    ["fields is missing", {}],
    ["fields is null", { fields: null }],
    ["possibleValues is not a list", { fields: { licenseType: { possibleValues: { FULL: "Plan" } } } }],
    ["the answer is text", "<html>"],
  ])("refuses metadata where %s, as the tenant being unavailable", (_what, data) => {
    const error = thrown(() => readLicenseTypes(data));
    expect([error.code, error.message]).toEqual(["unavailable", "Workfront's answer was not valid USER metadata"]);
  });
});
