import { describe, expect, it } from "vitest";
import { MAX_OBJECTS_PER_REQUEST, assertBulkSize, bulkUpdateBody, readBulkAnswer } from "./bulk";
import { thrownWorkfrontError } from "./test-user";

const ID = "0123456789abcdef0123456789abcdef";
const OTHER = "fedcba9876543210fedcba9876543210";
const LEVEL = "1111111111111111111111111111111a";

const thrown = thrownWorkfrontError;

describe("assertBulkSize", () => {
  it("accepts 100 users and refuses 101, naming the request and the count", () => {
    expect(MAX_OBJECTS_PER_REQUEST).toBe(100);
    expect(assertBulkSize(100, "A bulk edit")).toBeUndefined();
    expect(assertBulkSize(0, "A bulk edit")).toBeUndefined();
    const error = thrown(() => assertBulkSize(101, "A read by IDs"));
    expect([error.code, error.message]).toEqual(["validation", "A read by IDs holds at most 100 users (got 101)"]);
  });
});

describe("bulkUpdateBody", () => {
  it("puts each write's ID beside its updates, in order", () => {
    expect(
      bulkUpdateBody([
        { id: ID, updates: { isActive: false } },
        { id: OTHER, updates: { isActive: true, accessLevelID: LEVEL, scheduleDeactivationDate: null } },
      ]),
    ).toStrictEqual([
      { ID, isActive: false },
      { ID: OTHER, isActive: true, accessLevelID: LEVEL, scheduleDeactivationDate: null },
    ]);
  });

  it("answers an empty body for no writes", () => {
    expect(bulkUpdateBody([])).toEqual([]);
  });

  it.each([
    ["a user ID", [{ id: ID, updates: {} }, { id: "ABCDEF0123456789ABCDEF0123456789", updates: { isActive: false } }]],
    ["an access level ID", [{ id: ID, updates: { accessLevelID: `${LEVEL.slice(0, 31)}?` } }]],
  ])("refuses %s that is not a Workfront ID", (_what, writes) => {
    const error = thrown(() => bulkUpdateBody(writes));
    expect([error.code, error.message]).toEqual([
      "validation",
      "Not a Workfront ID: expected 32 lowercase hexadecimal characters",
    ]);
  });
});

describe("readBulkAnswer", () => {
  const writes = [
    { id: ID, updates: { isActive: false } },
    { id: OTHER, updates: { isActive: false } },
  ];

  it("answers the users the edit was about, by ID, and nobody else", () => {
    const answer = readBulkAnswer(
      [
        { ID: OTHER, name: "Other", isActive: false },
        { ID: LEVEL, name: "Stranger", isActive: true },
      ],
      writes,
    );
    expect([...answer.entries()].map(([key, user]) => [key, user.id, user.name, user.isActive])).toEqual([
      [OTHER, OTHER, "Other", false],
    ]);
  });

  it("answers an empty map for an empty list", () => {
    expect(readBulkAnswer([], writes).size).toBe(0);
  });

  it.each([
    ["an object", { success: true }],
    ["a list with something that is not a user", [{ ID, name: "no isActive" }]],
  ])("refuses an answer that is %s", (_what, data) => {
    const error = thrown(() => readBulkAnswer(data, writes));
    expect([error.code, error.message]).toEqual(["unavailable", "Workfront's bulk edit answer was not a list of users"]);
  });
});
