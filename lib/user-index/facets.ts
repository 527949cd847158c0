import "server-only";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
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

type FacetKey = keyof UserFacets;

/**
 * Every facet in one pass over the tenant's rows (grouping sets), not one scan per filter: on
 * 100,000 people the scan is the cost, and five of them were most of the page's facets request.
 */
async function grouped(db: Database, tenant: string): Promise<Record<FacetKey, FacetOption[]>> {
  const t = indexedUsers;
  const rows = await db
    .select({
      facet: sql<FacetKey>`case
        when grouping(${t.licenseType}) = 0 then 'license'
        when grouping(${t.accessLevelId}) = 0 then 'accessLevel'
        when grouping(${t.homeGroupId}) = 0 then 'group'
        when grouping(${t.companyId}) = 0 then 'company'
        else 'manager' end`,
      value: sql<string | null>`coalesce(${t.licenseType}, ${t.accessLevelId}, ${t.homeGroupId}, ${t.companyId}, ${t.managerId})`,
      label: sql<string | null>`case
        when grouping(${t.accessLevelId}) = 0 then max(${t.accessLevelName})
        when grouping(${t.homeGroupId}) = 0 then max(${t.homeGroupName})
        when grouping(${t.companyId}) = 0 then max(${t.companyName}) end`,
      count: count(),
    })
    .from(t)
    .where(eq(t.tenant, tenant))
    .groupBy(sql`grouping sets ((${t.licenseType}), (${t.accessLevelId}), (${t.homeGroupId}), (${t.companyId}), (${t.managerId}))`);
  const facets: Record<FacetKey, FacetOption[]> = { license: [], accessLevel: [], group: [], company: [], manager: [] };
  // A null value is the people without one (no manager): not an option.
  for (const row of rows) if (row.value !== null) facets[row.facet].push({ value: row.value, label: row.label, count: row.count });
  for (const options of Object.values(facets)) {
    options.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    options.splice(FACET_LIMIT);
  }
  return facets;
}

// Remembered per tenant until the index changes (its version), like the lists' totals: one pass
// over 100,000 people is the slowest read the users page makes, and the answer rarely changes.
const remembered = new Map<string, { version: number; facets: Promise<UserFacets> }>();

/** The facets of the index at `version`, read once per version and process. */
export function userFacetsAt(db: Database, tenant: string, version: number): Promise<UserFacets> {
  const known = remembered.get(tenant);
  if (known?.version === version) return known.facets;
  const facets = userFacets(db, tenant);
  remembered.set(tenant, { version, facets });
  // A failed read is not remembered: the next request tries again.
  facets.catch(() => remembered.get(tenant)?.facets === facets && remembered.delete(tenant));
  return facets;
}

export async function userFacets(db: Database, tenant: string): Promise<UserFacets> {
  const { manager: managerIds, ...rest } = await grouped(db, tenant);
  const names = await namesOf(db, tenant, managerIds.map((option) => option.value));
  const manager = managerIds.map((option) => ({ ...option, label: names.get(option.value) ?? null }));
  return { ...rest, manager };
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
