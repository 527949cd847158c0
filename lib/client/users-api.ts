import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { UserActionResult, UserCounts, UserListPage } from "@/lib/offboarding/user-dto";
import { RequestError, fetchJson } from "./fetch-json";
import type { ScheduleChoice } from "./schedules-api";
import { NO_FILTERS, type UserFilters, appendFilterParams } from "./user-filters";
import { type UserSearch, toApiParams } from "./user-search";

/** The browser's side of the users API: query keys, query options and the status-change request. */
export type StatusAction = "deactivate" | "reactivate";

export interface StatusChangeInput {
  reason: string;
  ticket?: string;
  /** The number of people typed to confirm a large change (bulk jobs only). */
  confirmCount?: number;
  /** An admin deactivates one protected account on purpose (single changes only). */
  overrideProtection?: true;
  /** The admin includes the System Administrators of a bulk run on purpose (bulk jobs only). */
  includeAdmins?: true;
  /** Deactivate later, not now (the dialog's "On a date"): the caller schedules instead (lib/schedule). */
  schedule?: ScheduleChoice;
  /** An admin deactivates despite blocking open work (approvals awaiting them), with why. */
  overrideOpenWork?: { reason: string };
  /** Bulk runs: people whose open work blocks them, left out of the run (never sent to the API). */
  leaveOut?: string[];
}

/** One root key, so a change to any user can mark every cached list and count stale at once. */
export const userKeys = {
  all: ["users"] as const,
  lists: () => [...userKeys.all, "list"] as const,
  list: (search: UserSearch, filters: UserFilters = NO_FILTERS) => [...userKeys.lists(), search, filters] as const,
  counts: () => [...userKeys.all, "counts"] as const,
  count: (q: string, filters: UserFilters = NO_FILTERS) => [...userKeys.counts(), q, filters] as const,
};

/**
 * Retrying cannot help when we were refused (4xx) or the credential is dead; it only delays the
 * banner that tells the person what to do. Outages and timeouts get one more try.
 */
export function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof RequestError && (error.status < 500 || error.code === "workfront_auth" || error.code === "workfront_not_connected")) return false;
  return failureCount < 1;
}

export function usersListQuery(search: UserSearch, filters: UserFilters = NO_FILTERS) {
  return queryOptions({
    queryKey: userKeys.list(search, filters),
    // Passing the signal lets TanStack Query abort a search that a newer keystroke made stale.
    queryFn: ({ signal }) => fetchJson<UserListPage>(`/api/users?${appendFilterParams(toApiParams(search), filters)}`, { signal }),
    placeholderData: keepPreviousData,
    retry: shouldRetry,
  });
}

export function userCountsQuery(q: string, filters: UserFilters = NO_FILTERS) {
  return queryOptions({
    queryKey: userKeys.count(q, filters),
    queryFn: ({ signal }) => fetchJson<UserCounts>(`/api/users/counts?${appendFilterParams(new URLSearchParams({ q }), filters)}`, { signal }),
    placeholderData: keepPreviousData,
    retry: shouldRetry,
  });
}

export function postStatusChange(userId: string, action: StatusAction, input: StatusChangeInput) {
  // An empty ticket is left out rather than sent as "": the API treats absent as "none".
  const body = {
    reason: input.reason,
    ...(input.ticket ? { ticket: input.ticket } : {}),
    ...(input.overrideProtection ? { overrideProtection: true } : {}),
    ...(input.overrideOpenWork && action === "deactivate" ? { overrideOpenWork: input.overrideOpenWork } : {}),
  };
  return fetchJson<UserActionResult>(`/api/users/${encodeURIComponent(userId)}/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
