import "server-only";
import { OpenWorkBlocked, assertGate, checkGate } from "@/lib/offboarding/impact/gate";
import type { BlockedPerson, OpenWorkEvidence } from "@/lib/offboarding/impact/types";
import { type WorkfrontClient, isCredentialError, isWorkfrontError } from "@/lib/workfront";
import type { TargetNames } from "./target-names";

/** The gate's result for a new job: each person's evidence, or `deferred` when Workfront could not be asked. */
export interface JobGate {
  evidence: ReadonlyMap<string, OpenWorkEvidence>;
  deferred: boolean;
}

/** The gate's reading before the refusal: also who is blocked (empty when deferred). */
export interface JobGateReading extends JobGate {
  evidence: Map<string, OpenWorkEvidence>;
  /** Who holds blocking work; with an override they are let through, the override in their evidence. */
  blocked: BlockedPerson[];
}

/**
 * A deactivation job's open-work gate (issue 16), before the job exists: everyone's impact check
 * with the batched reports, 409 `open_work_blocking` listing who holds blocking work and what,
 * unless an admin gave an override reason (the route checks the role). The counts go with each
 * item into its audit row as evidence. A job is durable through an outage, so when Workfront
 * cannot be asked now (unreachable, busy, a refused credential) the job is made with the check
 * deferred: the worker checks each person just before writing them (`gateDeferredItems`).
 */
export async function gateJob(
  client: WorkfrontClient,
  userIds: readonly string[],
  names: TargetNames,
  override: { reason: string } | null,
): Promise<JobGate> {
  const reading = await readJobGate(client, userIds, names, override);
  assertGate(reading, override);
  return { evidence: reading.evidence, deferred: reading.deferred };
}

/**
 * `gateJob` without the refusal, for a caller that leaves the blocked out of its job and answers
 * for them itself rather than refuse everyone (the leavers feed, lib/leavers/feed-gate.ts).
 */
export async function readJobGate(
  client: WorkfrontClient,
  userIds: readonly string[],
  names: TargetNames,
  override: { reason: string } | null,
): Promise<JobGateReading> {
  try {
    const result = await checkGate(client, userIds.map((id) => ({ id, name: names.get(id)?.name ?? null })), override);
    return { evidence: result.evidence, deferred: false, blocked: result.blocked };
  } catch (error) {
    if (isWorkfrontError(error) && (error.retryable || isCredentialError(error))) return { evidence: new Map(), deferred: true, blocked: [] };
    throw error;
  }
}

/**
 * The worker's half of a deferred gate: the open work of the people about to be written, read
 * now with the batched check; who is blocked is refused (`open_work_blocking`) unless the job
 * carries an admin's override. Everyone keeps the check as their audit row's evidence.
 */
export async function gateDeferredItems(
  client: WorkfrontClient,
  people: readonly { id: string; name: string | null }[],
  override: string | null,
): Promise<Map<string, { evidence: OpenWorkEvidence; refusal: OpenWorkBlocked | null }>> {
  const result = await checkGate(client, people, override ? { reason: override } : null);
  const blocked = new Map(result.blocked.map((person) => [person.userId, person]));
  return new Map(
    [...result.evidence].map(([id, evidence]) => {
      const person = blocked.get(id);
      return [id, { evidence, refusal: person && !override ? new OpenWorkBlocked([person]) : null }];
    }),
  );
}
