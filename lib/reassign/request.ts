import "server-only";
import type { Database } from "@/lib/db";
import type { ImpactCategoryKey } from "@/lib/offboarding/impact/types";
import type { WorkfrontClient } from "@/lib/workfront";
import { type ReassignmentActor, createReassignment } from "./create";
import { type LeaverRequest, listItems, resolveSuccessors } from "./plan";

export interface ReassignmentRequest {
  leavers: readonly LeaverRequest[];
  categories?: readonly ImpactCategoryKey[];
  actor: ReassignmentActor;
  reason: string;
  ticket: string | null;
  requestId: string;
  clientIp: string | null;
}

/**
 * What POST /api/reassignments (and so the person page) does: every successor checked
 * (`resolveSuccessors`: a bad one is a 4xx before anything is read or written), the leavers'
 * objects listed, then the reassignment and its items stored in one transaction. The caller
 * starts the run (`startRun`). Returns the reassignment's ID.
 */
export async function requestReassignment(
  deps: { db: Database; client: WorkfrontClient },
  request: ReassignmentRequest,
): Promise<string> {
  const pairs = await resolveSuccessors(deps, request.leavers, request.categories);
  const items = await listItems(deps.client, pairs, request.categories);
  return createReassignment(deps.db, {
    actor: request.actor,
    reason: request.reason,
    ticket: request.ticket,
    requestId: request.requestId,
    clientIp: request.clientIp,
    items,
  });
}
