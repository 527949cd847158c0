import type { ItemFilter } from "@/lib/jobs/schemas";
import { ITEM_STATES } from "@/lib/jobs/vocabulary";

/**
 * The job page's view in the URL (outcome filter and page of the results table), so a reload or
 * a shared link shows the same view. Pure, for the server page and the browser alike.
 */
export const JOB_ITEM_FILTERS = [...ITEM_STATES, "remaining"] as const satisfies readonly ItemFilter[];
export const JOB_ITEMS_PAGE_SIZE = 50;

export interface JobItemsSearch {
  /** null: every outcome. */
  state: ItemFilter | null;
  page: number;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function read(raw: RawParams, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const value = raw[key];
  return typeof value === "string" ? value : undefined;
}

export function parseJobItemsSearch(raw: RawParams): JobItemsSearch {
  const state = JOB_ITEM_FILTERS.find((filter) => filter === read(raw, "state")) ?? null;
  const page = Number(read(raw, "page"));
  return { state, page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 };
}

/** Only what differs from the defaults: a plain job link stays plain. */
export function toJobItemsParams(search: JobItemsSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.state) params.set("state", search.state);
  if (search.page > 1) params.set("page", String(search.page));
  return params;
}

/** Every parameter the API needs, spelled out. */
export function toJobItemsApiParams(search: JobItemsSearch): URLSearchParams {
  const params = new URLSearchParams({ page: String(search.page), pageSize: String(JOB_ITEMS_PAGE_SIZE) });
  if (search.state) params.set("state", search.state);
  return params;
}
