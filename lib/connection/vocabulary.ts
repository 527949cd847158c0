/**
 * The connection's lookup values. Pure (no server imports): the Settings page words them from the
 * settings catalogue, the schema builds its CHECK constraints from the same keys.
 */
export const CONNECTION_METHODS = ["password", "api_key", "oauth2"] as const;
export type ConnectionMethod = (typeof CONNECTION_METHODS)[number];

/** `reconnect`: Workfront refused the stored credential; the app stays usable but cannot act. */
export const CONNECTION_STATES = ["ok", "reconnect"] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];
