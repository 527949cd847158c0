import "server-only";
import { and, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import { type Database, indexedUsers } from "@/lib/db";

/**
 * What the users page's filters offer: the values the tenant's people actually have, with how
 * many have each, most first. Read from the index, so it answers at once for 100,000 people.
 */
export interface FacetOption {
  value: string;
  /** The name Workfront gives it (a group's, a manager's); null where it has none. */
  label: string | null;
  count: number;
}

export interface UserFacets {
  license: FacetOption[];
  accessLevel: FacetOption[];
  group: FacetOption[];
  company: FacetOption[];
  manager: FacetOption[];
}

/** A select with more options than this is no help; the most common are offered. */
export const FACET_LIMIT = 500;

async function grouped(db: Database, tenant: string, value: AnyPgColumn, label: AnyPgColumn | null): Promise<FacetOption[]> {
  const rows = await db
    .select({ value: sql<string>`${value}`, label: label ? sql<string | null>`max(${label})` : sql<string | null>`null`, count: count() })
    .from(indexedUsers)
    .where(and(eq(indexedUsers.tenant, tenant), isNotNull(value)))
    .groupBy(value)
    .orderBy(desc(count()), value)
    .limit(FACET_LIMIT);
  return rows.map((row) => ({ value: row.value, label: row.label, count: row.count }));
}

export async function userFacets(db: Database, tenant: string): Promise<UserFacets> {
  const t = indexedUsers;
  const [license, accessLevel, group, company, managerIds] = await Promise.all([
    grouped(db, tenant, t.licenseType, null),
    grouped(db, tenant, t.accessLevelId, t.accessLevelName),
    grouped(db, tenant, t.homeGroupId, t.homeGroupName),
    grouped(db, tenant, t.companyId, t.companyName),
    grouped(db, tenant, t.managerId, null),
  ]);
  const names = await namesOf(db, tenant, managerIds.map((option) => option.value));
  const manager = managerIds.map((option) => ({ ...option, label: names.get(option.value) ?? null }));
  return { license, accessLevel, group, company, manager };
}

/** People's names by ID, for the managers the index holds only as IDs. */
export async function namesOf(db: Database, tenant: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const people = alias(indexedUsers, "people");
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.tenant, tenant), inArray(people.id, [...new Set(ids)])));
  return new Map(rows.map((row) => [row.id, row.name]));
}
