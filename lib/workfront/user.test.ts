import { describe, expect, it } from "vitest";
import { userSchema } from "./user";

describe("userSchema", () => {
  it("turns Workfront's USER into ours: absent fields null, dates ISO in UTC, references by ID", () => {
    const user = userSchema.parse({
      ID: "a".repeat(32),
      firstName: "Ada",
      lastName: "Lovelace",
      isActive: false,
      accessLevelID: "b".repeat(32),
      accessLevel: { ID: "b".repeat(32), name: "Planner", isAdmin: false },
      homeGroupID: "c".repeat(32),
      lastLoginDate: "2024-01-31T10:00:00:000-0700",
      actualDeactivationDate: "not a date",
      somethingElse: 42,
    });
    expect(user).toEqual({
      id: "a".repeat(32),
      name: "Ada Lovelace",
      firstName: "Ada",
      lastName: "Lovelace",
      email: null,
      username: null,
      title: null,
      isActive: false,
      licenseType: null,
      accessLevel: { id: "b".repeat(32), name: "Planner", isAdmin: false },
      homeGroup: { id: "c".repeat(32), name: null },
      company: null,
      managerId: null,
      createdAt: null,
      updatedAt: null,
      lastLoginAt: "2024-01-31T17:00:00.000Z",
      scheduledDeactivationAt: null,
      deactivatedAt: null,
    });
  });

  it("keeps Workfront's name when it sends one, else falls back to the parts, else the ID", () => {
    const base = { ID: "a".repeat(32), isActive: true };
    expect(userSchema.parse({ ...base, name: "Countess", firstName: "Ada" }).name).toBe("Countess");
    expect(userSchema.parse({ ...base, lastName: "Lovelace" }).name).toBe("Lovelace");
    expect(userSchema.parse(base).name).toBe("a".repeat(32));
  });

  it("refuses what is not a user", () => {
    expect(userSchema.safeParse({ ID: "a".repeat(32) }).success).toBe(false);
    expect(userSchema.safeParse({ ID: "a".repeat(32), isActive: true, emailAddr: 7 }).success).toBe(false);
  });
});
