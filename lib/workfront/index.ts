import "server-only";

/** The only module that talks to Workfront. See README "Workfront client". */
export { createWorkfrontClient, type WorkfrontClient, type UserSearch, type UserFilter } from "./client";
export type { WorkfrontClientConfig } from "./config";
export type { BatchOperation, BatchResult } from "./batch";
export { WorkfrontError, isWorkfrontError, type WorkfrontErrorCode } from "./errors";
export { workfrontIdSchema, isWorkfrontId } from "./ids";
export type { Filter, SearchQuery, SortKey, SortDirection } from "./query";
export type { WorkfrontCredential } from "./transport";
export type { UserUpdates, WorkfrontUser } from "./user";
export { workfront } from "./from-env";
