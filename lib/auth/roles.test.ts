import { describe, expect, it } from "vitest";
import { ROLES, can, hasRole, isRole, permissions } from "./roles";

describe("roles", () => {
  it("orders viewer < operator < admin", () => {
    expect(hasRole("admin", "operator")).toBe(true);
    expect(hasRole("operator", "operator")).toBe(true);
    expect(hasRole("viewer", "operator")).toBe(false);
    expect(hasRole("operator", "admin")).toBe(false);
  });

  it("lets a viewer look but not act", () => {
    expect(can("viewer", "viewUsers")).toBe(true);
    expect(can("viewer", "viewAudit")).toBe(true);
    expect(can("viewer", "deactivate")).toBe(false);
    expect(can("viewer", "reactivate")).toBe(false);
  });

  it("lets an operator deactivate and reactivate, but keeps admin powers for admins", () => {
    expect(can("operator", "deactivate")).toBe(true);
    expect(can("operator", "reactivate")).toBe(true);
    expect(can("operator", "manageSettings")).toBe(false);
    expect(can("operator", "overrideProtection")).toBe(false);
    expect(can("operator", "deactivateAdmins")).toBe(false);
  });

  it("gives an admin every permission", () => {
    for (const permission of Object.keys(permissions) as (keyof typeof permissions)[]) {
      expect(can("admin", permission)).toBe(true);
    }
  });

  it("recognises only the three roles", () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole("superuser")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
