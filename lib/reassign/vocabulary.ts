/** Lookup data of reassignments. Pure, so the schema's CHECK constraints and the UI share it. */
export const REASSIGNMENT_STATUSES = ["running", "completed"] as const;
export type ReassignmentStatus = (typeof REASSIGNMENT_STATUSES)[number];

/** `pending` → claimed (`running`, leased) → `done` or `failed`; a lost lease makes it claimable again. */
export const REASSIGN_ITEM_STATES = ["pending", "running", "done", "failed"] as const;
export type ReassignItemState = (typeof REASSIGN_ITEM_STATES)[number];
