import { WorkfrontError } from "./errors";

/**
 * A typed builder for Workfront's search parameters (fields, `_Mod` filters, `OR:n:` groups,
 * `_Sort`, `$$FIRST`/`$$LIMIT`). Everything is encoded with URLSearchParams and field names are
 * checked against a strict pattern, so no value or name can add a parameter or a modifier.
 */
export type FilterValue = string | number | boolean | Date;

export type ComparisonModifier =
  | "eq"
  | "ne"
  | "nee"
  | "cieq"
  | "cine"
  | "lt"
  | "lte"
  | "gt"
  | "gte"
  | "contains"
  | "cicontains"
  | "notcontains"
  | "cinotcontains"
  | "like"
  | "cilike"
  | "startswith";

export type Filter =
  | { field: string; op?: ComparisonModifier; value: FilterValue }
  | { field: string; op: "in" | "notin" | "ciin" | "cinotin"; values: readonly FilterValue[] }
  | { field: string; op: "between" | "notbetween"; from: FilterValue; to: FilterValue }
  | { field: string; op: "isnull" | "notnull" | "isblank" | "notblank" };

export type SortDirection = "asc" | "desc" | "ciasc" | "cidesc";

export interface SortKey {
  field: string;
  direction: SortDirection;
}

export interface SearchQuery {
  fields?: readonly string[];
  /** ANDed together. */
  filters?: readonly Filter[];
  /** At least one of these lists must hold too: `filters AND (anyOf[0] OR anyOf[1] ...)`. */
  anyOf?: readonly (readonly Filter[])[];
  sort?: readonly SortKey[];
  /** Zero-based offset. */
  first?: number;
  /** 1..2000; Workfront answers 100 rows when it is omitted. */
  limit?: number;
}

export const MAX_SEARCH_LIMIT = 2000;

// Plain names and `ref:field` paths, `*` and `ref:*`, and custom fields `DE:Name`. No underscore,
// so a name can never smuggle in `_Mod`, `_Range` or `_Sort`.
const FIELD_SEGMENT = "[A-Za-z][A-Za-z0-9]*";
const FIELD_NAME = new RegExp(`^(\\*|DE:[^:&=#?%]+|${FIELD_SEGMENT}(:${FIELD_SEGMENT})*(:\\*)?)$`);

export function assertFieldName(name: string): void {
  if (!FIELD_NAME.test(name)) {
    throw new WorkfrontError("validation", `Not a Workfront field name: ${JSON.stringify(name.slice(0, 80))}`);
  }
}

// Workfront reads these parameters as credentials before filters (workfront-api.md §2.1), so a
// filter on them goes in the `filters=` JSON instead, where it filters.
const CREDENTIAL_PARAMS = new Set(["username", "password", "apiKey", "sessionID"]);

function isCredentialField(field: string): boolean {
  return CREDENTIAL_PARAMS.has(field);
}

function encodeValue(value: FilterValue): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function appendFilter(params: URLSearchParams, filter: Filter, prefix: string, json: Record<string, string>): void {
  assertFieldName(filter.field);
  if (isCredentialField(filter.field)) {
    if (prefix || !("value" in filter) || (filter.op && filter.op !== "eq")) {
      throw new WorkfrontError("validation", `${filter.field} can only be matched exactly, outside OR groups`);
    }
    json[filter.field] = encodeValue(filter.value);
    return;
  }
  const key = `${prefix}${filter.field}`;
  if ("values" in filter) {
    if (filter.values.length === 0) throw new WorkfrontError("validation", `Empty list for ${filter.field}`);
    for (const value of filter.values) params.append(key, encodeValue(value));
    params.append(`${key}_Mod`, filter.op);
  } else if ("from" in filter) {
    params.append(key, encodeValue(filter.from));
    params.append(`${key}_Range`, encodeValue(filter.to));
    params.append(`${key}_Mod`, filter.op);
  } else if ("value" in filter) {
    params.append(key, encodeValue(filter.value));
    if (filter.op && filter.op !== "eq") params.append(`${key}_Mod`, filter.op);
  } else {
    // The null checks still need the field present; Workfront ignores its value.
    params.append(key, "");
    params.append(`${key}_Mod`, filter.op);
  }
}

export function encodeFields(fields: readonly string[]): string {
  fields.forEach(assertFieldName);
  return fields.join(",");
}

export function encodeSearch(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.fields?.length) params.set("fields", encodeFields(query.fields));
  // Workfront ORs each `OR:n:` group with the unprefixed set, and nothing carries across groups.
  // So "base AND (A OR B)" goes out as `OR:1:base,A` and `OR:2:base,B`, with no unprefixed set.
  const base = query.filters ?? [];
  const json: Record<string, string> = {};
  if (query.anyOf?.length) {
    query.anyOf.forEach((group, index) => {
      for (const filter of [...base, ...group]) appendFilter(params, filter, `OR:${index + 1}:`, json);
    });
  } else {
    for (const filter of base) appendFilter(params, filter, "", json);
  }
  if (Object.keys(json).length > 0) params.set("filters", JSON.stringify(json));
  const sort = query.sort ?? [];
  sort.forEach((key, index) => {
    assertFieldName(key.field);
    const name = sort.length === 1 ? `${key.field}_Sort` : `${key.field}_${index + 1}_Sort`;
    params.set(name, key.direction);
  });
  if (query.first !== undefined) {
    if (!Number.isInteger(query.first) || query.first < 0) {
      throw new WorkfrontError("validation", "first must be a non-negative integer");
    }
    params.set("$$FIRST", String(query.first));
  }
  if (query.limit !== undefined) {
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_SEARCH_LIMIT) {
      throw new WorkfrontError("validation", `limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}`);
    }
    params.set("$$LIMIT", String(query.limit));
  }
  return params;
}
