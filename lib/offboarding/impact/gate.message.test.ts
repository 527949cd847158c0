import { describe, expect, it } from "vitest";
import { fakeWork } from "../test-impact-workfront";
import { OpenWorkBlocked, assertGate, checkGate } from "./gate";
import { IMPACT_CATEGORIES, type BlockedPerson } from "./types";

/**
 * The gate's refusal as the user reads it (the 409's message), and the gate's reading of a list of
 * people against an in-memory Workfront.
 */
const TAIL =
  "work that blocks deactivation (approvals awaiting them, or approval stages where they are the only approver): ";
const END = ". Reassign it first, or an admin may override with a reason.";

const person = (n: number): BlockedPerson => ({
  userId: `u${n}`,
  name: `Person ${n}`,
  blocking: [{ key: "approvalsAwaiting", count: n }],
});

describe("OpenWorkBlocked", () => {
  it("names the one blocked person and what blocks them, an unknown count as unknown", () => {
    const error = new OpenWorkBlocked([
      {
        userId: "u1",
        name: "Ada Lovelace",
        blocking: [
          { key: "approvalsAwaiting", count: 2 },
          { key: "approvalStages", count: null },
        ],
      },
    ]);
    expect([error.status, error.code]).toEqual([409, "open_work_blocking"]);
    expect(error.message).toBe(`This person holds ${TAIL}Ada Lovelace (approvalsAwaiting: 2, approvalStages: unknown)${END}`);
  });

  it("counts several people and shows a person without a name by ID", () => {
    const error = new OpenWorkBlocked([
      person(1),
      { userId: "u2", name: null, blocking: [{ key: "approvalStages", count: 1 }] },
    ]);
    expect(error.message).toBe(`2 people hold ${TAIL}Person 1 (approvalsAwaiting: 1); u2 (approvalStages: 1)${END}`);
  });

  it("lists all of 20 people", () => {
    const people = Array.from({ length: 20 }, (_, i) => person(i + 1));
    const listed = people.map((p) => `${p.name} (approvalsAwaiting: ${p.blocking[0]!.count})`).join("; ");
    expect(new OpenWorkBlocked(people).message).toBe(`20 people hold ${TAIL}${listed}${END}`);
  });

  it("lists the first 20 of 23 people and says how many more", () => {
    const people = Array.from({ length: 23 }, (_, i) => person(i + 1));
    const listed = people
      .slice(0, 20)
      .map((p) => `${p.name} (approvalsAwaiting: ${p.blocking[0]!.count})`)
      .join("; ");
    expect(new OpenWorkBlocked(people).message).toBe(`23 people hold ${TAIL}${listed}; and 3 more${END}`);
  });
});

describe("checkGate", () => {
  const A = "aaaa0000000000000000000000000001";
  const B = "bbbb0000000000000000000000000002";
  const now = () => new Date("2026-03-02T10:00:00.000Z");
  const zero = Object.fromEntries(IMPACT_CATEGORIES.map((key) => [key, 0]));

  it("reads a person listed twice once: blocked once, one evidence", async () => {
    const fake = fakeWork({ AWAPVL: [{ id: "aw1", values: { approverID: A } }] });
    const people = [
      { id: A, name: "Ada" },
      { id: B, name: null },
      { id: A, name: "Ada" },
    ];
    const result = await checkGate(fake.client, people, { reason: "Handed over in person" }, now);
    const blocking = [{ key: "approvalsAwaiting", count: 1 }];
    expect(result.blocked).toEqual([{ userId: A, name: "Ada", blocking }]);
    expect(result.evidence).toEqual(
      new Map([
        [
          A,
          {
            counts: { ...zero, approvalsAwaiting: 1 },
            total: 1,
            blocking: 1,
            blockingBy: { approvalsAwaiting: 1 },
            unavailable: [],
            checkedAt: "2026-03-02T10:00:00.000Z",
            override: { reason: "Handed over in person", blocking },
          },
        ],
        [
          B,
          {
            counts: zero,
            total: 0,
            blocking: 0,
            blockingBy: {},
            unavailable: [],
            checkedAt: "2026-03-02T10:00:00.000Z",
            override: null,
          },
        ],
      ]),
    );
    expect(() => assertGate(result, null)).toThrow(OpenWorkBlocked);
    expect(() => assertGate(result, { reason: "Handed over in person" })).not.toThrow();
  });
});
