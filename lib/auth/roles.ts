/**
 * Roles and what each may do. Pure data with no server imports, so the client can use it to hide
 * actions it would be refused; the server still checks every request with `can()`.
 */
export const ROLES = ["viewer", "operator", "admin"] as const;

export type Role = (typeof ROLES)[number];

/** Each role includes everything the roles below it may do. */
const roleRank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export const roleLabels: Record<Role, string> = {
  viewer: "Viewer",
  operator: "Operator",
  admin: "Admin",
};

export const roleDescriptions: Record<Role, string> = {
  viewer: "Sees users and the audit log.",
  operator: "Also deactivates and reactivates users.",
  admin: "Also changes settings and may override protected accounts.",
};

/** The least role that holds each permission: a new permission fails to compile until it has one. */
export const permissions = {
  viewUsers: "viewer",
  viewAudit: "viewer",
  exportAudit: "viewer",
  deactivate: "operator",
  reactivate: "operator",
  runBulkJobs: "operator",
  manageSettings: "admin",
  manageAccounts: "admin",
  manageTokens: "admin",
  overrideProtection: "admin",
  // Deactivate someone whose open work blocks it (approvals awaiting them), with a reason.
  overrideOpenWork: "admin",
  deactivateAdmins: "admin",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof permissions;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function hasRole(actual: Role, required: Role): boolean {
  return roleRank[actual] >= roleRank[required];
}

export function can(role: Role, permission: Permission): boolean {
  return hasRole(role, permissions[permission]);
}
