import { describe, expect, it } from "vitest";
import { workfrontUser } from "@/lib/workfront/test-user";
import { refusalOf, snapshotOf } from "./change-status";

/** The pure parts of a status change for a user Workfront gives no access level or home group. */
const bare = workfrontUser("b".repeat(32), { name: "No Access" });
const facts = { integrationUserId: "i".repeat(32), mainAdminId: "m".repeat(32), licenseLabels: new Map<string, string>() };

describe("a user without an access level", () => {
  it("is snapshotted with nulls", () => {
    expect(snapshotOf(bare)).toEqual({ accessLevelId: null, accessLevelName: null, licenseType: null, homeGroupId: null, homeGroupName: null });
  });

  it("is not refused as a System Administrator, singly or in a bulk run", () => {
    expect(refusalOf({ protectedUsers: [] }, bare, { action: "deactivate", actor: { role: "operator" } }, facts)).toBe(null);
    expect(refusalOf({ protectedUsers: [] }, bare, { action: "deactivate", actor: { role: "admin" }, bulk: { includeAdmins: false } }, facts)).toBe(null);
  });
});
