import "server-only";
import { z } from "zod";
import { latestDeactivations } from "@/lib/audit";
import { type Filter, type SortKey, type WorkfrontUser, workfrontIdSchema } from "@/lib/workfront";
import type { OffboardingDeps } from "./deps";
import { protectionOf } from "./protections";
import { tenantFacts } from "./tenant-facts";
import type { DeactivationRecord, UserCounts, UserDto, UserListPage } from "./user-dto";
import { toUserDto } from "./user-dto";

/** The users list as the dashboard asks for it: search, status tab, sort and page. */
export const searchText = z.string().trim().max(200, "at most 200 characters").default("");

export const userListQuerySchema = z
  .object({
    q: searchText,
    status: z.enum(["active", "deactivated", "all"]).default("active"),
    sort: z.enum(["name", "email", "lastLogin", "deactivated"]).default("name"),
    dir: z.enum(["asc", "desc"]).default("asc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce
      .number()
      .int()
      .refine((size) => [25, 50, 100, 200].includes(size), "one of 25, 50, 100, 200")
      .default(25),
  })
  .strict();

export const userCountsQuerySchema = z.object({ q: searchText }).strict();
export const userParamsSchema = z.object({ id: workfrontIdSchema });

export type UserListQuery = z.infer<typeof userListQuerySchema>;

const sortFields: Record<UserListQuery["sort"], string> = {
  name: "name",
  email: "emailAddr",
  lastLogin: "lastLoginDate",
  deactivated: "actualDeactivationDate",
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
    tenantFacts(deps.client),
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

/**
 * One Workfront search and one count, in parallel. ID breaks ties so pages never skip or repeat a
 * row (Workfront's order is otherwise not deterministic).
 */
export async function listUsers(deps: OffboardingDeps, query: UserListQuery, signal?: AbortSignal): Promise<UserListPage> {
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
  return { users: await toUserDtos(deps, users), total, page: query.page, pageSize: query.pageSize };
}

export async function countUsersByStatus(deps: OffboardingDeps, q: string, signal?: AbortSignal): Promise<UserCounts> {
  const { client } = deps;
  const anyOf = searchGroups(q);
  const [active, deactivated] = await Promise.all([
    client.countUsers({ filters: statusFilters.active, anyOf }, { signal }),
    client.countUsers({ filters: statusFilters.deactivated, anyOf }, { signal }),
  ]);
  return { active, deactivated };
}

export async function getUserRow(deps: OffboardingDeps, id: string, signal?: AbortSignal): Promise<UserDto> {
  const [dto] = await toUserDtos(deps, [await deps.client.getUser(id, { signal })]);
  return dto!;
}
