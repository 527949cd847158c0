/**
 * What an admin changes in the app itself (accounts, the protected list), as lookup data: the
 * admin log's CHECK constraint and the Settings page's words use the same codes.
 */
export const ADMIN_ACTIONS = [
  "account_invited",
  "account_role_changed",
  "account_disabled",
  "account_enabled",
  "account_sessions_ended",
  "person_protected",
  "person_unprotected",
  "token_created",
  "token_revoked",
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];
