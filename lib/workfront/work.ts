import { z } from "zod";
import { WorkfrontError } from "./errors";
import { assertWorkfrontId } from "./ids";
import { type Filter, type SearchQuery, assertFieldName, encodeSearch } from "./query";
import type { WorkfrontRequest } from "./transport";

/**
 * Reads and reassignments of the work a person holds (workfront-api.md §12; docs/workfront-fidelity.md
 * 47–54): search, grouped counts (`/report`) and edits of person fields, one object or ≤ 100.
 */
export const WORK_OBJ_CODES = [
  "ASSGN",
  "TASK",
  "OPTASK",
  "PROJ",
  "TMPL",
  "AWAPVL",
  "SPAPVR",
  "TSHET",
  "TSPRO",
  "TEAMOB",
  "PTLSEC",
  "DOCU",
  "RESMGR",
] as const;
export type WorkObjCode = (typeof WORK_OBJ_CODES)[number];

export type WorkValue = string | number | boolean | null;

/** One object as the app uses it: its ID and the requested fields, flattened (`task:name`). */
export interface WorkItem {
  id: string;
  objCode: WorkObjCode;
  name: string | null;
  values: Record<string, WorkValue>;
}

export interface WorkWrite {
  id: string;
  /** Person fields only, each set to a user's ID. */
  updates: Record<string, string>;
}

// A query string longer than this goes in a POST body with method=GET: the URI cap is 8,892 bytes
// (api-basics.md), and the rest of the URL needs room.
const MAX_QUERY_CHARS = 6_000;
export const MAX_WORK_WRITES = 100;

type Call = (request: WorkfrontRequest) => Promise<unknown>;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const nested = z.record(z.string(), z.unknown());
const rowSchema = z.object({ ID: z.string(), name: z.string().nullish() }).catchall(z.unknown());
const rowsSchema = z.array(rowSchema);
const reportSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

function flatten(row: z.infer<typeof rowSchema>, objCode: WorkObjCode): WorkItem {
  const values: Record<string, WorkValue> = {};
  for (const [key, value] of Object.entries(row)) {
    const plain = scalar.safeParse(value);
    if (plain.success) values[key] = plain.data;
    const ref = nested.safeParse(value);
    if (!plain.success && ref.success) {
      for (const [inner, innerValue] of Object.entries(ref.data)) {
        const parsed = scalar.safeParse(innerValue);
        if (parsed.success) values[`${key}:${inner}`] = parsed.data;
      }
    }
  }
  return { id: row.ID, objCode, name: row.name ?? null, values };
}

/** A read: GET with the query, or POST with `method=GET` and the query as a form when it is long. */
function read(path: string, params: URLSearchParams): WorkfrontRequest {
  if (params.toString().length <= MAX_QUERY_CHARS)
    return { method: "GET", path, query: params, idempotent: true };
  const form = new URLSearchParams(params);
  form.set("method", "GET");
  return { method: "POST", path, form, idempotent: true };
}

const segment = (objCode: WorkObjCode): string => objCode.toLowerCase();

export function workCalls(call: Call) {
  async function searchWork(objCode: WorkObjCode, query: SearchQuery): Promise<WorkItem[]> {
    const data = await call(read(`${segment(objCode)}/search`, encodeSearch(query)));
    const rows = rowsSchema.safeParse(data);
    if (!rows.success)
      throw new WorkfrontError("unavailable", `Workfront's answer was not a valid ${objCode} list`);
    return rows.data.map((row) => flatten(row, objCode));
  }

  /**
   * How many matching objects each person holds, in one `/report` request: grouped by
   * `<groupBy>` (a reference's ID, e.g. `assignedTo:ID`), counted with `ID_AggFunc=dcount`, over an
   * `_Mod=in` list of the people (api-basics.md "Requesting a Report"; fixtures/report.json).
   * People with nothing are absent from Workfront's answer and get 0 here.
   */
  async function countWorkBy(
    objCode: WorkObjCode,
    spec: { groupBy: string; field: string; ids: readonly string[]; filters?: readonly Filter[] },
  ): Promise<Map<string, number>> {
    const ids = [...new Set(spec.ids)];
    ids.forEach((id) => assertWorkfrontId(id));
    assertFieldName(spec.groupBy);
    const counts = new Map(ids.map((id) => [id, 0]));
    if (ids.length === 0) return counts;
    const params = encodeSearch({
      filters: [...(spec.filters ?? []), { field: spec.field, op: "in", values: ids }],
    });
    params.set(`${spec.groupBy}_1_GroupBy`, "true");
    params.set("ID_AggFunc", "dcount");
    const data = await call(read(`${segment(objCode)}/report`, params));
    const groups = reportSchema.safeParse(data);
    if (!groups.success)
      throw new WorkfrontError("unavailable", `Workfront's answer was not a valid ${objCode} report`);
    for (const [key, group] of Object.entries(groups.data)) {
      if (!counts.has(key)) continue; // $$ROLLUP and the like
      const count = group.dcount_ID;
      // Read as 0, an unreadable count would tell an impact check that a leaver holds nothing.
      if (typeof count !== "number" || !Number.isInteger(count) || count < 0)
        throw new WorkfrontError("unavailable", `Workfront's ${objCode} report had no readable count for someone asked about`);
      counts.set(key, count);
    }
    return counts;
  }

  /** One edit (`PUT /<obj>/<ID>` with a JSON body); sets fixed values, so a retry is safe. */
  async function updateWork(
    objCode: WorkObjCode,
    write: WorkWrite,
    fields: readonly string[],
  ): Promise<WorkItem> {
    const [body] = writeBodies([write]);
    const query = new URLSearchParams({ fields: fields.join(",") });
    fields.forEach(assertFieldName);
    const data = await call({
      method: "PUT",
      path: `${segment(objCode)}/${write.id}`,
      query,
      json: body,
      idempotent: true,
    });
    const row = rowSchema.safeParse(Array.isArray(data) ? data[0] : data);
    if (!row.success)
      throw new WorkfrontError("unavailable", `Workfront's answer was not a valid ${objCode}`);
    return flatten(row.data, objCode);
  }

  /** Up to 100 edits in one bulk edit (`PUT /<obj>` with a JSON array), answered per object. */
  async function updateWorkMany(
    objCode: WorkObjCode,
    writes: readonly WorkWrite[],
    fields: readonly string[],
  ): Promise<WorkItem[]> {
    if (writes.length === 0) return [];
    if (writes.length > MAX_WORK_WRITES) {
      throw new WorkfrontError("validation", `A bulk edit holds at most ${MAX_WORK_WRITES} objects`);
    }
    fields.forEach(assertFieldName);
    const query = new URLSearchParams({ fields: fields.join(",") });
    const data = await call({
      method: "PUT",
      path: segment(objCode),
      query,
      json: writeBodies(writes),
      idempotent: true,
    });
    const rows = rowsSchema.safeParse(data);
    if (!rows.success)
      throw new WorkfrontError("unavailable", `Workfront's bulk edit answer was not a ${objCode} list`);
    return rows.data.map((row) => flatten(row, objCode));
  }

  return { searchWork, countWorkBy, updateWork, updateWorkMany };
}

function writeBodies(writes: readonly WorkWrite[]): Record<string, string>[] {
  return writes.map(({ id, updates }) => {
    assertWorkfrontId(id);
    for (const [field, value] of Object.entries(updates)) {
      assertFieldName(field);
      // The body's ID names the object written: an update may not redirect the write to another.
      if (field === "ID") throw new WorkfrontError("validation", "An edit cannot change an object's ID");
      assertWorkfrontId(value);
    }
    return { ID: id, ...updates };
  });
}
