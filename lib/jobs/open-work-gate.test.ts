import { describe, expect, it } from "vitest";
import { type WorkfrontClient, WorkfrontError } from "@/lib/workfront";
import { gateDeferredItems, readJobGate } from "./open-work-gate";

/**
 * The job's open-work gate over a client that answers on cue: every category counts one object
 * for everyone (so approvals awaiting block them), or every report fails with the error given.
 */
function clientCounting(failure?: unknown, searchFailure = failure): WorkfrontClient {
  const client = {
    countWorkBy: async (_objCode: string, query: { ids: readonly string[] }) => {
      if (failure) throw failure;
      return new Map(query.ids.map((id) => [id, 1]));
    },
    searchWork: async () => {
      if (searchFailure) throw searchFailure;
      return [];
    },
  };
  return client as unknown as WorkfrontClient;
}

const ann = "a".repeat(32);
const names = new Map([[ann, { name: "Ann Leaver", email: "ann@example.com" }]]);

describe("readJobGate", () => {
  it("reads who is blocked by name, with each person's evidence, not deferred", async () => {
    const reading = await readJobGate(clientCounting(), [ann], names, null);
    expect(reading.deferred).toBe(false);
    expect(reading.blocked).toEqual([{ userId: ann, name: "Ann Leaver", blocking: expect.arrayContaining([{ key: "approvalsAwaiting", count: 1 }]) }]);
    expect(reading.evidence.get(ann)).toMatchObject({ override: null });
  });

  it("defers the check when Workfront is unreachable or refuses the credential, and throws anything else", async () => {
    for (const error of [new WorkfrontError("unavailable", "down"), new WorkfrontError("throttled", "busy"), new WorkfrontError("auth", "refused")]) {
      expect(await readJobGate(clientCounting(error), [ann], names, null)).toEqual({ evidence: new Map(), deferred: true, blocked: [] });
    }
    // A refusal of one report is not an outage: that category is unknown, which blocks.
    expect((await readJobGate(clientCounting(new WorkfrontError("forbidden", "no")), [ann], names, null)).deferred).toBe(false);
    await expect(readJobGate(clientCounting(new Error("a bug")), [ann], names, null)).rejects.toThrow("a bug");
    // The sole-approver searches refused while the reports answer: a final answer, not an outage.
    await expect(readJobGate(clientCounting(undefined, new WorkfrontError("forbidden", "no")), [ann], names, null)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("gateDeferredItems", () => {
  it("refuses who is blocked, naming them, unless the job carries an override", async () => {
    const people = [{ id: ann, name: "Ann Leaver" }];
    const refused = (await gateDeferredItems(clientCounting(), people, null)).get(ann)!;
    expect(refused.refusal?.people.map((person) => person.name)).toEqual(["Ann Leaver"]);
    expect(refused.refusal?.message).toContain("Ann Leaver (");
    const overridden = (await gateDeferredItems(clientCounting(), people, "Handed over in HR-7")).get(ann)!;
    expect(overridden.refusal).toBeNull();
    expect(overridden.evidence.override).toMatchObject({ reason: "Handed over in HR-7" });
  });
});
