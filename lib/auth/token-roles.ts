/** The roles an API token may hold: never admin, so no token can change settings, accounts or tokens. */
export const TOKEN_ROLES = ["viewer", "operator"] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];
