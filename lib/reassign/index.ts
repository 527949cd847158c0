import "server-only";

/** Handing a leaver's work to a successor (issue 16): durable, audited per changed object. */
export { type LeaverRequest, type PlannedItem, REASSIGNABLE, type SuccessorPair, listItems, resolveSuccessors } from "./plan";
export { type ReassignmentRequest, requestReassignment } from "./request";
export { type Leaving, leavingAmong } from "./leaving";
export { type NewReassignment, type ReassignmentActor, createReassignment } from "./create";
export { DEFAULT_LEASE_MS, type RunDeps, runReassignment } from "./run";
export { type ReassignmentSummary, getReassignment, unfinishedReassignments } from "./queries";
export { startReassignmentResumer, startRun } from "./runner";
