import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import type { WorkfrontClient } from "@/lib/workfront";
import { clientFor, control, startTestEmulator, stats } from "@/lib/workfront/test-support";
import { checkPeople } from "./check-people";
import { checkPerson } from "./check-person";

let emulator: RunningEmulator;
let client: WorkfrontClient;

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 400 });
  client = clientFor(emulator);
});
afterAll(() => emulator.close());
beforeEach(() => control(emulator, "POST", "reset"));

/** Active, non-admin people, in ID order. */
async function people(count: number): Promise<string[]> {
  const users = await client.searchUsers({
    filters: [
      { field: "isActive", value: true },
      { field: "accessLevel:isAdmin", value: false },
    ],
    sort: [{ field: "ID", direction: "asc" }],
    limit: count,
  });
  return users.map((user) => user.id);
}

/** A person who is the only approver of a stage with an approval awaiting them. */
async function soleApproverAwaited(): Promise<string> {
  const stages = await client.searchWork("SPAPVR", { fields: ["approvalStepID", "userID"], limit: 2000 });
  const perStep = new Map<string, string[]>();
  for (const row of stages) {
    const step = String(row.values.approvalStepID);
    perStep.set(step, [...(perStep.get(step) ?? []), String(row.values.userID)]);
  }
  const sole = new Set([...perStep.values()].filter((users) => users.length === 1).map((users) => users[0]!));
  const awaiting = await client.searchWork("AWAPVL", { fields: ["approverID"], limit: 2000 });
  const approver = awaiting.map((row) => String(row.values.approverID)).find((id) => sole.has(id));
  if (!approver) throw new Error("the seed has no sole approver with an approval awaiting");
  return approver;
}

describe("the impact check for one person", () => {
  it("lists open task assignments through ASSGN, primary and secondary alike, with links to the tasks", async () => {
    const open = await client.searchWork("ASSGN", {
      fields: ["assignedToID", "isPrimary", "taskID"],
      filters: [
        { field: "task:percentComplete", op: "lt", value: 100 },
        { field: "isPrimary", value: false },
      ],
      limit: 1,
    });
    const holder = String(open[0]!.values.assignedToID);
    const impact = await checkPerson(client, holder);
    const tasks = impact.categories.find((c) => c.key === "taskAssignments")!;
    const expected = await client.searchWork("ASSGN", {
      filters: [
        { field: "assignedToID", value: holder },
        { field: "task:percentComplete", op: "lt", value: 100 },
      ],
      limit: 2000,
    });
    expect(tasks.count).toBe(expected.length);
    expect(tasks.items.map((item) => item.id)).toContain(open[0]!.id);
    expect(tasks.items.find((item) => item.id === open[0]!.id)?.link).toEqual({
      page: "task",
      id: open[0]!.values.taskID,
    });
    expect(impact.total).toBe(impact.categories.reduce((sum, c) => sum + c.count, 0));
  });

  it("leaves out issues closed with a custom status (actualCompletionDate set)", async () => {
    const [resolved] = await client.searchWork("OPTASK", {
      fields: ["ownerID"],
      filters: [{ field: "status", value: "RSV" }],
      limit: 1,
    });
    const impact = await checkPerson(client, String(resolved!.values.ownerID));
    const owned = impact.categories.find((c) => c.key === "issuesOwned")!;
    expect(owned.items.map((item) => item.id)).not.toContain(resolved!.id);
  });

  it("blocks on approvals awaiting them and stages where they are the only approver", async () => {
    const approver = await soleApproverAwaited();
    const impact = await checkPerson(client, approver);
    const awaiting = impact.categories.find((c) => c.key === "approvalsAwaiting")!;
    const stages = impact.categories.find((c) => c.key === "approvalStages")!;
    expect(awaiting.count).toBeGreaterThan(0);
    expect(awaiting.blocking).toBe(awaiting.count);
    expect(stages.items.some((item) => item.soleApprover)).toBe(true);
    expect(impact.blocking).toBe(awaiting.count + stages.items.filter((item) => item.soleApprover).length);
    expect(awaiting.reassignable).toBe(false);
  });
});

describe("the impact check for many people", () => {
  it("gives each person the counts of the single check, in a handful of requests", async () => {
    const ids = [...(await people(300)), await soleApproverAwaited()];
    await control(emulator, "POST", "stats/reset");
    const many = await checkPeople(client, ids);
    const requests = (await stats(emulator)).total;
    expect(requests).toBeLessThanOrEqual(16);
    for (const id of ids.slice(0, 8).concat(ids.at(-1)!)) {
      const one = await checkPerson(client, id);
      const counts = many.get(id)!;
      for (const category of one.categories) expect(counts.counts[category.key] ?? 0).toBe(category.count);
      expect(counts.total).toBe(one.total);
      expect(counts.blocking).toBe(one.blocking);
    }
    expect(many.get(ids.at(-1)!)!.blocking).toBeGreaterThan(0);
  });
});
