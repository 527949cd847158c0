import { ROLES, type Role } from "./roles";

/** The IdP groups that grant each role (AUTH_OIDC_ADMIN_GROUPS, …_OPERATOR_GROUPS, …_VIEWER_GROUPS). */
export type RoleGroups = Record<Role, readonly string[]>;

/** Highest first, so that a person in several mapped groups gets the most their groups grant. */
const HIGHEST_FIRST = [...ROLES].reverse();

/**
 * The role a person's groups grant here, or null when none does. Names match exactly, case
 * included: IdPs treat "Admins" and "admins" as two groups, and so do we.
 */
export function roleForGroups(groups: readonly string[], roleGroups: RoleGroups): Role | null {
  const held = new Set(groups);
  return HIGHEST_FIRST.find((role) => roleGroups[role].some((group) => held.has(group))) ?? null;
}

export function roleGroupsFrom(config: {
  AUTH_OIDC_ADMIN_GROUPS: readonly string[];
  AUTH_OIDC_OPERATOR_GROUPS: readonly string[];
  AUTH_OIDC_VIEWER_GROUPS: readonly string[];
}): RoleGroups {
  return {
    admin: config.AUTH_OIDC_ADMIN_GROUPS,
    operator: config.AUTH_OIDC_OPERATOR_GROUPS,
    viewer: config.AUTH_OIDC_VIEWER_GROUPS,
  };
}
