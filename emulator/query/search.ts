import { WfError } from "../core/errors";
import type { Row } from "../model/types";
import type { Table } from "../store/tenant-store";
import { compileFilter, type QueryEnv } from "./filters";
import type { Params } from "./params";
import { parseSort, sortedOrder } from "./sort";

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 2000;

export interface Paging {
  first: number;
  limit: number;
}

/**
 * `$$FIRST` is a zero-based offset; `$$LIMIT` defaults to 100 and may not exceed 2000 — more is an
 * IllegalArgumentException (api-basics.md "Considering Query Limits"). A limit of 0 or less is
 * read as "as many as allowed", i.e. 2000 (the constants' "no limit", bounded by the cap).
 */
export function parsePaging(params: Params): Paging {
  const first = readInt(params, "$$FIRST", 0);
  const limit = readInt(params, "$$LIMIT", DEFAULT_LIMIT);
  if (first < 0) throw new WfError("illegalArgument", `$$FIRST must not be negative (got ${first})`);
  if (limit > MAX_LIMIT) {
    throw new WfError(
      "illegalArgument",
      `The maximum number of results per request is ${MAX_LIMIT} ($$LIMIT=${limit})`,
    );
  }
  return { first, limit: limit <= 0 ? MAX_LIMIT : limit };
}

function readInt(params: Params, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === undefined || raw.trim() === "") return fallback;
  if (!/^-?\d+$/.test(raw.trim()))
    throw new WfError("illegalArgument", `${name} must be an integer (got "${raw}")`);
  return Number(raw);
}

/**
 * Matching rows for one page. With a sort the cached order is walked and the walk stops once the
 * page is full, so a broad filter over 100,000 rows touches only a few thousand of them.
 */
export function searchRows(env: QueryEnv, table: Table, params: Params): Row[] {
  const test = compileFilter(env, table, params);
  const sortKeys = parseSort(env, table, params);
  const { first, limit } = parsePaging(params);
  const order = sortKeys.length > 0 ? sortedOrder(env, table, sortKeys) : null;
  const rows = table.rows;
  const page: Row[] = [];
  let skipped = 0;
  for (let k = 0; k < rows.length && page.length < limit; k++) {
    const i = order ? order[k]! : k;
    if (test && !test(i)) continue;
    if (skipped < first) {
      skipped++;
      continue;
    }
    const row = rows[i];
    if (row) page.push(row);
  }
  return page;
}

export function countRows(env: QueryEnv, table: Table, params: Params): number {
  const test = compileFilter(env, table, params);
  // Sort parameters are validated (an unknown field is still an error) but do not matter here.
  parseSort(env, table, params);
  if (!test) return table.rows.length;
  let count = 0;
  for (let i = 0; i < table.rows.length; i++) if (test(i)) count++;
  return count;
}
