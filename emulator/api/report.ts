import { WfError } from "../core/errors";
import type { ObjectDef } from "../model/schema";
import type { FieldValue } from "../model/types";
import { makeColumn, valueAsText, type Column } from "../query/columns";
import { resolveFieldPath } from "../query/field-path";
import { compileFilter } from "../query/filters";
import { type ApiResult, type CallContext, ok } from "./context";

const GROUP_BY = /^(.+?)(?:_(\d+))?_GroupBy$/;
const AGG_FUNC = /^(.+)_AggFunc$/;
const FUNCS = new Set(["count", "dcount", "sum", "avg", "min", "max"]);

interface Aggregate {
  key: string;
  func: string;
  column: Column;
}

/**
 * GET /<obj>/report: the matching objects grouped by one field, with aggregates per group
 * (api-basics.md "Requesting a Report": `project:name_1_GroupBy=true&hours_AggFunc=sum` →
 * `{"<group value>":{"sum_hours":15}}`, `$$ROLLUP=true` adds a total; the official client's
 * `fixtures/report.json` shows `dcount_ID` and the grouped field echoed in each group). Filters
 * are the search's. One grouping only: nested groupings' shape is not documented.
 */
export function report(ctx: CallContext, def: ObjectDef): ApiResult {
  const env = ctx.queryEnv();
  const table = env.store.tables[def.objCode];
  const params = ctx.request.params;
  const groups: { order: number; path: string }[] = [];
  const aggregates: Aggregate[] = [];
  for (const [key, value] of params.entries) {
    const group = GROUP_BY.exec(key);
    if (group && value.toLowerCase() === "true")
      groups.push({ order: Number(group[2] ?? 1), path: group[1]! });
    const agg = AGG_FUNC.exec(key);
    if (agg) {
      const func = value.toLowerCase();
      if (!FUNCS.has(func)) throw new WfError("invalidParameter", `Unsupported aggregate function ${value}`);
      const path = resolveFieldPath(env.store, def, agg[1]!, env.apiVersion);
      aggregates.push({ key: `${func}_${agg[1]}`, func, column: makeColumn(env.store, table, path) });
    }
  }
  if (groups.length > 1)
    throw new WfError("invalidParameter", "The emulator groups a report by one field only");
  if (aggregates.length === 0)
    throw new WfError("invalidParameter", "A report needs at least one <field>_AggFunc");
  const grouping = groups[0];
  const groupColumn = grouping
    ? makeColumn(env.store, table, resolveFieldPath(env.store, def, grouping.path, env.apiVersion))
    : null;
  if (groupColumn?.path.field.flags?.includes("NOT_GROUPABLE")) {
    throw new WfError("invalidParameter", `The field ${grouping?.path} of ${def.name} cannot be grouped`);
  }
  const test = compileFilter(env, table, params);
  const buckets = new Map<string, { value: FieldValue; rows: number[] }>();
  const all: number[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    if (test && !test(i)) continue;
    all.push(i);
    const value = groupColumn ? groupColumn.value(i) : null;
    const key = groupColumn ? (valueAsText(groupColumn.path, value) ?? "") : "";
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { value, rows: [] }));
    bucket.rows.push(i);
  }
  ctx.charge(buckets.size, "read");
  const data: Record<string, Record<string, unknown>> = {};
  for (const [key, bucket] of buckets) {
    const out = aggregate(aggregates, bucket.rows);
    if (grouping && groupColumn) out[grouping.path] = valueAsText(groupColumn.path, bucket.value);
    data[key] = out;
  }
  if (params.flag("$$ROLLUP")) data.$$ROLLUP = aggregate(aggregates, all);
  return ok(data);
}

function aggregate(aggregates: Aggregate[], rows: number[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, func, column } of aggregates) {
    const values = rows.map((i) => column.value(i)).filter((v): v is string | number | boolean => v !== null);
    const numbers = values.filter((v): v is number => typeof v === "number");
    if (func === "count") out[key] = values.length;
    else if (func === "dcount") out[key] = new Set(values).size;
    else if (func === "sum") out[key] = numbers.reduce((a, b) => a + b, 0);
    else if (func === "avg")
      out[key] = numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null;
    else if (func === "min") out[key] = numbers.length ? Math.min(...numbers) : null;
    else out[key] = numbers.length ? Math.max(...numbers) : null;
  }
  return out;
}
