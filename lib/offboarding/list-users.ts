import "server-only";
import { z } from "zod";
import { latestDeactivations } from "@/lib/audit";
import { ApiError } from "@/lib/http/errors";
import {
  type IndexFilter,
  indexFilterSchema,
  indexListQuerySchema,
  indexState,
  listIndexed,
  tenantOf,
  toUser,
} from "@/lib/user-index";
import { namesOf } from "@/lib/user-index/facets";
import { countIndexedByStatus, indexFilterShape } from "@/lib/user-index/query";
import { type Filter, type SortKey, type WorkfrontUser, workfrontIdSchema } from "@/lib/workfront";
import type { OffboardingDeps } from "./deps";
import { assertKnownFilters } from "./known-filters";
import { protectionOf } from "./protections";
import { tenantFacts } from "./tenant-facts";
import type { DeactivationRecord, UserCounts, UserDto, UserListPage } from "./user-dto";
import { toUserDto } from "./user-dto";

/**
 * The users list as the dashboard asks for it: search, status tab, filters, sort and page. The
 * local index answers it (lib/user-index); until the index of a newly connected tenant is built,
 * Workfront does, for what its search can do (no filters beyond the status).
 */
export const searchText = indexFilterShape.q;
export const userListQuerySchema = indexListQuerySchema;
export const userCountsQuerySchema = indexFilterSchema.omit({ status: true });
export const userParamsSchema = z.object({ id: workfrontIdSchema });

export type UserListQuery = z.infer<typeof userListQuerySchema>;

const sortFields: Record<UserListQuery["sort"], string> = {
  name: "name",
  email: "emailAddr",
  lastLogin: "lastLoginDate",
  deactivated: "actualDeactivationDate",
  created: "entryDate",
};

export type UserStatusFilter = UserListQuery["status"];

/** The users page's filters; "select all matching" resolves the same ones (resolve-selection.ts). */
export const statusFilters: Record<UserStatusFilter, Filter[]> = {
  active: [{ field: "isActive", value: true }],
  deactivated: [{ field: "isActive", value: false }],
  all: [],
};

export function searchGroups(q: string): Filter[][] | undefined {
  if (!q) return undefined;
  return [[{ field: "name", op: "cicontains", value: q }], [{ field: "emailAddr", op: "cicontains", value: q }]];
}

/** Users as DTOs: protections from the tenant's facts, deactivation records from the audit log. */
export async function toUserDtos(deps: OffboardingDeps, users: WorkfrontUser[]): Promise<UserDto[]> {
  const inactive = users.filter((user) => !user.isActive).map((user) => user.id);
  const [facts, records] = await Promise.all([
    tenantFacts(deps.client, { stale: "display" }),
    inactive.length ? latestDeactivations(deps.db, inactive) : Promise.resolve(new Map()),
  ]);
  const { protectedUsers } = deps;
  return users.map((user) =>
    toUserDto(user, {
      licenseLabels: facts.licenseLabels,
      protectionOf: (candidate) => protectionOf(candidate, facts, protectedUsers),
      deactivationOf: (candidate): DeactivationRecord => {
        const record = records.get(candidate.id);
        return record
          ? { at: candidate.deactivatedAt ?? record.at.toISOString(), by: record.actorEmail, reason: record.reason, ticket: record.ticket, outsideDashboard: false }
          : { at: candidate.deactivatedAt, by: null, reason: null, ticket: null, outsideDashboard: true };
      },
    }),
  );
}

/** Filters only the index can apply; Workfront answers the rest until it is built. */
function needsIndex(filter: IndexFilter): boolean {
  return (
    filter.license.length + filter.accessLevel.length + filter.group.length + filter.company.length + filter.manager.length > 0 ||
    filter.lastLoginOlderThan !== undefined ||
    filter.neverSignedIn === true ||
    filter.createdBefore !== undefined
  );
}

const indexNotReady = () =>
  new ApiError(503, "index_not_ready", "The list of Workfront users is still being read for the first time; filters work once it is done.");

export async function listUsers(deps: OffboardingDeps, query: UserListQuery, signal?: AbortSignal): Promise<UserListPage> {
  await assertKnownFilters(deps, query);
  const tenant = tenantOf(deps.client);
  const state = await indexState(deps.db, tenant);
  if (state) {
    const { rows, total } = await listIndexed(deps.db, tenant, query, state.version);
    const [users, managers] = await Promise.all([toUserDtos(deps, rows.map(toUser)), namesOf(deps.db, tenant, rows.flatMap((row) => (row.managerId ? [row.managerId] : [])))]);
    for (const [index, user] of users.entries()) user.manager = managers.get(rows[index]!.managerId ?? "") ?? null;
    return { users, total, page: query.page, pageSize: query.pageSize, source: "index", refreshedAt: state.refreshedAt.toISOString() };
  }
  if (needsIndex(query)) throw indexNotReady();
  return listFromWorkfront(deps, query, signal);
}

/**
 * One Workfront search and one count, in parallel. ID breaks ties so pages never skip or repeat a
 * row (Workfront's order is otherwise not deterministic). Exported for the user-index bench, which
 * runs it beside the index as the Workfront-backed list.
 */
export async function listFromWorkfront(deps: OffboardingDeps, query: UserListQuery, signal?: AbortSignal): Promise<UserListPage> {
  const { client } = deps;
  const filters = statusFilters[query.status];
  const anyOf = searchGroups(query.q);
  const caseInsensitive = query.sort === "name" || query.sort === "email";
  const direction = caseInsensitive ? (query.dir === "asc" ? "ciasc" : "cidesc") : query.dir;
  const sort: SortKey[] = [
    { field: sortFields[query.sort], direction },
    { field: "ID", direction: "asc" },
  ];
  const first = (query.page - 1) * query.pageSize;
  const [users, total] = await Promise.all([
    client.searchUsers({ filters, anyOf, sort, first, limit: query.pageSize }, { signal }),
    client.countUsers({ filters, anyOf }, { signal }),
  ]);
  return { users: await toUserDtos(deps, users), total, page: query.page, pageSize: query.pageSize, source: "workfront", refreshedAt: null };
}

export async function countUsersByStatus(deps: OffboardingDeps, filter: Omit<IndexFilter, "status">, signal?: AbortSignal): Promise<UserCounts> {
  await assertKnownFilters(deps, filter);
  const tenant = tenantOf(deps.client);
  const state = await indexState(deps.db, tenant);
  if (state) {
    return countIndexedByStatus(deps.db, tenant, filter, state.version);
  }
  if (needsIndex({ ...filter, status: "all" })) throw indexNotReady();
  const anyOf = searchGroups(filter.q);
  const [active, deactivated] = await Promise.all([
    deps.client.countUsers({ filters: statusFilters.active, anyOf }, { signal }),
    deps.client.countUsers({ filters: statusFilters.deactivated, anyOf }, { signal }),
  ]);
  return { active, deactivated };
}

export async function getUserRow(deps: OffboardingDeps, id: string, signal?: AbortSignal): Promise<UserDto> {
  const [dto] = await toUserDtos(deps, [await deps.client.getUser(id, { signal })]);
  return dto!;
}
