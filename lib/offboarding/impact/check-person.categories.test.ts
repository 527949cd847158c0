import { describe, expect, it } from "vitest";
import { WorkfrontError } from "@/lib/workfront";
import { type WorkRow, fakeWork, ids } from "../test-impact-workfront";
import { ITEMS_PER_CATEGORY, checkPerson, isAnswerRefusal } from "./check-person";
import { IMPACT_CATEGORIES, type ImpactCategory } from "./types";

/**
 * The impact check for one person against an in-memory Workfront: what each category lists, how
 * a cut list is counted, which stages the person approves alone, and what happens when Workfront
 * refuses a question or cannot be reached.
 */
const LEAVER = "aaaa0000000000000000000000000001";
const OTHER = "bbbb0000000000000000000000000002";

const REASSIGNABLE: Record<string, boolean> = Object.fromEntries(
  IMPACT_CATEGORIES.map((key) => [key, key !== "approvalsAwaiting" && key !== "documentsCheckedOut"]),
);

const empty = (key: ImpactCategory["key"]): ImpactCategory => ({
  key,
  count: 0,
  items: [],
  blocking: 0,
  reassignable: REASSIGNABLE[key]!,
});

function holdings(): Parameters<typeof fakeWork>[0] {
  return {
    AWAPVL: [
      { id: "aw1", values: { approverID: LEAVER, projectID: "p1", "project:name": "Launch" } },
      { id: "aw2", values: { approverID: LEAVER, projectID: "p2", "project:name": "Rebrand" } },
      { id: "aw3", values: { approverID: OTHER, projectID: "p3", "project:name": "Other's" } },
    ],
    SPAPVR: [
      // step-a: the leaver alone; step-b: the leaver and someone else; one row lost its stage.
      { id: "sp1", values: { userID: LEAVER, approvalStepID: "step-a" } },
      { id: "sp2", values: { userID: LEAVER, approvalStepID: "step-b" } },
      { id: "sp3", values: { userID: OTHER, approvalStepID: "step-b" } },
      { id: "sp4", values: { userID: LEAVER, approvalStepID: null } },
    ],
    ASSGN: [
      {
        id: "as1",
        values: { assignedToID: LEAVER, isPrimary: true, taskID: "t1", "task:name": "Write copy", "task:percentComplete": 50, opTaskID: null },
      },
      // Done: not open.
      {
        id: "as2",
        values: { assignedToID: LEAVER, isPrimary: true, taskID: "t2", "task:name": "Done", "task:percentComplete": 100, opTaskID: null },
      },
      // Open, but Workfront sent neither the task's ID nor its name.
      { id: "as3", values: { assignedToID: LEAVER, isPrimary: false, "task:percentComplete": 10, opTaskID: null } },
      {
        id: "as4",
        values: {
          assignedToID: LEAVER,
          isPrimary: false,
          opTaskID: "o1",
          "opTask:name": "Broken login",
          "opTask:actualCompletionDate": null,
        },
      },
    ],
    PROJ: [{ id: "pr1", values: { ownerID: LEAVER, sponsorID: OTHER, name: "Website", percentComplete: 20 } }],
    TSPRO: [{ id: "tp1", values: { approverID: LEAVER, name: "Weekly" } }],
  };
}

describe("checkPerson", () => {
  it("lists each category's open items with labels and links, and blocks on awaited approvals and sole-approver stages", async () => {
    const fake = fakeWork(holdings());
    const impact = await checkPerson(fake.client, LEAVER);

    const expected: ImpactCategory[] = IMPACT_CATEGORIES.map(empty);
    const set = (category: ImpactCategory) => expected.splice(IMPACT_CATEGORIES.indexOf(category.key), 1, category);
    set({
      key: "approvalsAwaiting",
      count: 2,
      items: [
        { id: "aw1", label: "Launch", link: { page: "project", id: "p1" } },
        { id: "aw2", label: "Rebrand", link: { page: "project", id: "p2" } },
      ],
      blocking: 2,
      reassignable: false,
    });
    set({
      key: "approvalStages",
      count: 3,
      items: [
        { id: "sp1", label: "step-a", link: null, soleApprover: true },
        { id: "sp2", label: "step-b", link: null, soleApprover: false },
        { id: "sp4", label: "", link: null, soleApprover: false },
      ],
      blocking: 1,
      reassignable: true,
    });
    set({
      key: "taskAssignments",
      count: 2,
      items: [
        { id: "as1", label: "Write copy", link: { page: "task", id: "t1" } },
        { id: "as3", label: null, link: null },
      ],
      blocking: 0,
      reassignable: true,
    });
    set({
      key: "issueAssignments",
      count: 1,
      items: [{ id: "as4", label: "Broken login", link: { page: "issue", id: "o1" } }],
      blocking: 0,
      reassignable: true,
    });
    set({
      key: "projectsOwned",
      count: 1,
      items: [{ id: "pr1", label: "Website", link: { page: "project", id: "pr1" } }],
      blocking: 0,
      reassignable: true,
    });
    set({
      key: "timesheetProfiles",
      count: 1,
      items: [{ id: "tp1", label: "Weekly", link: null }],
      blocking: 0,
      reassignable: true,
    });

    expect(impact).toEqual({ userId: LEAVER, categories: expected, total: 10, blocking: 3, checkedAt: expect.any(String) });
    // Lists were complete: nothing to count.
    expect(fake.counts()).toEqual([]);
  });

  it("asks each category for its first items in ID order, filtered to the person and to open work", async () => {
    const fake = fakeWork(holdings());
    await checkPerson(fake.client, LEAVER);
    expect(fake.searches("TSPRO").map((call) => call.query)).toEqual([
      {
        fields: ["name"],
        filters: [{ field: "approverID", value: LEAVER }],
        sort: [{ field: "ID", direction: "asc" }],
        limit: ITEMS_PER_CATEGORY,
      },
    ]);
    expect(fake.searches("PROJ").map((call) => call.query.filters)).toEqual([
      [
        { field: "percentComplete", op: "lt", value: 100 },
        { field: "ownerID", value: LEAVER },
      ],
      [
        { field: "percentComplete", op: "lt", value: 100 },
        { field: "sponsorID", value: LEAVER },
      ],
    ]);
  });

  it("counts a list cut at ITEMS_PER_CATEGORY with one grouped count, listing the first items by ID", async () => {
    // 250 open task assignments, stored in descending ID order.
    const assignments: WorkRow[] = ids("c0", 250)
      .reverse()
      .map((id, i) => ({ id, values: { assignedToID: LEAVER, taskID: `t${i}`, "task:name": `Task ${i}`, "task:percentComplete": 0 } }));
    const fake = fakeWork({ ASSGN: assignments });
    const impact = await checkPerson(fake.client, LEAVER);
    const tasks = impact.categories.find((category) => category.key === "taskAssignments")!;
    expect(tasks.count).toBe(250);
    expect(tasks.items.map((item) => item.id)).toEqual(ids("c0", 200));
    expect(impact.total).toBe(250);
    expect(fake.counts().map((call) => [call.objCode, call.spec])).toEqual([
      [
        "ASSGN",
        {
          groupBy: "assignedTo:ID",
          field: "assignedToID",
          ids: [LEAVER],
          filters: [{ field: "task:percentComplete", op: "lt", value: 100 }],
        },
      ],
    ]);
  });

  it("asks for no count when the list is one short of the cut", async () => {
    const assignments: WorkRow[] = ids("c0", ITEMS_PER_CATEGORY - 1).map((id) => ({
      id,
      values: { assignedToID: LEAVER, taskID: "t", "task:name": "Task", "task:percentComplete": 0 },
    }));
    const fake = fakeWork({ ASSGN: assignments });
    const impact = await checkPerson(fake.client, LEAVER);
    expect(impact.categories.find((category) => category.key === "taskAssignments")!.count).toBe(199);
    expect(fake.counts()).toEqual([]);
  });

  it("marks a category Workfront refuses to answer as unavailable, not zero, and answers the rest", async () => {
    const fake = fakeWork(holdings(), {
      fail: { TSPRO: new WorkfrontError("validation", "APIModel V21_0 does not support field approverID (TSPRO)") },
    });
    const impact = await checkPerson(fake.client, LEAVER);
    expect(impact.categories.find((category) => category.key === "timesheetProfiles")).toEqual({
      key: "timesheetProfiles",
      count: 0,
      items: [],
      blocking: 0,
      reassignable: true,
      unavailable: true,
    });
    expect(impact.total).toBe(9);
    expect(impact.blocking).toBe(3);
  });

  it("fails the whole check when Workfront is unavailable or the credential is refused", async () => {
    const down = new WorkfrontError("unavailable", "Workfront answered 503");
    await expect(checkPerson(fakeWork(holdings(), { fail: { PROJ: down } }).client, LEAVER)).rejects.toBe(down);
    const refused = new WorkfrontError("auth", "The credential was refused");
    await expect(checkPerson(fakeWork(holdings(), { fail: { TSPRO: refused } }).client, LEAVER)).rejects.toBe(refused);
  });
});

describe("isAnswerRefusal", () => {
  it("is true for Workfront's refusals of the question", () => {
    expect(["validation", "not_found", "forbidden"].map((code) => isAnswerRefusal(new WorkfrontError(code as "validation", "no")))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it("is false for lost connections, credentials and errors that are not Workfront's", () => {
    const codes = ["auth", "not_connected", "unavailable", "timeout", "throttled"] as const;
    expect(codes.map((code) => isAnswerRefusal(new WorkfrontError(code, "no")))).toEqual([false, false, false, false, false]);
    expect(isAnswerRefusal({ code: "validation", message: "a database's own validation error" })).toBe(false);
    expect(isAnswerRefusal(Object.assign(new Error("zod"), { code: "not_found" }))).toBe(false);
  });
});
