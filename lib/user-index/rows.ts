import type { indexedUsers } from "@/lib/db";
import type { WorkfrontUser } from "@/lib/workfront";
import { fold } from "./fold";

export type IndexedUserRow = typeof indexedUsers.$inferSelect;

const date = (iso: string | null) => (iso ? new Date(iso) : null);
const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** A user as Workfront answered, as the index keeps them. */
export function toRow(tenant: string, user: WorkfrontUser, seenIn: number): IndexedUserRow {
  return {
    tenant,
    id: user.id,
    name: user.name,
    email: user.email,
    username: user.username,
    title: user.title,
    isActive: user.isActive,
    licenseType: user.licenseType,
    accessLevelId: user.accessLevel?.id ?? null,
    accessLevelName: user.accessLevel?.name ?? null,
    isAdmin: user.accessLevel?.isAdmin === true,
    homeGroupId: user.homeGroup?.id ?? null,
    homeGroupName: user.homeGroup?.name ?? null,
    companyId: user.company?.id ?? null,
    companyName: user.company?.name ?? null,
    managerId: user.managerId,
    createdAt: date(user.createdAt),
    updatedAt: date(user.updatedAt),
    lastLoginAt: date(user.lastLoginAt),
    scheduledDeactivationAt: date(user.scheduledDeactivationAt),
    deactivatedAt: date(user.deactivatedAt),
    sortName: fold(user.name),
    searchText: fold([user.name, user.email, user.username].filter(Boolean).join(" ")),
    seenIn,
  };
}

/** The row back in the client's shape, so the DTO code serves both sources alike. */
export function toUser(row: IndexedUserRow): WorkfrontUser {
  return {
    id: row.id,
    name: row.name,
    // Not kept: nothing the lists show needs them, and a name cannot be split back reliably.
    firstName: null,
    lastName: null,
    email: row.email,
    username: row.username,
    title: row.title,
    isActive: row.isActive,
    licenseType: row.licenseType,
    accessLevel: row.accessLevelId ? { id: row.accessLevelId, name: row.accessLevelName, isAdmin: row.isAdmin } : null,
    homeGroup: row.homeGroupId ? { id: row.homeGroupId, name: row.homeGroupName } : null,
    company: row.companyId ? { id: row.companyId, name: row.companyName } : null,
    managerId: row.managerId,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    lastLoginAt: iso(row.lastLoginAt),
    scheduledDeactivationAt: iso(row.scheduledDeactivationAt),
    deactivatedAt: iso(row.deactivatedAt),
  };
}
