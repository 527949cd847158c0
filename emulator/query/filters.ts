import { WfError } from "../core/errors";
import { formatWfDate, parseWfDate } from "../core/wf-date";
import type { FieldDef } from "../model/schema";
import type { FieldValue } from "../model/types";
import type { Table, TenantStore } from "../store/tenant-store";
import { makeColumn } from "./columns";
import { resolveFieldPath } from "./field-path";
import {
  OPERATORS,
  RANGE_OPERATORS,
  VALUELESS_OPERATORS,
  type OperatorArgs,
  type RowTest,
} from "./filter-operators";
import { isReservedParam, type Params } from "./params";

export interface QueryEnv {
  store: TenantStore;
  /** "V21_0": named in unknown-field messages. */
  apiVersion: string;
  /** The credential's user, for `$$USER`. */
  currentUserID: string | null;
  now: number;
}

interface Condition {
  path: string;
  values: string[];
  mod?: string;
  range?: string;
}

// Operators that compare typed values (booleans, dates as instants); the rest work on text.
const TYPED = new Set([
  "eq",
  "exacttime",
  "in",
  "ne",
  "notin",
  "nee",
  "lt",
  "lte",
  "gt",
  "gte",
  "between",
  "notbetween",
]);
const OR_PREFIX = /^OR:(\d+):(.+)$/;
// Sorts, and a report's groupings and aggregates, shape the answer; they never filter.
const SORT_SUFFIX = /(_Sort|_GroupBy|_AggFunc)$/;

/**
 * Builds the row test for a search or count: the un-prefixed conditions are ANDed, each `OR:n:`
 * group is ANDed inside, and the groups are ORed with the base set (api-basics.md "Using OR
 * Statements"). Returns null when nothing filters.
 */
export function compileFilter(env: QueryEnv, table: Table, params: Params): RowTest | null {
  const groups = new Map<string, Map<string, Condition>>();
  for (const [rawKey, value] of filterEntries(params)) {
    const or = OR_PREFIX.exec(rawKey);
    const groupKey = or ? `OR:${or[1]}` : "";
    const key = or?.[2] ?? rawKey;
    if (SORT_SUFFIX.test(key)) continue;
    let conditions = groups.get(groupKey);
    if (!conditions) groups.set(groupKey, (conditions = new Map()));
    const [path, part] = key.endsWith("_Mod")
      ? [key.slice(0, -4), "mod" as const]
      : key.endsWith("_Range")
        ? [key.slice(0, -6), "range" as const]
        : [key, "value" as const];
    let condition = conditions.get(path);
    if (!condition) conditions.set(path, (condition = { path, values: [] }));
    if (part === "mod") condition.mod = value;
    else if (part === "range") condition.range = value;
    else condition.values.push(value);
  }

  const alternatives: RowTest[] = [];
  for (const conditions of groups.values()) {
    const tests: RowTest[] = [];
    for (const condition of conditions.values()) {
      const test = compileCondition(env, table, condition);
      if (test) tests.push(test);
    }
    if (tests.length > 0) alternatives.push(allOf(tests));
  }
  if (alternatives.length === 0) return null;
  return anyOf(alternatives);
}

// Plain loops rather than every()/some(): these run once per scanned row, up to 100,000 times.
function allOf(tests: RowTest[]): RowTest {
  if (tests.length === 1) return tests[0]!;
  return (i) => {
    for (let k = 0; k < tests.length; k++) if (!tests[k]!(i)) return false;
    return true;
  };
}

function anyOf(tests: RowTest[]): RowTest {
  if (tests.length === 1) return tests[0]!;
  return (i) => {
    for (let k = 0; k < tests.length; k++) if (tests[k]!(i)) return true;
    return false;
  };
}

/** Non-reserved parameters plus the pairs of a `filters={"field":"value"}` JSON object. */
function filterEntries(params: Params): (readonly [string, string])[] {
  const entries = params.entries.filter(([key]) => !isReservedParam(key));
  for (const json of params.getAll("filters")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new WfError("json", `Invalid filters JSON: ${(error as Error).message}`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new WfError("json", "A JSONObject text must begin with '{' (filters)");
    }
    for (const [key, value] of Object.entries(parsed)) {
      const list: unknown[] = Array.isArray(value) ? value : [value];
      for (const item of list) entries.push([key, item === null ? "" : String(item)]);
    }
  }
  return entries;
}

function compileCondition(env: QueryEnv, table: Table, condition: Condition): RowTest | null {
  const path = resolveFieldPath(env.store, table.def, condition.path, env.apiVersion);
  // Workfront ignores a _Mod or _Range without its `field=` parameter.
  if (condition.values.length === 0) return null;
  const multi = condition.values.length > 1;
  let mod = condition.mod?.toLowerCase() ?? (condition.range !== undefined ? "between" : multi ? "in" : "eq");
  if (multi && mod === "eq") mod = "in";
  if (multi && mod === "ne") mod = "notin";
  const factory = OPERATORS[mod];
  if (!factory) {
    throw new WfError(
      "invalidParameter",
      `Unsupported filter modifier ${condition.mod ?? mod} for field ${condition.path}`,
    );
  }
  if (RANGE_OPERATORS.has(mod) && condition.range === undefined) {
    throw new WfError("invalidParameter", `Modifier ${mod} needs ${condition.path}_Range`);
  }
  const texts = condition.values.map((v) => substitute(env, v));
  const rangeText = condition.range === undefined ? undefined : substitute(env, condition.range);
  const args: OperatorArgs = { values: texts, texts, range: rangeText, rangeText };
  if (TYPED.has(mod) && !VALUELESS_OPERATORS.has(mod)) {
    args.values = texts.map((t) => typed(env, path.field, condition.path, t));
    args.range = rangeText === undefined ? undefined : typed(env, path.field, condition.path, rangeText);
  }
  return factory(makeColumn(env.store, table, path), args);
}

function typed(env: QueryEnv, field: FieldDef, path: string, text: string): FieldValue {
  if (field.kind === "boolean") {
    const lower = text.trim().toLowerCase();
    if (lower === "true" || lower === "false") return lower === "true";
    throw new WfError("invalidParameter", `Invalid boolean value "${text}" for field ${path}`);
  }
  if (field.kind === "int" || field.kind === "double") {
    const number = Number(text.trim());
    if (text.trim() === "" || !Number.isFinite(number))
      throw new WfError("invalidParameter", `Invalid number value "${text}" for field ${path}`);
    return number;
  }
  if (field.kind === "dateTime") {
    const ms = parseWfDate(text, env.now);
    if (ms === null) throw new WfError("invalidParameter", `Invalid date value "${text}" for field ${path}`);
    return ms;
  }
  return text;
}

/** `$$USER`, `$$USER.<field>`, `$$CUSTOMER`: wildcards that name the caller and its tenant. */
function substitute(env: QueryEnv, text: string): string {
  const match = /^\$\$(USER|CUSTOMER)(?:\.(\w+))?$/.exec(text);
  if (!match) return text;
  const row =
    match[1] === "USER"
      ? env.currentUserID
        ? env.store.user(env.currentUserID)
        : undefined
      : env.store.data.customer;
  if (!row) return text;
  const value = (row as Record<string, FieldValue>)[match[2] ?? "ID"];
  if (value === undefined || value === null) return "";
  return match[2]?.endsWith("Date") && typeof value === "number" ? formatWfDate(value) : String(value);
}
