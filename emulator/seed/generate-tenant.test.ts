import { describe, expect, it } from "vitest";
import { DEFAULT_LICENSE_TYPES } from "../config";
import { asciiFold } from "./ascii-fold";
import { INTEGRATION_USERNAME, MAIN_ADMIN_USERNAME, generateTenant } from "./generate-tenant";

const anchorMs = Date.UTC(2026, 5, 1);
const tenant = (seed: number, users: number) =>
  generateTenant({ seed, users, licenseTypes: DEFAULT_LICENSE_TYPES, anchorMs });

describe("seeded tenant", () => {
  const big = tenant(7, 20_000);

  it("is identical for the same seed and different for another", () => {
    expect(tenant(7, 20_000)).toEqual(big);
    expect(tenant(8, 300).users.map((u) => u.ID)).not.toEqual(tenant(7, 300).users.map((u) => u.ID));
  });

  it("puts the main admin first and the integration user second, both System Administrators", () => {
    const [admin, integration] = big.users;
    expect(admin?.ID).toBe(big.adminUserID);
    expect(big.customer.adminUserID).toBe(admin?.ID);
    expect(admin?.username).toBe(MAIN_ADMIN_USERNAME);
    expect(integration).toMatchObject({
      ID: big.integrationUserID,
      username: INTEGRATION_USERNAME,
      name: "Workfront Integration",
      isActive: true,
    });
    const sysAdmin = big.accessLevels.find((level) => level.name === "System Administrator");
    expect(sysAdmin?.isAdmin).toBe(true);
    expect([admin?.accessLevelID, integration?.accessLevelID]).toEqual([sysAdmin?.ID, sysAdmin?.ID]);
    expect(tenant(99, 10).users[1]?.username).toBe(INTEGRATION_USERNAME);
  });

  it("has unique 32-hex IDs and unique ASCII emails equal to usernames", () => {
    expect(new Set(big.users.map((u) => u.ID)).size).toBe(big.users.length);
    expect(big.users.every((u) => /^[0-9a-f]{32}$/.test(u.ID))).toBe(true);
    expect(new Set(big.users.map((u) => u.emailAddr)).size).toBe(big.users.length);
    expect(
      big.users.every((u) => u.username === u.emailAddr && /^[a-z0-9.-]+@[a-z0-9.-]+$/.test(u.emailAddr)),
    ).toBe(true);
  });

  it("deactivated about 12%, with a deactivation date, and about 5% never logged in", () => {
    const inactive = big.users.filter((u) => !u.isActive);
    expect(inactive.length / big.users.length).toBeGreaterThan(0.1);
    expect(inactive.length / big.users.length).toBeLessThan(0.14);
    expect(
      inactive.every((u) => u.actualDeactivationDate !== null && u.actualDeactivationDate <= anchorMs),
    ).toBe(true);
    expect(big.users.filter((u) => u.isActive).every((u) => u.actualDeactivationDate === null)).toBe(true);
    const never = big.users.filter((u) => u.lastLoginDate === null).length / big.users.length;
    expect(never).toBeGreaterThan(0.035);
    expect(never).toBeLessThan(0.065);
    expect(
      big.users.some(
        (u) => u.isActive && u.scheduleDeactivationDate !== null && u.scheduleDeactivationDate > anchorMs,
      ),
    ).toBe(true);
  });

  it("spreads last logins over about three years, never in the future", () => {
    const logins = big.users.flatMap((u) => (u.lastLoginDate === null ? [] : [u.lastLoginDate]));
    expect(Math.max(...logins)).toBeLessThanOrEqual(anchorMs);
    const threeYearsAgo = anchorMs - 3 * 365 * 86_400_000;
    expect(logins.filter((ms) => ms < threeYearsAgo + 180 * 86_400_000).length).toBeGreaterThan(100);
  });

  it("draws names from many locales", () => {
    const names = big.users.map((u) => u.name).join("\n");
    for (const pattern of [
      /[äöü]/,
      /ß/,
      /[éèçñ]/,
      /O'[A-Z]/,
      /\p{L}-\p{L}/u,
      /\p{Script=Han}/u,
      /\p{Script=Hiragana}|佐藤/u,
    ]) {
      expect(names).toMatch(pattern);
    }
  });

  it("gives every user an existing access level, home group and licence type", () => {
    const levels = new Map(big.accessLevels.map((level) => [level.ID, level]));
    const groups = new Set(big.groups.map((group) => group.ID));
    const users = new Set(big.users.map((u) => u.ID));
    const broken = big.users.filter(
      (u) =>
        levels.get(u.accessLevelID)?.licenseType !== u.licenseType ||
        !groups.has(u.homeGroupID) ||
        (u.managerID !== null && !users.has(u.managerID)),
    );
    expect(broken).toEqual([]);
    expect(new Set(big.users.map((u) => u.licenseType))).toEqual(new Set(["FULL", "LIMITED", "REQUESTOR"]));
  });

  it("maps access levels onto a custom licence list", () => {
    const custom = generateTenant({
      seed: 1,
      users: 50,
      anchorMs,
      licenseTypes: [{ value: "PLAN", label: "Planner" }],
    });
    expect(new Set(custom.users.map((u) => u.licenseType))).toEqual(new Set(["PLAN"]));
  });
});

describe("asciiFold", () => {
  it("folds accents, special letters and apostrophes for email local parts", () => {
    expect(asciiFold("Müller-Lüdenscheidt")).toBe("muller-ludenscheidt");
    expect(asciiFold("Strauß")).toBe("strauss");
    expect(asciiFold("O'Brien")).toBe("obrien");
    expect(asciiFold("Øvergaard")).toBe("overgaard");
    expect(asciiFold("de la Fontaine")).toBe("delafontaine");
  });
});
