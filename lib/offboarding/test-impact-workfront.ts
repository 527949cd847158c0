import type { Filter, SearchQuery, WorkItem, WorkObjCode, WorkValue, WorkfrontClient } from "@/lib/workfront";

/**
 * An in-memory stand-in for the work part of the Workfront client, for the impact check's unit
 * tests: rows per object code, filtered (eq, in, lt, isnull, notnull), sorted by ID, paged with
 * `first`/`limit`, answered with the ID and only the requested fields, and grouped counts like `/report`
 * (every asked ID present, 0 when it holds nothing). Every call is recorded.
 */
export interface WorkRow {
  id: string;
  values: Record<string, WorkValue>;
}

export type WorkCall =
  | { kind: "search"; objCode: WorkObjCode; query: SearchQuery }
  | {
      kind: "count";
      objCode: WorkObjCode;
      spec: { groupBy: string; field: string; ids: readonly string[]; filters?: readonly Filter[] };
    };

export interface FakeWork {
  client: WorkfrontClient;
  calls: WorkCall[];
  searches: (objCode?: WorkObjCode) => { objCode: WorkObjCode; query: SearchQuery }[];
  counts: (objCode?: WorkObjCode) => Extract<WorkCall, { kind: "count" }>[];
}

function matcher(filter: Filter): (row: WorkRow) => boolean {
  if (filter.op === "in") {
    const wanted = new Set<unknown>(filter.values);
    return (row) => wanted.has(row.values[filter.field]);
  }
  return (row) => matches(row, filter);
}

function matches(row: WorkRow, filter: Filter): boolean {
  const value = row.values[filter.field];
  if (!("op" in filter) || filter.op === undefined || filter.op === "eq") return value === (filter as { value: unknown }).value;
  switch (filter.op) {
    case "lt":
      return typeof value === "number" && value < (filter.value as number);
    case "isnull":
      return value === null || value === undefined;
    case "notnull":
      return value !== null && value !== undefined;
    default:
      throw new Error(`the fake does not know the filter op ${filter.op}`);
  }
}

export function fakeWork(
  rows: Partial<Record<WorkObjCode, WorkRow[]>>,
  options: {
    /** Throw this instead of answering, for a search or count of the object code. */
    fail?: Partial<Record<WorkObjCode, unknown>>;
    /** Replace the grouped counts' answer (e.g. to name someone who was not asked about). */
    countAnswer?: (objCode: WorkObjCode, ids: readonly string[]) => Map<string, number> | undefined;
  } = {},
): FakeWork {
  const calls: WorkCall[] = [];
  const pick = (objCode: WorkObjCode, filters: readonly Filter[] = []) => {
    const tests = filters.map(matcher);
    return (rows[objCode] ?? []).filter((row) => tests.every((test) => test(row)));
  };

  const searchWork = async (objCode: WorkObjCode, query: SearchQuery): Promise<WorkItem[]> => {
    calls.push({ kind: "search", objCode, query });
    if (options.fail?.[objCode] !== undefined) throw options.fail[objCode];
    let found = pick(objCode, query.filters);
    if (query.sort?.some((key) => key.field === "ID")) found = [...found].sort((a, b) => a.id.localeCompare(b.id));
    const first = query.first ?? 0;
    const page = first < 0 ? [] : found.slice(first, first + (query.limit ?? 100));
    return page.map((row) => ({
      id: row.id,
      objCode,
      name: null,
      // Workfront always sends the ID, and the client keeps it among the values.
      values: {
        ID: row.id,
        ...Object.fromEntries(
          (query.fields ?? []).filter((field) => field in row.values).map((field) => [field, row.values[field]!]),
        ),
      },
    }));
  };

  const countWorkBy: WorkfrontClient["countWorkBy"] = async (objCode, spec) => {
    calls.push({ kind: "count", objCode, spec });
    if (options.fail?.[objCode] !== undefined) throw options.fail[objCode];
    const ids = [...new Set(spec.ids ?? [])];
    const answer = options.countAnswer?.(objCode, ids);
    if (answer) return answer;
    const counts = new Map(ids.map((id) => [id, 0]));
    for (const row of pick(objCode, spec.filters)) {
      const holder = row.values[spec.field];
      if (typeof holder === "string" && counts.has(holder)) counts.set(holder, counts.get(holder)! + 1);
    }
    return counts;
  };

  const unused = () => {
    throw new Error("the impact check only reads work");
  };
  const client = { searchWork, countWorkBy, updateWork: unused, updateWorkMany: unused } as unknown as WorkfrontClient;
  return {
    client,
    calls,
    searches: (objCode) =>
      calls.flatMap((call) => (call.kind === "search" && (!objCode || call.objCode === objCode) ? [call] : [])),
    counts: (objCode) =>
      calls.flatMap((call) => (call.kind === "count" && (!objCode || call.objCode === objCode) ? [call] : [])),
  };
}

/** `n` distinct Workfront-like IDs with a prefix (hex, 32 characters). */
export function ids(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i.toString(16).padStart(32 - prefix.length, "0")}`);
}
