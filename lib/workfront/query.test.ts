import { describe, expect, it } from "vitest";
import { WorkfrontError } from "./errors";
import { encodeSearch } from "./query";

const entries = (params: URLSearchParams) => [...params.entries()];

describe("encodeSearch", () => {
  it("encodes fields, modifiers, ranges, lists and null checks", () => {
    const params = encodeSearch({
      fields: ["isActive", "accessLevel:name", "homeGroup:*"],
      filters: [
        { field: "isActive", value: false },
        { field: "name", op: "cicontains", value: "müller" },
        { field: "licenseType", op: "in", values: ["FULL", "LIMITED"] },
        { field: "lastLoginDate", op: "between", from: new Date("2024-01-01T00:00:00Z"), to: "$$TODAY" },
        { field: "scheduleDeactivationDate", op: "notnull" },
      ],
    });
    expect(entries(params)).toEqual([
      ["fields", "isActive,accessLevel:name,homeGroup:*"],
      ["isActive", "false"],
      ["name", "müller"],
      ["name_Mod", "cicontains"],
      ["licenseType", "FULL"],
      ["licenseType", "LIMITED"],
      ["licenseType_Mod", "in"],
      ["lastLoginDate", "2024-01-01T00:00:00.000Z"],
      ["lastLoginDate_Range", "$$TODAY"],
      ["lastLoginDate_Mod", "between"],
      ["scheduleDeactivationDate", ""],
      ["scheduleDeactivationDate_Mod", "notnull"],
    ]);
  });

  it("distributes the base filters into each OR group, so they still hold", () => {
    const params = encodeSearch({
      filters: [{ field: "isActive", value: true }],
      anyOf: [[{ field: "name", op: "cicontains", value: "ann" }], [{ field: "emailAddr", op: "cicontains", value: "ann" }]],
      sort: [
        { field: "name", direction: "ciasc" },
        { field: "ID", direction: "asc" },
      ],
      first: 200,
      limit: 50,
    });
    expect(params.toString()).toBe(
      "OR%3A1%3AisActive=true&OR%3A1%3Aname=ann&OR%3A1%3Aname_Mod=cicontains" +
        "&OR%3A2%3AisActive=true&OR%3A2%3AemailAddr=ann&OR%3A2%3AemailAddr_Mod=cicontains" +
        "&name_1_Sort=ciasc&ID_2_Sort=asc&%24%24FIRST=200&%24%24LIMIT=50",
    );
  });

  it("uses the plain _Sort name for a single key", () => {
    expect(encodeSearch({ sort: [{ field: "name", direction: "desc" }] }).get("name_Sort")).toBe("desc");
  });

  it("keeps hostile values inside their parameter", () => {
    const params = encodeSearch({ filters: [{ field: "name", value: "x&apiKey=stolen&$$LIMIT=5000#" }] });
    expect(params.getAll("name")).toEqual(["x&apiKey=stolen&$$LIMIT=5000#"]);
    expect(params.has("apiKey")).toBe(false);
    expect(params.has("$$LIMIT")).toBe(false);
  });

  it("sends a username filter as filters= JSON, where Workfront filters rather than logs in", () => {
    const params = encodeSearch({ filters: [{ field: "username", value: "ada@example.com" }, { field: "isActive", value: true }] });
    expect(params.has("username")).toBe(false);
    expect(JSON.parse(params.get("filters")!)).toEqual({ username: "ada@example.com" });
    expect(params.get("isActive")).toBe("true");
    expect(() => encodeSearch({ filters: [{ field: "password", op: "contains", value: "x" }] })).toThrow(WorkfrontError);
  });

  it.each(["name_Mod", "OR:1:name", "name&apiKey=x", "a/b", "", "name ", "ID#"])(
    "refuses the field name %j",
    (field) => {
      expect(() => encodeSearch({ filters: [{ field, value: "x" }] })).toThrow(WorkfrontError);
    },
  );

  it.each([0, 2001, 1.5, -1])("refuses limit %d", (limit) => {
    expect(() => encodeSearch({ limit })).toThrow(/limit must be an integer from 1 to 2000/);
  });

  it("refuses a negative offset and an empty list", () => {
    expect(() => encodeSearch({ first: -1 })).toThrow(WorkfrontError);
    expect(() => encodeSearch({ filters: [{ field: "ID", op: "in", values: [] }] })).toThrow(WorkfrontError);
  });
});
