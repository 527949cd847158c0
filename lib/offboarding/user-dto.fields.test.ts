import { describe, expect, it } from "vitest";
import type { WorkfrontUser } from "@/lib/workfront";
import { isRefusalCode, toUserDto } from "./user-dto";

const base: WorkfrontUser = {
  id: "a".repeat(32),
  name: "Jane Doe",
  firstName: "Jane",
  lastName: "Doe",
  email: "jane.doe@acme.example",
  username: "jane.doe@acme.example",
  title: "Buyer",
  isActive: true,
  licenseType: "FULL",
  accessLevel: { id: "al1", name: "Planner", isAdmin: false },
  homeGroup: { id: "g1", name: "Purchasing" },
  company: { id: "c1", name: "Acme" },
  managerId: null,
  createdAt: "2020-01-01T00:00:00.000Z",
  updatedAt: null,
  lastLoginAt: "2026-11-30T08:00:00.000Z",
  scheduledDeactivationAt: null,
  deactivatedAt: null,
};

const context = {
  licenseLabels: new Map([["FULL", "Standard"]]),
  protectionOf: () => null,
  deactivationOf: () => null,
};

const shown = (user: WorkfrontUser) => {
  const dto = toUserDto(user, context);
  return { licenseTypeLabel: dto.licenseTypeLabel, accessLevel: dto.accessLevel, isAdmin: dto.isAdmin, homeGroup: dto.homeGroup, company: dto.company };
};

describe("toUserDto display fields", () => {
  it("names the licence, access level, home group and company", () => {
    expect(shown(base)).toEqual({ licenseTypeLabel: "Standard", accessLevel: "Planner", isAdmin: false, homeGroup: "Purchasing", company: "Acme" });
  });

  it("marks a System Administrator", () => {
    expect(shown({ ...base, accessLevel: { id: "al0", name: "System Administrator", isAdmin: true } }).isAdmin).toBe(true);
  });

  it("is not an admin when Workfront does not say so", () => {
    expect(shown({ ...base, accessLevel: { id: "al2", name: "Odd", isAdmin: null } }).isAdmin).toBe(false);
  });

  it("shows the code of a licence type without a label, and nulls for missing references", () => {
    expect(shown({ ...base, licenseType: "LIMITED", accessLevel: null, homeGroup: null, company: null })).toEqual({
      licenseTypeLabel: "LIMITED",
      accessLevel: null,
      isAdmin: false,
      homeGroup: null,
      company: null,
    });
  });

  it("shows null for a reference without a name", () => {
    expect(shown({ ...base, accessLevel: { id: "al3", name: null, isAdmin: false }, homeGroup: { id: "g2", name: null }, company: { id: "c2", name: null } })).toEqual({
      licenseTypeLabel: "Standard",
      accessLevel: null,
      isAdmin: false,
      homeGroup: null,
      company: null,
    });
  });
});

describe("isRefusalCode", () => {
  it("knows the refusal codes and nothing else", () => {
    expect(["configured", "admin_not_included", "open_work_blocking", "internal", "", null, undefined].map(isRefusalCode)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
