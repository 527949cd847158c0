import { expect, it } from "vitest";
import { indexedUsers, userIndexState } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { toRow } from "@/lib/user-index";
import type { WorkfrontClient, WorkfrontUser } from "@/lib/workfront";
import { wfId, workfrontUser } from "@/lib/workfront/test-user";
import { resolveSelection, resolveSelectionSchema } from "./resolve-selection";

/** "Select all matching" from the users index: Workfront is not asked while there is an index. */
const tenant = "https://acme.my.workfront.com";
const notAsked = async () => Promise.reject(new Error("Workfront should not be asked while there is an index"));
const client = { apiBase: `${tenant}/attask/api/v20.0`, searchUsers: notAsked, countUsers: notAsked, getUser: notAsked } as unknown as WorkfrontClient;

const person = (n: number, accessLevel: WorkfrontUser["accessLevel"]): WorkfrontUser =>
  workfrontUser(wfId(n), { name: `Person ${n}`, email: `person${n}@acme.example`, licenseType: "FULL", accessLevel });

withTestDatabase("resolveSelection from the index", ({ db }) => {
  it("answers everyone the filter matches from the index, System Administrators marked", async () => {
    const users = [person(1, { id: "al-admin", name: "System Administrator", isAdmin: true }), person(2, { id: "al-plan", name: "Planner", isAdmin: false }), person(3, null)];
    await db().insert(userIndexState).values({ tenant, run: 1, builtAt: new Date("2026-12-01T00:00:00Z"), version: 1 });
    await db().insert(indexedUsers).values(users.map((user) => toRow(tenant, user, 1)));

    const resolved = await resolveSelection({ db: db(), client }, resolveSelectionSchema.parse({}));
    expect(resolved).toEqual({
      total: 3,
      complete: true,
      limit: 10_000,
      users: [
        { id: users[0]!.id, name: "Person 1", email: "person1@acme.example", isActive: true, licenseType: "FULL", isAdmin: true },
        { id: users[1]!.id, name: "Person 2", email: "person2@acme.example", isActive: true, licenseType: "FULL", isAdmin: false },
        { id: users[2]!.id, name: "Person 3", email: "person3@acme.example", isActive: true, licenseType: "FULL", isAdmin: false },
      ],
    });
  });
});
