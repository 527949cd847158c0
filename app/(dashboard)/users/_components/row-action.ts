import { can } from "@/lib/auth/roles";
import type { Role } from "@/lib/auth/roles";
import type { StatusAction } from "@/lib/client/users-api";
import { type OverridableProtection, type RefusalCode, type UserDto, isOverridable } from "@/lib/offboarding/user-dto";

export interface RowAction {
  action: StatusAction;
  /** Why the action is shown but may not be used (worded by users.protection); null when it may. */
  disabledReason: RefusalCode | null;
  /** Set when the action deactivates a protected account that this role may override. */
  override?: OverridableProtection;
}

/**
 * Which action a row offers the signed-in role. Mirrors the server's rules so nobody is offered
 * a button that can only fail; the server still refuses on its own.
 */
export function rowActionFor(user: UserDto, role: Role): RowAction | null {
  if (!user.isActive) return can(role, "reactivate") ? { action: "reactivate", disabledReason: null } : null;
  if (!can(role, "deactivate")) return null;
  if (user.protection) {
    const { code } = user.protection;
    if (isOverridable(code) && can(role, "overrideProtection")) return { action: "deactivate", disabledReason: null, override: code };
    return { action: "deactivate", disabledReason: code };
  }
  if (user.isAdmin && !can(role, "deactivateAdmins")) {
    return { action: "deactivate", disabledReason: "admin_target" };
  }
  return { action: "deactivate", disabledReason: null };
}

export function mayChangeStatus(role: Role): boolean {
  return can(role, "deactivate") || can(role, "reactivate");
}
