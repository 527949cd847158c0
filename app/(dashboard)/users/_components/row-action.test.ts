import { describe, expect, it } from "vitest";
import type { ProtectionCode, UserDto } from "@/lib/offboarding/user-dto";
import { rowActionFor } from "./row-action";

const user = (overrides: Partial<UserDto> = {}): UserDto => ({
  id: "0123456789abcdef0123456789abcdef",
  name: "Ada Lovelace",
  email: "ada@example.com",
  title: null,
  isActive: true,
  licenseType: "LT",
  licenseTypeLabel: "Light",
  accessLevel: "Worker",
  isAdmin: false,
  homeGroup: null,
  lastLoginAt: null,
  deactivatedAt: null,
  protection: null,
  deactivation: null,
  ...overrides,
});

const protectedBy = (code: ProtectionCode) => user({ protection: { code, reason: "…" } });

describe("rowActionFor", () => {
  it("offers nothing to a viewer, the opposite action to an operator", () => {
    expect(rowActionFor(user(), "viewer")).toBeNull();
    expect(rowActionFor(user(), "operator")).toEqual({ action: "deactivate", disabledReason: null });
    expect(rowActionFor(user({ isActive: false }), "operator")).toEqual({ action: "reactivate", disabledReason: null });
  });

  it("shows a protected account's action disabled, with the protection as the reason", () => {
    for (const code of ["main_admin", "integration_user", "configured"] as const) {
      expect(rowActionFor(protectedBy(code), "operator")).toEqual({ action: "deactivate", disabledReason: code });
    }
  });

  it("lets an admin override only the configured protection", () => {
    expect(rowActionFor(protectedBy("configured"), "admin")).toEqual({ action: "deactivate", disabledReason: null, override: "configured" });
    expect(rowActionFor(protectedBy("main_admin"), "admin")).toEqual({ action: "deactivate", disabledReason: "main_admin" });
    expect(rowActionFor(protectedBy("integration_user"), "admin")).toEqual({ action: "deactivate", disabledReason: "integration_user" });
  });

  it("leaves System Administrators to the admin role", () => {
    expect(rowActionFor(user({ isAdmin: true }), "operator")).toEqual({ action: "deactivate", disabledReason: "admin_target" });
    expect(rowActionFor(user({ isAdmin: true }), "admin")).toEqual({ action: "deactivate", disabledReason: null });
  });
});
