import type { WorkfrontUser } from "@/lib/workfront";

/**
 * What the browser and API scripts get of a Workfront user: display fields, why the user may not
 * be deactivated, and (for deactivated users) who deactivated them, when and why.
 * Types only, so client components may import them.
 */
export type ProtectionCode = "main_admin" | "integration_user" | "configured";

/**
 * The protections the admin role may override for one deactivation (permission
 * `overrideProtection`): only the dashboard's own list. Workfront itself refuses to deactivate the
 * main administrator, and deactivating the integration user would cut the dashboard off.
 */
export const OVERRIDABLE_PROTECTIONS = ["configured"] as const satisfies readonly ProtectionCode[];
export type OverridableProtection = (typeof OVERRIDABLE_PROTECTIONS)[number];

export function isOverridable(code: ProtectionCode): code is OverridableProtection {
  return (OVERRIDABLE_PROTECTIONS as readonly ProtectionCode[]).includes(code);
}

/**
 * Why the dashboard refuses to deactivate someone, whatever Workfront would say: a protection, a
 * System Administrator for a role below admin, or (`admin_not_included`) a System Administrator in
 * a bulk run whose admin did not include them on purpose, or (`open_work_blocking`) work that
 * blocks the deactivation (issue 16) and nobody overrode. Stored with refused job items and audit rows.
 */
export const REFUSAL_CODES = ["main_admin", "integration_user", "configured", "admin_target", "admin_not_included", "open_work_blocking"] as const satisfies readonly (
  | ProtectionCode
  | "admin_target"
  | "admin_not_included"
  | "open_work_blocking"
)[];
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export function isRefusalCode(code: string | null | undefined): code is RefusalCode {
  return (REFUSAL_CODES as readonly (string | null | undefined)[]).includes(code);
}

export interface UserProtection {
  code: ProtectionCode;
  reason: string;
}

export interface DeactivationRecord {
  /** When Workfront says the user was deactivated (or when we did it). */
  at: string | null;
  /** The dashboard account that did it; null when it happened outside this dashboard. */
  by: string | null;
  reason: string | null;
  ticket: string | null;
  outsideDashboard: boolean;
}

export interface UserDto {
  id: string;
  name: string;
  email: string | null;
  title: string | null;
  isActive: boolean;
  licenseType: string | null;
  licenseTypeLabel: string | null;
  accessLevel: string | null;
  /** A System Administrator: only the admin role may deactivate them. */
  isAdmin: boolean;
  homeGroup: string | null;
  company?: string | null;
  /** The manager's name (from the index; null when Workfront answered the list or they have none). */
  manager?: string | null;
  createdAt?: string | null;
  lastLoginAt: string | null;
  deactivatedAt: string | null;
  protection: UserProtection | null;
  /** Set for deactivated users. */
  deactivation: DeactivationRecord | null;
}

export interface UserListPage {
  users: UserDto[];
  total: number;
  page: number;
  pageSize: number;
  /** `index`: read from the local index, as fresh as `refreshedAt`; `workfront`: asked Workfront (no index yet). */
  source: "index" | "workfront";
  refreshedAt: string | null;
}

export interface UserCounts {
  active: number;
  deactivated: number;
}

export interface UserActionResult {
  user: UserDto;
}

export interface UserDtoContext {
  licenseLabels: ReadonlyMap<string, string>;
  protectionOf: (user: WorkfrontUser) => UserProtection | null;
  deactivationOf: (user: WorkfrontUser) => DeactivationRecord | null;
}

export function toUserDto(user: WorkfrontUser, context: UserDtoContext): UserDto {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    title: user.title,
    isActive: user.isActive,
    licenseType: user.licenseType,
    licenseTypeLabel: user.licenseType ? (context.licenseLabels.get(user.licenseType) ?? user.licenseType) : null,
    accessLevel: user.accessLevel?.name ?? null,
    isAdmin: user.accessLevel?.isAdmin === true,
    homeGroup: user.homeGroup?.name ?? null,
    company: user.company?.name ?? null,
    manager: null,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
    deactivatedAt: user.deactivatedAt,
    protection: context.protectionOf(user),
    deactivation: user.isActive ? null : context.deactivationOf(user),
  };
}
