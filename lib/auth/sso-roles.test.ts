import { describe, expect, it } from "vitest";
import { type RoleGroups, roleForGroups, roleGroupsFrom } from "./sso-roles";

const mapping: RoleGroups = {
  admin: ["wf-admins"],
  operator: ["wf-operators", "hr-offboarding"],
  viewer: ["wf-viewers"],
};

describe("roleForGroups", () => {
  it("grants the role of a mapped group", () => {
    expect(roleForGroups(["wf-viewers"], mapping)).toBe("viewer");
    expect(roleForGroups(["hr-offboarding"], mapping)).toBe("operator");
    expect(roleForGroups(["wf-admins"], mapping)).toBe("admin");
  });

  it("gives the highest role any group grants, whatever the order", () => {
    expect(roleForGroups(["wf-viewers", "wf-admins", "wf-operators"], mapping)).toBe("admin");
    expect(roleForGroups(["staff", "wf-operators", "wf-viewers"], mapping)).toBe("operator");
  });

  it("grants nothing for unmapped groups, no groups, or a name in another case", () => {
    expect(roleForGroups(["staff", "everyone"], mapping)).toBeNull();
    expect(roleForGroups([], mapping)).toBeNull();
    expect(roleForGroups(["WF-ADMINS"], mapping)).toBeNull();
  });

  it("grants nothing when no groups are configured at all", () => {
    expect(roleForGroups(["wf-admins"], { admin: [], operator: [], viewer: [] })).toBeNull();
  });

  it("reads the three lists from the configuration", () => {
    expect(
      roleGroupsFrom({ AUTH_OIDC_ADMIN_GROUPS: ["a"], AUTH_OIDC_OPERATOR_GROUPS: ["o"], AUTH_OIDC_VIEWER_GROUPS: ["v"] }),
    ).toEqual({ admin: ["a"], operator: ["o"], viewer: ["v"] });
  });
});
