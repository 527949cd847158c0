import { describe, expect, it } from "vitest";
import { WorkfrontError } from "@/lib/workfront";
import { type WorkRow, fakeWork, ids } from "../test-impact-workfront";
import { checkPeople } from "./check-people";
import { IMPACT_CATEGORIES, type ImpactCategoryKey, type ImpactCounts } from "./types";

/**
 * The batched impact check against an in-memory Workfront: each person's counts, what blocks
 * (approvals awaiting them, stages they approve alone), and one report per category per 1,000 people.
 */
const A = "aaaa0000000000000000000000000001";
const B = "bbbb0000000000000000000000000002";
const C = "cccc0000000000000000000000000003";

/** Every category counted, zero unless given. */
const counts = (some: Partial<Record<ImpactCategoryKey, number>> = {}) =>
  Object.fromEntries(IMPACT_CATEGORIES.map((key) => [key, some[key] ?? 0]));

const openTask = (id: string, person: string): WorkRow => ({
  id,
  values: { assignedToID: person, "task:percentComplete": 0, opTaskID: null },
});

describe("checkPeople", () => {
  it("counts each person's work; awaited approvals and stages they approve alone block, shared stages do not", async () => {
    const fake = fakeWork({
      AWAPVL: [
        { id: "aw1", values: { approverID: A } },
        { id: "aw2", values: { approverID: A } },
      ],
      SPAPVR: [
        { id: "sp1", values: { userID: A, approvalStepID: "st-alone" } },
        { id: "sp2", values: { userID: A, approvalStepID: "st-shared" } },
        { id: "sp3", values: { userID: B, approvalStepID: "st-shared" } },
      ],
      ASSGN: [openTask("as1", A)],
    });
    const result = await checkPeople(fake.client, [A, B, C, A]);
    expect(result).toEqual(
      new Map<string, ImpactCounts>([
        [
          A,
          {
            counts: counts({ approvalsAwaiting: 2, approvalStages: 2, taskAssignments: 1 }),
            total: 5,
            blocking: 3,
            blockingBy: { approvalsAwaiting: 2, approvalStages: 1 },
            unavailable: [],
          },
        ],
        [B, { counts: counts({ approvalStages: 1 }), total: 1, blocking: 0, blockingBy: {}, unavailable: [] }],
        [C, { counts: counts(), total: 0, blocking: 0, blockingBy: {}, unavailable: [] }],
      ]),
    );
  });

  it("sends one report per category for 1,000 people", async () => {
    const people = ids("ab", 1000);
    const fake = fakeWork({ ASSGN: [openTask("as1", people[999]!)] });
    const result = await checkPeople(fake.client, people);
    expect(fake.counts().map((call) => call.spec.ids.length)).toEqual(IMPACT_CATEGORIES.map(() => 1000));
    expect(result.get(people[999]!)?.total).toBe(1);
  });

  it("splits 1,001 people into reports of 1,000 and 1, counting each person once", async () => {
    const people = ids("ab", 1001);
    const fake = fakeWork({ ASSGN: [openTask("as1", people[0]!), openTask("as2", people[1000]!)] });
    const result = await checkPeople(fake.client, people);
    expect(fake.counts("AWAPVL").map((call) => call.spec.ids)).toEqual([people.slice(0, 1000), people.slice(1000)]);
    expect([result.get(people[0]!)?.total, result.get(people[1000]!)?.total, result.get(people[500]!)?.total]).toEqual([1, 1, 0]);
  });

  it("ignores a count for someone it did not ask about", async () => {
    const fake = fakeWork(
      {},
      { countAnswer: (objCode, asked) => (objCode === "PROJ" ? new Map([...asked.map((id): [string, number] => [id, 1]), [C, 4]]) : undefined) },
    );
    const result = await checkPeople(fake.client, [A]);
    expect([...result.keys()]).toEqual([A]);
    expect(result.get(A)).toEqual({
      counts: counts({ projectsOwned: 1, projectsSponsored: 1 }),
      total: 2,
      blocking: 0,
      blockingBy: {},
      unavailable: [],
    });
  });

  it("leaves stages unknown for everyone when Workfront refuses to count them, without asking who approves alone", async () => {
    const refusal = new WorkfrontError("validation", "APIModel V21_0 does not support field userID (SPAPVR)");
    const fake = fakeWork({ AWAPVL: [{ id: "aw1", values: { approverID: A } }] }, { fail: { SPAPVR: refusal } });
    const result = await checkPeople(fake.client, [A, B]);
    const withoutStages = (some: Partial<Record<ImpactCategoryKey, number>>) => {
      const all = counts(some);
      delete all.approvalStages;
      return all;
    };
    expect(result).toEqual(
      new Map<string, ImpactCounts>([
        [A, { counts: withoutStages({ approvalsAwaiting: 1 }), total: 1, blocking: 1, blockingBy: { approvalsAwaiting: 1 }, unavailable: ["approvalStages"] }],
        [B, { counts: withoutStages({}), total: 0, blocking: 0, blockingBy: {}, unavailable: ["approvalStages"] }],
      ]),
    );
  });
});
