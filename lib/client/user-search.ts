/**
 * The users view as it lives in the URL: search, status tab, sort and page. Pure functions with no
 * React or server imports, so the server page (to canonicalise a shared link) and the browser (to
 * read and write the address bar) parse it the same way.
 */
import { filtersCanonical, isFilterKey } from "./user-filters";

export const USER_STATUSES = ["active", "deactivated", "all"] as const;
export const USER_SORTS = ["name", "email", "lastLogin", "deactivated", "created"] as const;
export const SORT_DIRS = ["asc", "desc"] as const;
export const PAGE_SIZES = [25, 50, 100, 200] as const;

export type UserStatus = (typeof USER_STATUSES)[number];
export type UserSort = (typeof USER_SORTS)[number];
export type SortDir = (typeof SORT_DIRS)[number];
export type PageSize = (typeof PAGE_SIZES)[number];

export interface UserSearch {
  q: string;
  status: UserStatus;
  sort: UserSort;
  dir: SortDir;
  page: number;
  pageSize: PageSize;
}

export const DEFAULT_USER_SEARCH: UserSearch = { q: "", status: "active", sort: "name", dir: "asc", page: 1, pageSize: 25 };

/** The API refuses longer searches and pages past this; the UI never asks for them. */
export const MAX_QUERY_LENGTH = 200;
const MAX_PAGE = 100_000;

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function read(raw: RawParams, key: keyof UserSearch): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const value = raw[key];
  return typeof value === "string" ? value : undefined;
}

function oneOf<T extends string | number>(options: readonly T[], value: unknown, fallback: T): T {
  return options.find((option) => String(option) === value) ?? fallback;
}

/** Lenient: a value the server would refuse falls back to its default instead of failing the page. */
export function parseUserSearch(raw: RawParams): UserSearch {
  const page = Number(read(raw, "page"));
  return {
    q: (read(raw, "q") ?? "").trim().slice(0, MAX_QUERY_LENGTH),
    status: oneOf(USER_STATUSES, read(raw, "status"), DEFAULT_USER_SEARCH.status),
    sort: oneOf(USER_SORTS, read(raw, "sort"), DEFAULT_USER_SEARCH.sort),
    dir: oneOf(SORT_DIRS, read(raw, "dir"), DEFAULT_USER_SEARCH.dir),
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    pageSize: oneOf(PAGE_SIZES, read(raw, "pageSize"), DEFAULT_USER_SEARCH.pageSize),
  };
}

/** Only what differs from the defaults, so a plain `/users` stays plain and links stay short. */
export function toSearchParams(search: UserSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_USER_SEARCH) as (keyof UserSearch)[]) {
    if (search[key] !== DEFAULT_USER_SEARCH[key]) params.set(key, String(search[key]));
  }
  return params;
}

/** Every parameter spelled out, for the strict API (which refuses unknown ones, not defaults). */
export function toApiParams(search: UserSearch): URLSearchParams {
  return new URLSearchParams({
    q: search.q,
    status: search.status,
    sort: search.sort,
    dir: search.dir,
    page: String(search.page),
    pageSize: String(search.pageSize),
  });
}

/**
 * Applies a change the way a person expects: a new search, tab, sort or page size starts again at
 * page 1 (the old page number would point somewhere meaningless).
 */
export function withChange(search: UserSearch, change: Partial<UserSearch>): UserSearch {
  const next = { ...search, ...change };
  const resetsPage = (["q", "status", "sort", "dir", "pageSize"] as const).some(
    (key) => key in change && change[key] !== search[key],
  );
  return resetsPage && !("page" in change) ? { ...next, page: 1 } : next;
}

/** True when a raw query holds nothing the parser dropped or changed, i.e. the link means what it says. */
export function isCanonical(raw: Record<string, string | string[] | undefined>): boolean {
  const parsed = parseUserSearch(raw);
  if (!filtersCanonical(raw)) return false;
  return Object.entries(raw).filter(([key]) => !isFilterKey(key)).every(
    ([key, value]) => key in parsed && typeof value === "string" && String(parsed[key as keyof UserSearch]) === value,
  );
}
