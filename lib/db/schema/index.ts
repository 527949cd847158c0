/** The one Postgres schema of the app, one file per table. drizzle-kit reads this file. */
export * from "./accounts";
export * from "./audit-events";
export * from "./auth-throttle";
export * from "./jobs";
export * from "./workfront-connection";
export * from "./person-locks";
export * from "./user-index";
export * from "./protected-people";
export * from "./admin-events";
export * from "./reassignments";
export * from "./notifications";
export * from "./api-tokens";
export * from "./scheduled-deactivations";
