import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { type Database, indexedUsers } from "@/lib/db";

/**
 * Licences in use, from the index: how many active people hold each licence type, overall and
 * per home group. Deactivated people hold none (deactivating frees the licence), so they are
 * counted apart, for context.
 */
export interface LicenceTypeCount {
  licenseType: string | null;
  active: number;
  deactivated: number;
}

export interface GroupLicenceCount {
  groupId: string | null;
  groupName: string | null;
  licenseType: string | null;
  active: number;
}

/** Groups beyond this many (by active people) are left out of the per-group table. */
export const LICENCE_GROUP_LIMIT = 200;

export async function licenceCounts(db: Database, tenant: string): Promise<LicenceTypeCount[]> {
  const t = indexedUsers;
  const rows = await db
    .select({ licenseType: t.licenseType, isActive: t.isActive, count: count() })
    .from(t)
    .where(eq(t.tenant, tenant))
    .groupBy(t.licenseType, t.isActive);
  const byType = new Map<string | null, LicenceTypeCount>();
  for (const row of rows) {
    const entry = byType.get(row.licenseType) ?? { licenseType: row.licenseType, active: 0, deactivated: 0 };
    if (row.isActive) entry.active += row.count;
    else entry.deactivated += row.count;
    byType.set(row.licenseType, entry);
  }
  return [...byType.values()].sort((a, b) => b.active - a.active || String(a.licenseType).localeCompare(String(b.licenseType)));
}

export async function licenceCountsByGroup(db: Database, tenant: string): Promise<GroupLicenceCount[]> {
  const t = indexedUsers;
  const groups = db
    .select({ groupId: t.homeGroupId, total: count().as("total") })
    .from(t)
    .where(and(eq(t.tenant, tenant), eq(t.isActive, true)))
    .groupBy(t.homeGroupId)
    .orderBy(desc(count()), t.homeGroupId)
    .limit(LICENCE_GROUP_LIMIT)
    .as("top_groups");
  const rows = await db
    .select({ groupId: t.homeGroupId, groupName: sql<string | null>`max(${t.homeGroupName})`, licenseType: t.licenseType, active: count(), total: sql<number>`max(${groups.total})` })
    .from(t)
    .innerJoin(groups, sql`${groups.groupId} is not distinct from ${t.homeGroupId}`)
    .where(and(eq(t.tenant, tenant), eq(t.isActive, true)))
    .groupBy(t.homeGroupId, t.licenseType)
    .orderBy(desc(sql`max(${groups.total})`), t.homeGroupId, desc(count()));
  return rows.map(({ groupId, groupName, licenseType, active }) => ({ groupId, groupName, licenseType, active }));
}
