import "server-only";

/** The only module that talks to Workfront. See README "Workfront client". */
export { createWorkfrontClient, type WorkfrontClient, type UserSearch, type UserFilter } from "./client";
export type { WorkfrontClientConfig } from "./config";
export type { BatchOperation, BatchResult } from "./batch";
export { MAX_OBJECTS_PER_REQUEST, type UserWrite } from "./bulk";
export { WorkfrontError, isCredentialError, isWorkfrontError, type WorkfrontErrorCode } from "./errors";
export { workfrontIdSchema, isWorkfrontId } from "./ids";
export type { Filter, SearchQuery, SortKey, SortDirection } from "./query";
export type { WorkfrontCredential } from "./transport";
export type { UserUpdates, WorkfrontUser } from "./user";
export { WORK_OBJ_CODES, MAX_WORK_WRITES, type WorkItem, type WorkObjCode, type WorkValue, type WorkWrite } from "./work";
export {
  type OAuth2App,
  type OAuth2Options,
  type OAuth2Session,
  checkPrivateKey,
  exchangeJwt,
  refreshSession,
} from "./oauth2";
export { tenantOrigin } from "./config";
