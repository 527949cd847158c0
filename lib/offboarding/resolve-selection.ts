import "server-only";
import { z } from "zod";
import type { OffboardingDeps } from "./deps";
import { allUsers } from "./find-users";
import { searchGroups, searchText, statusFilters } from "./list-users";

/**
 * "Select all N matching this filter": every user the users page's filter matches, resolved on
 * the server by paging through Workfront at $$LIMIT 2000. Capped: when more match, the answer
 * says how many and holds nobody, so the operator narrows the filter instead of acting on part.
 */
export const RESOLVE_LIMIT = 10_000;

export const resolveSelectionSchema = z
  .object({
    q: searchText,
    status: z.enum(["active", "deactivated", "all"]).default("active"),
  })
  .strict();

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

export async function resolveSelection(
  deps: Pick<OffboardingDeps, "client">,
  query: ResolveSelectionQuery,
  signal?: AbortSignal,
): Promise<ResolvedSelectionDto> {
  const { total, users } = await allUsers(
    deps.client,
    { filters: statusFilters[query.status], anyOf: searchGroups(query.q) },
    RESOLVE_LIMIT,
    signal,
  );
  if (!users) return { total, complete: false, limit: RESOLVE_LIMIT, users: [] };
  return {
    total: users.length,
    complete: true,
    limit: RESOLVE_LIMIT,
    users: users.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      isActive: user.isActive,
      licenseType: user.licenseType,
      isAdmin: user.accessLevel?.isAdmin === true,
    })),
  };
}
