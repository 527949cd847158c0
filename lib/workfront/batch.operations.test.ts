import { describe, expect, it } from "vitest";
import { MAX_BATCH_OPERATIONS, batchUri, readBatchResults } from "./batch";
import { WorkfrontError } from "./errors";
import { thrownWorkfrontError, workfrontUser } from "./test-user";

const ID = "0123456789abcdef0123456789abcdef";
const OTHER = "fedcba9876543210fedcba9876543210";
const FIELDS =
  "firstName,lastName,emailAddr,username,title,isActive,licenseType,accessLevelID,accessLevel:name," +
  "accessLevel:isAdmin,homeGroupID,homeGroup:name,companyID,company:name,managerID,entryDate," +
  "lastUpdateDate,lastLoginDate,scheduleDeactivationDate,actualDeactivationDate";

/** The URI's path and its parameters, in order. */
function parts(uri: string): [string, [string, string][]] {
  const [path, search] = uri.split("?");
  return [path!, [...new URLSearchParams(search).entries()]];
}

const thrown = thrownWorkfrontError;

const rawUser = (id: string, isActive: boolean) => ({ ID: id, name: `User ${id.slice(0, 4)}`, isActive });
const user = (id: string, isActive: boolean) => workfrontUser(id, { isActive });

describe("batchUri", () => {
  it("names method=GET for a read, with the user fields and no updates", () => {
    expect(parts(batchUri({ kind: "getUser", id: ID }))).toEqual([
      `user/${ID}`,
      [
        ["method", "GET"],
        ["fields", FIELDS],
      ],
    ]);
  });

  it("names method=PUT for an edit, with its updates as JSON", () => {
    const uri = batchUri({ kind: "updateUser", id: OTHER, updates: { isActive: false, scheduleDeactivationDate: null } });
    expect(parts(uri)).toEqual([
      `user/${OTHER}`,
      [
        ["method", "PUT"],
        ["updates", '{"isActive":false,"scheduleDeactivationDate":null}'],
        ["fields", FIELDS],
      ],
    ]);
    expect(uri.startsWith(`user/${OTHER}?method=PUT&updates=%7B%22isActive%22%3Afalse`)).toBe(true);
  });

  it("refuses an ID that could change the URI", () => {
    const error = thrown(() => batchUri({ kind: "getUser", id: `${ID.slice(0, 31)}&` }));
    expect(error.code).toBe("validation");
  });
});

describe("readBatchResults", () => {
  it("answers a result per operation, in order: users (as an object or a one-element list) and errors", () => {
    const results = readBatchResults(
      [
        { data: rawUser(ID, false) },
        { error: { class: "com.attask.common.NotFoundException", message: "No such user" } },
        { data: [rawUser(OTHER, true)] },
      ],
      3,
    );
    expect(results).toEqual([
      { ok: true, user: user(ID, false) },
      { ok: false, error: expect.any(WorkfrontError) },
      { ok: true, user: user(OTHER, true) },
    ]);
    const error = (results[1] as { error: WorkfrontError }).error;
    expect([error.code, error.message, error.status, error.upstreamClass]).toEqual([
      "not_found",
      "No such user",
      undefined,
      "com.attask.common.NotFoundException",
    ]);
  });

  it("classifies an error by its class alone, there being no HTTP status per operation", () => {
    const [result] = readBatchResults([{ error: { class: "com.attask.common.ValidationException" } }], 1);
    expect(result!.ok).toBe(false);
    const error = (result as { error: WorkfrontError }).error;
    expect([error.code, error.message]).toEqual([
      "validation",
      "Workfront refused the request (com.attask.common.ValidationException)",
    ]);
  });

  it.each([
    ["an object that is not a USER", { ID, name: "no isActive" }],
    ["an empty list", []],
    ["null", null],
  ])("answers a result whose data is %s as that operation failing, not the batch", (_what, data) => {
    const results = readBatchResults([{ data }, { data: rawUser(OTHER, true) }], 2);
    expect(results[1]).toEqual({ ok: true, user: user(OTHER, true) });
    expect(results[0]!.ok).toBe(false);
    const error = (results[0] as { error: WorkfrontError }).error;
    expect([error.code, error.message, error.retryable]).toEqual(["unavailable", "A batch result was not a USER", true]);
  });

  it.each([
    ["fewer results than operations", [{ data: rawUser(ID, true) }], 2],
    ["more results than operations", [{ data: rawUser(ID, true) }, { data: rawUser(OTHER, true) }], 1],
    ["no list", { data: rawUser(ID, true) }, 1],
    ["an item that is neither data nor error", [{ result: 1 }], 1],
  ])("refuses an answer with %s", (_what, data, expected) => {
    const error = thrown(() => readBatchResults(data, expected));
    expect([error.code, error.message]).toEqual([
      "unavailable",
      `Workfront's batch answer did not hold ${expected} results`,
    ]);
  });

  it("holds up to 100 operations", () => {
    expect(MAX_BATCH_OPERATIONS).toBe(100);
  });
});
