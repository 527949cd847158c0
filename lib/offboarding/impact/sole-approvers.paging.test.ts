import { describe, expect, it } from "vitest";
import type { WorkItem, WorkfrontClient } from "@/lib/workfront";
import { type WorkRow, fakeWork, ids } from "../test-impact-workfront";
import { approversPerStage, stagesOf } from "./sole-approvers";

/**
 * The two SPAPVR searches behind the sole-approver check: approvers per stage, and the stages each
 * person approves. Both page through 2,000 rows at a time and ask about at most 1,000 IDs at once.
 */
const A = "aaaa0000000000000000000000000001";
const B = "bbbb0000000000000000000000000002";
const C = "cccc0000000000000000000000000003";
const D = "dddd0000000000000000000000000004";

const approver = (id: string, userID: string | null, approvalStepID: string | null): WorkRow => ({
  id,
  values: { userID, approvalStepID },
});

/** A client whose SPAPVR search answers these rows, whatever it is asked. */
function answering(rows: WorkItem["values"][]): WorkfrontClient {
  return {
    searchWork: async () => rows.map((values, i) => ({ id: `r${i}`, objCode: "SPAPVR", name: null, values })),
  } as unknown as WorkfrontClient;
}

describe("approversPerStage", () => {
  it("counts the approver rows of each stage asked about, in one search by stage ID", async () => {
    const fake = fakeWork({
      SPAPVR: [approver("r1", A, "st-1"), approver("r2", A, "st-2"), approver("r3", B, "st-2"), approver("r4", C, "st-3")],
    });
    const counts = await approversPerStage(fake.client, ["st-1", "st-2", "st-1", "st-none"]);
    expect(counts).toEqual(new Map([["st-1", 1], ["st-2", 2]]));
    expect(fake.searches().map((call) => [call.objCode, call.query])).toEqual([
      [
        "SPAPVR",
        {
          fields: ["approvalStepID"],
          filters: [{ field: "approvalStepID", op: "in", values: ["st-1", "st-2", "st-none"] }],
          sort: [{ field: "ID", direction: "asc" }],
          first: 0,
          limit: 2000,
        },
      ],
    ]);
  });

  it("reads every page of a stage with more than 2,000 approver rows", async () => {
    const rows = [...ids("e0", 2500).map((id) => approver(id, A, "st-big")), approver("f".repeat(32), B, "st-1")];
    const fake = fakeWork({ SPAPVR: rows });
    const counts = await approversPerStage(fake.client, ["st-big", "st-1"]);
    expect(counts).toEqual(new Map([["st-big", 2500], ["st-1", 1]]));
    expect(fake.searches().map((call) => call.query.first)).toEqual([0, 2000]);
  });

  it("asks about at most 1,000 stages per search", async () => {
    const steps = ids("51", 1001);
    const fake = fakeWork({ SPAPVR: steps.map((step, i) => approver(`r${i}`, A, step)) });
    const counts = await approversPerStage(fake.client, steps);
    expect(fake.searches().map((call) => call.query.filters)).toEqual([
      [{ field: "approvalStepID", op: "in", values: steps.slice(0, 1000) }],
      [{ field: "approvalStepID", op: "in", values: steps.slice(1000) }],
    ]);
    expect(counts).toEqual(new Map(steps.map((step) => [step, 1])));
  });

  it("skips a row that came back without its stage ID", async () => {
    const counts = await approversPerStage(answering([{ approvalStepID: "st-1" }, { approvalStepID: null }, {}]), ["st-1"]);
    expect(counts).toEqual(new Map([["st-1", 1]]));
  });
});

describe("stagesOf", () => {
  it("gives each person asked about the stages they approve, and none to someone who approves none", async () => {
    const fake = fakeWork({
      SPAPVR: [approver("r1", A, "st-1"), approver("r2", A, "st-2"), approver("r3", B, "st-2"), approver("r4", D, "st-3")],
    });
    const stages = await stagesOf(fake.client, [A, B, C]);
    expect(stages).toEqual(
      new Map([
        [A, ["st-1", "st-2"]],
        [B, ["st-2"]],
        [C, []],
      ]),
    );
    expect(fake.searches().map((call) => [call.objCode, call.query])).toEqual([
      [
        "SPAPVR",
        {
          fields: ["approvalStepID", "userID"],
          filters: [{ field: "userID", op: "in", values: [A, B, C] }],
          sort: [{ field: "ID", direction: "asc" }],
          first: 0,
          limit: 2000,
        },
      ],
    ]);
  });

  it("sends no request for nobody", async () => {
    const fake = fakeWork({ SPAPVR: [approver("r1", A, "st-1")] });
    expect(await stagesOf(fake.client, [])).toEqual(new Map());
    expect(fake.calls).toEqual([]);
  });

  it("reads every page for someone who approves more than 2,000 stages", async () => {
    const steps = ids("5e", 2500);
    const rowIds = ids("0", 2500);
    const fake = fakeWork({ SPAPVR: steps.map((step, i) => approver(rowIds[i]!, A, step)) });
    const stages = await stagesOf(fake.client, [A]);
    expect(stages.get(A)).toEqual(steps);
    expect(fake.searches().map((call) => call.query.first)).toEqual([0, 2000]);
  });

  it("asks about at most 1,000 people per search", async () => {
    const people = ids("ab", 1001);
    const fake = fakeWork({ SPAPVR: people.map((person, i) => approver(`r${i}`, person, `st-${i}`)) });
    const stages = await stagesOf(fake.client, people);
    expect(fake.searches().map((call) => call.query.filters)).toEqual([
      [{ field: "userID", op: "in", values: people.slice(0, 1000) }],
      [{ field: "userID", op: "in", values: people.slice(1000) }],
    ]);
    expect(stages.get(people[0]!)).toEqual(["st-0"]);
    expect(stages.get(people[1000]!)).toEqual(["st-1000"]);
  });

  it("skips rows without a stage or a person, and rows about someone it did not ask about", async () => {
    const client = answering([
      { userID: A, approvalStepID: "st-1" },
      { userID: A, approvalStepID: null },
      { userID: null, approvalStepID: "st-2" },
      { userID: D, approvalStepID: "st-3" },
    ]);
    expect(await stagesOf(client, [A, B])).toEqual(
      new Map([
        [A, ["st-1"]],
        [B, []],
      ]),
    );
  });
});
