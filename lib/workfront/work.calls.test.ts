import { describe, expect, it } from "vitest";
import { WorkfrontError } from "./errors";
import type { WorkfrontRequest } from "./transport";
import { MAX_WORK_WRITES, type WorkWrite, workCalls } from "./work";

/** The request as plain data: URLSearchParams compare equal whatever they hold, their strings do not. */
interface SentRequest {
  method: string;
  path: string;
  query?: string;
  form?: string;
  json?: unknown;
  idempotent: boolean;
}

/** workCalls over a fake `call` that records each request and answers `answer`. */
function fakeWork(answer: unknown) {
  const sent: SentRequest[] = [];
  const work = workCalls(async (request: WorkfrontRequest) => {
    sent.push({
      method: request.method,
      path: request.path,
      ...(request.query ? { query: request.query.toString() } : {}),
      ...(request.form ? { form: request.form.toString() } : {}),
      ...(request.json !== undefined ? { json: request.json } : {}),
      idempotent: request.idempotent,
    });
    return answer;
  });
  return { work, sent };
}

async function rejection(promise: Promise<unknown>): Promise<WorkfrontError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkfrontError) return error;
    throw error;
  }
  throw new Error("expected a WorkfrontError, but the call succeeded");
}

const LEAVER = "0123456789abcdef0123456789abcdef";
const SUCCESSOR = "fedcba9876543210fedcba9876543210";
const TASK_1 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";
const TASK_2 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2";

describe("searchWork", () => {
  it("sends one GET <objcode>/search in lower case, with the encoded query, as a retryable read", async () => {
    const { work, sent } = fakeWork([]);
    await work.searchWork("OPTASK", {
      fields: ["name", "assignedTo:name"],
      filters: [{ field: "assignedToID", value: LEAVER }],
      limit: 5,
    });
    expect(sent).toEqual([
      {
        method: "GET",
        path: "optask/search",
        query: `fields=name%2CassignedTo%3Aname&assignedToID=${LEAVER}&%24%24LIMIT=5`,
        idempotent: true,
      },
    ]);
  });

  it("flattens each row: scalars as they are, one level of references as ref:field, nothing deeper", async () => {
    const { work } = fakeWork([
      {
        ID: TASK_1,
        name: "Migrate the wiki",
        objCode: "TASK",
        workRequired: 8,
        isReady: true,
        plannedCompletionDate: null,
        assignedTo: { ID: LEAVER, name: "Ann Leaver", isActive: false, homeGroup: { ID: "g" }, tags: ["a"] },
        approvers: [{ ID: SUCCESSOR }],
        project: null,
      },
      { ID: TASK_2 },
      { ID: "ccccccccccccccccccccccccccccccc3", name: null },
    ]);
    const items = await work.searchWork("TASK", {});
    expect(items).toStrictEqual([
      {
        id: TASK_1,
        objCode: "TASK",
        name: "Migrate the wiki",
        values: {
          ID: TASK_1,
          name: "Migrate the wiki",
          objCode: "TASK",
          workRequired: 8,
          isReady: true,
          plannedCompletionDate: null,
          "assignedTo:ID": LEAVER,
          "assignedTo:name": "Ann Leaver",
          "assignedTo:isActive": false,
          project: null,
        },
      },
      { id: TASK_2, objCode: "TASK", name: null, values: { ID: TASK_2 } },
      {
        id: "ccccccccccccccccccccccccccccccc3",
        objCode: "TASK",
        name: null,
        values: { ID: "ccccccccccccccccccccccccccccccc3", name: null },
      },
    ]);
  });

  it("answers no items for an empty list", async () => {
    const { work } = fakeWork([]);
    expect(await work.searchWork("PROJ", {})).toEqual([]);
  });

  it.each([
    ["an object", { data: [] }],
    ["a row without an ID", [{ name: "no ID" }]],
    ["nothing", null],
  ])("refuses an answer that is %s, as the tenant being unavailable", async (_what, answer) => {
    const { work } = fakeWork(answer);
    const error = await rejection(work.searchWork("AWAPVL", {}));
    expect([error.code, error.message]).toEqual(["unavailable", "Workfront's answer was not a valid AWAPVL list"]);
  });

  // `name=` + 5,995 characters is 6,000; one more and it goes as a form (the URI cap, api-basics.md).
  it("keeps a query of 6,000 characters in the URL", async () => {
    const { work, sent } = fakeWork([]);
    const value = "x".repeat(5_995);
    await work.searchWork("TASK", { filters: [{ field: "name", value }] });
    expect(sent).toEqual([{ method: "GET", path: "task/search", query: `name=${value}`, idempotent: true }]);
  });

  it("sends a longer query as a POST form with method=GET, and nothing in the URL", async () => {
    const { work, sent } = fakeWork([{ ID: TASK_1, name: "found" }]);
    const value = "x".repeat(5_996);
    const items = await work.searchWork("TASK", { filters: [{ field: "name", value }] });
    expect(sent).toEqual([{ method: "POST", path: "task/search", form: `name=${value}&method=GET`, idempotent: true }]);
    expect(items).toEqual([{ id: TASK_1, objCode: "TASK", name: "found", values: { ID: TASK_1, name: "found" } }]);
  });
});

describe("countWorkBy", () => {
  const spec = {
    groupBy: "assignedTo:ID",
    field: "assignedToID",
    filters: [{ field: "status", op: "ne", value: "CPL" }] as const,
  };

  it("sends one GET <objcode>/report grouped and counted over the distinct people", async () => {
    const { work, sent } = fakeWork({});
    await work.countWorkBy("OPTASK", { ...spec, ids: [LEAVER, SUCCESSOR, LEAVER] });
    expect(sent).toEqual([
      {
        method: "GET",
        path: "optask/report",
        query:
          `status=CPL&status_Mod=ne&assignedToID=${LEAVER}&assignedToID=${SUCCESSOR}&assignedToID_Mod=in` +
          "&assignedTo%3AID_1_GroupBy=true&ID_AggFunc=dcount",
        idempotent: true,
      },
    ]);
  });

  it("counts only the people asked about, and 0 for those the report leaves out", async () => {
    const third = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb3";
    const { work } = fakeWork({
      [LEAVER]: { dcount_ID: 3, "assignedTo:ID": LEAVER },
      [SUCCESSOR]: { dcount_ID: 5 },
      [TASK_1]: { dcount_ID: 9 },
      $$TOTAL: { dcount_ID: "12" },
    });
    const counts = await work.countWorkBy("TASK", { groupBy: "assignedTo:ID", field: "assignedToID", ids: [LEAVER, SUCCESSOR, third] });
    expect([...counts.entries()]).toEqual([
      [LEAVER, 3],
      [SUCCESSOR, 5],
      [third, 0],
    ]);
  });

  it.each([["5"], [null], [1.5], [-1]])("refuses a report whose count for someone asked about is %j, rather than reading it as nothing held", async (count) => {
    const { work } = fakeWork({ [LEAVER]: { dcount_ID: 3 }, [SUCCESSOR]: { dcount_ID: count } });
    const error = await rejection(work.countWorkBy("TASK", { groupBy: "assignedTo:ID", field: "assignedToID", ids: [LEAVER, SUCCESSOR] }));
    expect([error.code, error.message]).toEqual(["unavailable", "Workfront's TASK report had no readable count for someone asked about"]);
  });

  it("sends nothing for no people", async () => {
    const { work, sent } = fakeWork({});
    const counts = await work.countWorkBy("TASK", { ...spec, ids: [] });
    expect([...counts.entries()]).toEqual([]);
    expect(sent).toEqual([]);
  });

  it("goes as a POST form when the list of people is long", async () => {
    const ids = Array.from({ length: 150 }, (_, index) => index.toString(16).padStart(32, "0"));
    const { work, sent } = fakeWork({ [ids[149]!]: { dcount_ID: 2 } });
    const counts = await work.countWorkBy("TASK", { groupBy: "assignedTo:ID", field: "assignedToID", ids });
    expect(counts.size).toBe(150);
    expect(counts.get(ids[149]!)).toBe(2);
    expect(counts.get(ids[0]!)).toBe(0);
    expect(sent.map((request) => [request.method, request.path, request.query])).toEqual([["POST", "task/report", undefined]]);
    const form = new URLSearchParams(sent[0]!.form);
    expect([form.getAll("assignedToID").length, form.get("method"), form.get("ID_AggFunc")]).toEqual([150, "GET", "dcount"]);
  });

  it.each([
    ["a person who is not an ID", { groupBy: "assignedTo:ID", ids: [LEAVER, "abc"] }],
    ["a grouping that is not a field name", { groupBy: "assignedTo_Mod", ids: [LEAVER] }],
  ])("refuses %s before anything is sent", async (_what, bad) => {
    const { work, sent } = fakeWork({});
    const error = await rejection(work.countWorkBy("TASK", { field: "assignedToID", ...bad }));
    expect(error.code).toBe("validation");
    expect(sent).toEqual([]);
  });

  it.each([
    ["a list", []],
    ["a group that is not an object", { [LEAVER]: 3 }],
  ])("refuses an answer that is %s", async (_what, answer) => {
    const { work } = fakeWork(answer);
    const error = await rejection(work.countWorkBy("DOCU", { ...spec, ids: [LEAVER] }));
    expect([error.code, error.message]).toEqual(["unavailable", "Workfront's answer was not a valid DOCU report"]);
  });
});

describe("updateWork", () => {
  const write: WorkWrite = { id: TASK_1, updates: { assignedToID: SUCCESSOR } };

  it("sends one PUT <objcode>/<ID> with a JSON body carrying the ID, and answers the object flattened", async () => {
    const { work, sent } = fakeWork({ ID: TASK_1, name: "Migrate", assignedTo: { ID: SUCCESSOR, name: "Sam" } });
    const item = await work.updateWork("TASK", write, ["name", "assignedTo:name"]);
    expect(sent).toEqual([
      {
        method: "PUT",
        path: `task/${TASK_1}`,
        query: "fields=name%2CassignedTo%3Aname",
        json: { ID: TASK_1, assignedToID: SUCCESSOR },
        idempotent: true,
      },
    ]);
    expect(item).toStrictEqual({
      id: TASK_1,
      objCode: "TASK",
      name: "Migrate",
      values: { ID: TASK_1, name: "Migrate", "assignedTo:ID": SUCCESSOR, "assignedTo:name": "Sam" },
    });
  });

  it("reads an answer that is a one-element list", async () => {
    const { work } = fakeWork([{ ID: TASK_1, name: "Migrate" }]);
    const item = await work.updateWork("PROJ", write, ["name"]);
    expect(item).toStrictEqual({ id: TASK_1, objCode: "PROJ", name: "Migrate", values: { ID: TASK_1, name: "Migrate" } });
  });

  it.each([
    ["an empty list", []],
    ["an object without an ID", { name: "x" }],
  ])("refuses an answer that is %s", async (_what, answer) => {
    const { work } = fakeWork(answer);
    const error = await rejection(work.updateWork("TSHET", write, ["name"]));
    expect([error.code, error.message]).toEqual(["unavailable", "Workfront's answer was not a valid TSHET"]);
  });

  it.each([
    ["an object that is not an ID", { id: "../user", updates: { assignedToID: SUCCESSOR } }, ["name"]],
    ["a field that is not a field name", { id: TASK_1, updates: { "assignedToID&x": SUCCESSOR } }, ["name"]],
    ["a value that is not an ID", { id: TASK_1, updates: { assignedToID: "someone?else" } }, ["name"]],
    ["an answer field that is not a field name", write, ["name", "x_Mod"]],
    ["an update of the ID, which would write another object", { id: TASK_1, updates: { ID: SUCCESSOR } }, ["name"]],
  ])("refuses %s before anything is sent", async (_what, bad, fields) => {
    const { work, sent } = fakeWork({ ID: TASK_1 });
    expect((await rejection(work.updateWork("TASK", bad, fields))).code).toBe("validation");
    expect(sent).toEqual([]);
  });
});

describe("updateWorkMany", () => {
  const writes = (count: number): WorkWrite[] =>
    Array.from({ length: count }, (_, index) => ({
      id: index.toString(16).padStart(32, "0"),
      updates: { ownerID: SUCCESSOR },
    }));

  it("sends one PUT <objcode> with a JSON array carrying each ID, and answers each object", async () => {
    const { work, sent } = fakeWork([
      { ID: TASK_1, name: "One", ownerID: SUCCESSOR },
      { ID: TASK_2, name: null, ownerID: SUCCESSOR },
    ]);
    const items = await work.updateWorkMany(
      "PROJ",
      [
        { id: TASK_1, updates: { ownerID: SUCCESSOR } },
        { id: TASK_2, updates: { ownerID: SUCCESSOR, sponsorID: LEAVER } },
      ],
      ["name", "ownerID"],
    );
    expect(sent).toEqual([
      {
        method: "PUT",
        path: "proj",
        query: "fields=name%2CownerID",
        json: [
          { ID: TASK_1, ownerID: SUCCESSOR },
          { ID: TASK_2, ownerID: SUCCESSOR, sponsorID: LEAVER },
        ],
        idempotent: true,
      },
    ]);
    expect(items).toStrictEqual([
      { id: TASK_1, objCode: "PROJ", name: "One", values: { ID: TASK_1, name: "One", ownerID: SUCCESSOR } },
      { id: TASK_2, objCode: "PROJ", name: null, values: { ID: TASK_2, name: null, ownerID: SUCCESSOR } },
    ]);
  });

  it("sends nothing for no writes", async () => {
    const { work, sent } = fakeWork([]);
    expect(await work.updateWorkMany("TASK", [], ["name"])).toEqual([]);
    expect(sent).toEqual([]);
  });

  it(`takes ${MAX_WORK_WRITES} objects in one request and refuses one more`, async () => {
    expect(MAX_WORK_WRITES).toBe(100);
    const { work, sent } = fakeWork([]);
    await work.updateWorkMany("TASK", writes(100), ["name"]);
    expect(sent.map((request) => (request.json as unknown[]).length)).toEqual([100]);
    const error = await rejection(work.updateWorkMany("TASK", writes(101), ["name"]));
    expect([error.code, error.message]).toEqual(["validation", "A bulk edit holds at most 100 objects"]);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ["an answer field that is not a field name", writes(2), ["name", "a&b"]],
    ["an object that is not an ID", [{ id: "ABC", updates: { ownerID: SUCCESSOR } }], ["name"]],
  ])("refuses %s before anything is sent", async (_what, bad, fields) => {
    const { work, sent } = fakeWork([]);
    expect((await rejection(work.updateWorkMany("TASK", bad, fields))).code).toBe("validation");
    expect(sent).toEqual([]);
  });

  it.each([
    ["an object", { ID: TASK_1 }],
    ["a list with a row without an ID", [{ ID: TASK_1 }, { name: "x" }]],
  ])("refuses an answer that is %s", async (_what, answer) => {
    const { work } = fakeWork(answer);
    const error = await rejection(work.updateWorkMany("OPTASK", writes(1), ["name"]));
    expect([error.code, error.message]).toEqual(["unavailable", "Workfront's bulk edit answer was not a OPTASK list"]);
  });
});
