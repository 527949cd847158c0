import "server-only";
import { assertGate, checkGate } from "@/lib/offboarding/impact/gate";
import type { OpenWorkEvidence } from "@/lib/offboarding/impact/types";
import type { WorkfrontClient } from "@/lib/workfront";
import type { TargetNames } from "./target-names";

/**
 * A deactivation job's open-work gate (issue 16), before the job exists: everyone's impact check
 * with the batched reports, 409 `open_work_blocking` listing who holds blocking work and what,
 * unless an admin gave an override reason (the route checks the role). The counts go with each
 * item into its audit row as evidence.
 */
export async function gateJob(
  client: WorkfrontClient,
  userIds: readonly string[],
  names: TargetNames,
  override: { reason: string } | null,
): Promise<Map<string, OpenWorkEvidence>> {
  const result = await checkGate(client, userIds.map((id) => ({ id, name: names.get(id)?.name ?? null })), override);
  assertGate(result, override);
  return result.evidence;
}
