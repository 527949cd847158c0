import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../index";
import { V21, call, control, form, ordinaryUsers, startTestEmulator } from "./http-helpers";

/** The work a leaver may hold (workfront-api.md §12): seeded, searched, reported and reassigned. */
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 400 });
});
afterAll(() => emulator.close());
beforeEach(() => control(emulator, "POST", "reset"));

const json = (body: unknown): RequestInit => ({
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const OPEN_ASSIGNMENTS = "task:percentComplete=100&task:percentComplete_Mod=lt";
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const data = async (path: string, init?: RequestInit): Promise<any> => {
  const answer = await call(emulator, `${V21}/${path}`, init);
  if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.text}`);
  return answer.body.data;
};

describe("the seeded work", () => {
  it("gives a realistic share of active people open task assignments, with primary and secondary assignees", async () => {
    const active = await ordinaryUsers(emulator, 200);
    const ids = active.map((user) => user.ID);
    const assignments: { assignedToID: string; isPrimary: boolean }[] = await data(
      `assgn/search?${OPEN_ASSIGNMENTS}&$$LIMIT=2000&fields=assignedToID,isPrimary`,
    );
    const holders = new Set(assignments.map((a) => a.assignedToID).filter((id) => ids.includes(id)));
    expect(holders.size / ids.length).toBeGreaterThan(0.2);
    expect(holders.size / ids.length).toBeLessThan(0.9);
    expect(assignments.some((a) => a.isPrimary)).toBe(true);
    expect(assignments.some((a) => !a.isPrimary)).toBe(true);
  });

  it("closes issues with a custom status that sets the actual completion date", async () => {
    const resolved = await data("optask/search?status=RSV&fields=actualCompletionDate,status");
    expect(resolved.length).toBeGreaterThan(0);
    for (const issue of resolved) expect(issue.actualCompletionDate).not.toBeNull();
    const open = await data("optask/count?actualCompletionDate_Mod=isnull&actualCompletionDate=");
    const all = await data("optask/count");
    expect(open.count).toBeGreaterThan(0);
    expect(open.count).toBeLessThan(all.count);
  });

  it("has sole approvers with approvals awaiting them, timesheet approvers and reports run as someone", async () => {
    const stages: { approvalStepID: string; userID: string }[] = await data(
      "spapvr/search?$$LIMIT=2000&fields=approvalStepID,userID",
    );
    const perStep = new Map<string, string[]>();
    for (const s of stages)
      perStep.set(s.approvalStepID, [...(perStep.get(s.approvalStepID) ?? []), s.userID]);
    const sole = [...perStep.values()].filter((users) => users.length === 1).map((users) => users[0]!);
    const awaiting: { approverID: string }[] = await data("awapvl/search?$$LIMIT=2000&fields=approverID");
    expect(awaiting.some((a) => sole.includes(a.approverID))).toBe(true);
    expect((await data("tshet/count?approverID_Mod=notnull&approverID=")).count).toBeGreaterThan(0);
    expect((await data("ptlsec/count?runAsUserID_Mod=notnull&runAsUserID=")).count).toBeGreaterThan(0);
    expect((await data("docu/count?checkedOutByID_Mod=notnull&checkedOutByID=")).count).toBeGreaterThan(0);
  });
});

describe("reports", () => {
  it("count each person's open assignments in one grouped request over an in-list, as a search counts them", async () => {
    const people = (await ordinaryUsers(emulator, 60)).map((user) => user.ID);
    const inList = people.map((id) => `assignedToID=${id}`).join("&");
    const report = await data(
      `assgn/report?assignedTo:ID_1_GroupBy=true&${inList}&assignedToID_Mod=in&${OPEN_ASSIGNMENTS}&ID_AggFunc=dcount&$$ROLLUP=true`,
    );
    let total = 0;
    for (const id of people) {
      const count = (await data(`assgn/count?assignedToID=${id}&${OPEN_ASSIGNMENTS}`)).count as number;
      expect(report[id]?.dcount_ID ?? 0).toBe(count);
      total += count;
    }
    expect(report.$$ROLLUP.dcount_ID).toBe(total);
    expect(
      Object.keys(report)
        .filter((key) => key !== "$$ROLLUP")
        .every((key) => people.includes(key)),
    ).toBe(true);
  });

  it("take a long filter in a POST form body with method=GET", async () => {
    const people = (await ordinaryUsers(emulator, 300)).map((user) => user.ID);
    const entries: [string, string][] = [
      ["method", "GET"],
      ["owner:ID_1_GroupBy", "true"],
      ["ID_AggFunc", "count"],
    ];
    for (const id of people) entries.push(["ownerID", id]);
    entries.push(["ownerID_Mod", "in"]);
    const answer = await call(emulator, `${V21}/proj/report`, { method: "POST", ...form(entries) });
    expect(answer.status).toBe(200);
    const summed = Object.values(answer.body.data as Record<string, { count_ID: number }>).reduce(
      (n, g) => n + g.count_ID,
      0,
    );
    const countEntries = entries.filter(([key]) => key.startsWith("ownerID") || key === "method");
    const counted = await call(emulator, `${V21}/proj/count`, { method: "POST", ...form(countEntries) });
    expect(summed).toBe(counted.body.data.count);
    expect(summed).toBeGreaterThan(0);
  });

  it("refuse a report with no aggregate and an unknown group field", async () => {
    expect((await call(emulator, `${V21}/assgn/report?assignedTo:ID_1_GroupBy=true`)).status).toBe(400);
    const unknown = await call(emulator, `${V21}/assgn/report?bogus_1_GroupBy=true&ID_AggFunc=count`);
    expect(unknown.body.error.message).toContain("does not support field bogus");
  });
});

describe("reassigning", () => {
  it("changes one assignee on the ASSGN object; a primary assignment moves the task's assignedToID with it", async () => {
    const [primary] = await data(
      `assgn/search?isPrimary=true&taskID_Mod=notnull&taskID=&${OPEN_ASSIGNMENTS}&$$LIMIT=1&fields=taskID,assignedToID`,
    );
    const [successor] = await ordinaryUsers(emulator, 1);
    const updated = await data(`assgn/${primary.ID}?fields=assignedToID`, {
      method: "PUT",
      ...json({ assignedToID: successor!.ID }),
    });
    expect(updated.assignedToID).toBe(successor!.ID);
    const task = await data(`task/${primary.taskID}?fields=assignedToID`);
    expect(task.assignedToID).toBe(successor!.ID);
  });

  it("refuses an unknown successor and changes nothing; a deactivated one only with refuseInactiveAssignee", async () => {
    const [assignment] = await data(`assgn/search?${OPEN_ASSIGNMENTS}&$$LIMIT=1&fields=assignedToID`);
    const [inactive] = await ordinaryUsers(emulator, 1, false);
    await control(emulator, "PATCH", "config", { refuseInactiveAssignee: true });
    try {
      const refused = await call(emulator, `${V21}/assgn/${assignment.ID}`, {
        method: "PUT",
        ...json({ assignedToID: inactive!.ID }),
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.class).toBe("com.attask.common.ValidationException");
    } finally {
      await control(emulator, "PATCH", "config", { refuseInactiveAssignee: false });
    }
    const unknown = await call(emulator, `${V21}/assgn/${assignment.ID}`, {
      method: "PUT",
      ...json({ assignedToID: "f".repeat(32) }),
    });
    expect(unknown.status).toBe(404);
    expect((await data(`assgn/${assignment.ID}?fields=assignedToID`)).assignedToID).toBe(
      assignment.assignedToID,
    );
    // Off (the default): how Workfront answers is undocumented, so the edit follows the generic rules.
    const accepted = await data(`assgn/${assignment.ID}?fields=assignedToID`, {
      method: "PUT",
      ...json({ assignedToID: inactive!.ID }),
    });
    expect(accepted.assignedToID).toBe(inactive!.ID);
  });

  it("bulk-edits owners (at most 100) and refuses fields that are not a person", async () => {
    const projects = await data("proj/search?$$LIMIT=3&ID_Sort=asc&fields=ownerID");
    const [successor] = await ordinaryUsers(emulator, 1);
    const updates = projects.map((p: { ID: string }) => ({ ID: p.ID, ownerID: successor!.ID }));
    const answer = await data("proj?fields=ownerID", { method: "PUT", ...json(updates) });
    expect(answer.map((p: { ownerID: string }) => p.ownerID)).toEqual([
      successor!.ID,
      successor!.ID,
      successor!.ID,
    ]);
    const tooMany = Array.from({ length: 101 }, () => updates[0]);
    expect((await call(emulator, `${V21}/proj`, { method: "PUT", ...json(tooMany) })).status).toBe(400);
    const status = await call(emulator, `${V21}/proj/${projects[0].ID}`, {
      method: "PUT",
      ...json({ status: "CPL" }),
    });
    expect(status.body.error.message).toContain("cannot be edited");
  });

  it.each([
    ["awapvl", "approverID", "readOnlyApprovers"],
    ["docu", "checkedOutByID", "readOnlyCheckouts"],
  ] as const)("edits %s %s by the generic rules, and refuses it with %s", async (obj, field, option) => {
    const [row] = await data(`${obj}/search?${field}_Mod=notnull&${field}=&$$LIMIT=1&fields=${field}`);
    const [successor] = await ordinaryUsers(emulator, 1);
    await control(emulator, "PATCH", "config", { [option]: true });
    try {
      const refused = await call(emulator, `${V21}/${obj}/${row.ID}`, { method: "PUT", ...json({ [field]: successor!.ID }) });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain("cannot be edited");
      expect((await data(`${obj}/${row.ID}?fields=${field}`))[field]).toBe(row[field]);
    } finally {
      await control(emulator, "PATCH", "config", { [option]: false });
    }
    const edited = await data(`${obj}/${row.ID}?fields=${field}`, { method: "PUT", ...json({ [field]: successor!.ID }) });
    expect(edited[field]).toBe(successor!.ID);
  });
});
