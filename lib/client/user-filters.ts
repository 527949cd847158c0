/**
 * The users page's filters as they live in the URL, beside the search (user-search.ts): licence
 * types, access levels, home groups, companies and managers (each may repeat:
 * `license=FULL&license=LIMITED`), last login older than N days or never, never signed in,
 * created before a day. Pure functions, shared by the server page and the browser.
 */
export interface UserFilters {
  license: string[];
  accessLevel: string[];
  group: string[];
  company: string[];
  manager: string[];
  lastLoginOlderThan: number | null;
  neverSignedIn: boolean;
  createdBefore: string | null;
}

export const LIST_FILTER_KEYS = ["license", "accessLevel", "group", "company", "manager"] as const;
export type ListFilterKey = (typeof LIST_FILTER_KEYS)[number];
export const FILTER_KEYS = [...LIST_FILTER_KEYS, "lastLoginOlderThan", "neverSignedIn", "createdBefore"] as const;

export const NO_FILTERS: UserFilters = {
  license: [],
  accessLevel: [],
  group: [],
  company: [],
  manager: [],
  lastLoginOlderThan: null,
  neverSignedIn: false,
  createdBefore: null,
};

const WORKFRONT_ID = /^[0-9a-f]{32}$/;
const LICENCE_CODE = /^[A-Za-z0-9_.-]{1,100}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_VALUES = 20;

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function all(raw: RawParams, key: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(key);
  const value = raw[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const unique = (values: string[]) => [...new Set(values)];

function validDay(value: string | undefined): string | null {
  if (!value || !DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
}

/** Lenient, as the search is: a value the API would refuse is dropped (and the page rewrites the link). */
export function parseUserFilters(raw: RawParams): UserFilters {
  const ids = (key: string) => unique(all(raw, key).filter((value) => WORKFRONT_ID.test(value))).slice(0, MAX_VALUES);
  const days = Number(all(raw, "lastLoginOlderThan")[0]);
  return {
    license: unique(all(raw, "license").filter((value) => LICENCE_CODE.test(value))).slice(0, MAX_VALUES),
    accessLevel: ids("accessLevel"),
    group: ids("group"),
    company: ids("company"),
    manager: ids("manager"),
    lastLoginOlderThan: Number.isInteger(days) && days >= 1 && days <= 36_500 ? days : null,
    neverSignedIn: all(raw, "neverSignedIn")[0] === "true",
    createdBefore: validDay(all(raw, "createdBefore")[0]),
  };
}

/** Appends the filters that are set, in a fixed order, so equal filters give equal URLs. */
export function appendFilterParams(params: URLSearchParams, filters: UserFilters): URLSearchParams {
  for (const key of LIST_FILTER_KEYS) for (const value of filters[key]) params.append(key, value);
  if (filters.lastLoginOlderThan !== null) params.set("lastLoginOlderThan", String(filters.lastLoginOlderThan));
  if (filters.neverSignedIn) params.set("neverSignedIn", "true");
  if (filters.createdBefore) params.set("createdBefore", filters.createdBefore);
  return params;
}

export function filterCount(filters: UserFilters): number {
  return (
    LIST_FILTER_KEYS.filter((key) => filters[key].length > 0).length +
    (filters.lastLoginOlderThan !== null ? 1 : 0) +
    (filters.neverSignedIn ? 1 : 0) +
    (filters.createdBefore ? 1 : 0)
  );
}

export function isFilterKey(key: string): boolean {
  return (FILTER_KEYS as readonly string[]).includes(key);
}

/** True when the filter parameters of a raw query are exactly what they parse to. */
export function filtersCanonical(raw: Record<string, string | string[] | undefined>): boolean {
  const given = new URLSearchParams();
  for (const key of FILTER_KEYS) for (const value of all(raw, key)) given.append(key, value);
  return given.toString() === appendFilterParams(new URLSearchParams(), parseUserFilters(raw)).toString();
}

/** The filters as the JSON body of POST /api/users/resolve (lists as arrays, absent when unset). */
export function filtersBody(filters: UserFilters) {
  return {
    license: filters.license,
    accessLevel: filters.accessLevel,
    group: filters.group,
    company: filters.company,
    manager: filters.manager,
    ...(filters.lastLoginOlderThan !== null ? { lastLoginOlderThan: filters.lastLoginOlderThan } : {}),
    ...(filters.neverSignedIn ? { neverSignedIn: "true" as const } : {}),
    ...(filters.createdBefore ? { createdBefore: filters.createdBefore } : {}),
  };
}
