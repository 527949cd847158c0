import "server-only";

/** A local index of the tenant's users: see sync.ts (keeping it fresh) and query.ts (reading it). */
export { fold, searchWords } from "./fold";
export { type IndexFilter, type IndexListQuery, type IndexState, indexFilterSchema, indexListQuerySchema, indexState, idsMatching, listIndexed, countIndexed } from "./query";
export { toRow, toUser, type IndexedUserRow } from "./rows";
export { type IndexDeps, type SyncReport, buildIndex, noteUsers, refreshIndex, tenantOf } from "./sync";
