import "server-only";
import type { z } from "zod";
import type { OffboardingDeps } from "./deps";
import { allUsers } from "./find-users";
import { idsMatching, indexFilterSchema, indexState, tenantOf, toUser } from "@/lib/user-index";
import type { WorkfrontUser } from "@/lib/workfront";
import { assertKnownFilters } from "./known-filters";
import { searchGroups, statusFilters } from "./list-users";

/**
 * "Select all N matching this filter": every user the users page's filter matches, resolved on
 * the server by paging through Workfront at $$LIMIT 2000. Capped: when more match, the answer
 * says how many and holds nobody, so the operator narrows the filter instead of acting on part.
 */
export const RESOLVE_LIMIT = 10_000;

// The users page's filter, as a JSON body (lists as arrays).
export const resolveSelectionSchema = indexFilterSchema;

export type ResolveSelectionQuery = z.infer<typeof resolveSelectionSchema>;

export interface ResolvedUserDto {
  id: string;
  name: string;
  email: string | null;
  isActive: boolean;
  licenseType: string | null;
  isAdmin: boolean;
}

export interface ResolvedSelectionDto {
  /** How many users match the filter now. */
  total: number;
  /** False when more than `limit` match: `users` is then empty. */
  complete: boolean;
  limit: number;
  /** In ID order. */
  users: ResolvedUserDto[];
}

const toResolved = (user: WorkfrontUser): ResolvedUserDto => ({
  id: user.id,
  name: user.name,
  email: user.email,
  isActive: user.isActive,
  licenseType: user.licenseType,
  isAdmin: user.accessLevel?.isAdmin === true,
});

/**
 * From the index when there is one (filters and all); else from Workfront, for what its search
 * can do. Either way a job reads each person from Workfront again before acting on them.
 */
export async function resolveSelection(
  deps: Pick<OffboardingDeps, "client" | "db">,
  query: ResolveSelectionQuery,
  signal?: AbortSignal,
): Promise<ResolvedSelectionDto> {
  await assertKnownFilters(deps, query);
  const tenant = tenantOf(deps.client);
  if (await indexState(deps.db, tenant)) {
    const { total, rows } = await idsMatching(deps.db, tenant, query, RESOLVE_LIMIT);
    if (!rows) return { total, complete: false, limit: RESOLVE_LIMIT, users: [] };
    return { total: rows.length, complete: true, limit: RESOLVE_LIMIT, users: rows.map((row) => toResolved(toUser(row))) };
  }
  const { total, users } = await allUsers(
    deps.client,
    { filters: statusFilters[query.status], anyOf: searchGroups(query.q) },
    RESOLVE_LIMIT,
    signal,
  );
  if (!users) return { total, complete: false, limit: RESOLVE_LIMIT, users: [] };
  return { total: users.length, complete: true, limit: RESOLVE_LIMIT, users: users.map(toResolved) };
}
