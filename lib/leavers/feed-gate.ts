import "server-only";
import type { Database } from "@/lib/db";
import { type JobGate, readJobGate } from "@/lib/jobs/open-work-gate";
import type { TargetNames } from "@/lib/jobs/target-names";
import { OpenWorkBlocked } from "@/lib/offboarding/impact/gate";
import type { BlockingEntry } from "@/lib/offboarding/impact/types";
import { type SuccessorInJob, successorInJobRefusal, successorsInJob } from "@/lib/reassign/successors-in-job";
import type { WorkfrontClient } from "@/lib/workfront";
import type { FeedPlan, LeaverOutcomeDto } from "./feed";

/**
 * The feed's people to deactivate now go through POST /api/jobs's checks (the open-work gate of
 * lib/jobs/open-work-gate.ts, then lib/reassign/successors-in-job.ts), with one difference: the
 * dashboard refuses the whole job, while an HR system sends many leavers at once and must not lose
 * the rest to one. So whoever a check would refuse is left out of the job, nothing is written for
 * them, and the answer says why, person by person:
 *
 * - `blocked_open_work` (code `open_work_blocking`): approvals awaiting them, a stage where they
 *   are the only approver, or either unreadable; `blocking` lists the categories. An admin's
 *   `overrideOpenWork` lets them through instead, as it does for a job (tokens are never admins).
 * - `blocked_successor_in_job` (code `successor_in_job`): they hold work a reassignment handed them
 *   from another person going in this job; `holdsWorkOf` names whose. The successor is left out,
 *   so the leaver whose work they hold can go (no override, as for a job).
 *
 * The gate reads first, so someone blocked by their own work does not also hold back a successor.
 * When Workfront cannot be asked, the gate is deferred as for any job: everyone goes into it and
 * the worker refuses the blocked per item (`open_work_blocking`, audited).
 */
export type BlockedState = "blocked_open_work" | "blocked_successor_in_job";

export interface GatedFeedPlan extends FeedPlan {
  /** The evidence for the job's people, or deferred (lib/jobs/open-work-gate.ts). */
  gate: JobGate;
}

export async function gateFeed(
  deps: { db: Database; client: WorkfrontClient },
  plan: FeedPlan,
  names: TargetNames,
  override: { reason: string } | null,
): Promise<GatedFeedPlan> {
  if (plan.now.length === 0) return { ...plan, gate: { evidence: new Map(), deferred: false } };
  const reading = await readJobGate(deps.client, plan.now, names, override);
  const blocked = new Map(override ? [] : reading.blocked.map((person) => [person.userId, person]));
  const passing = plan.now.filter((id) => !blocked.has(id));
  const holding = new Map<string, SuccessorInJob[]>();
  for (const pair of await successorsInJob(deps, passing)) holding.set(pair.successorId, [...(holding.get(pair.successorId) ?? []), pair]);
  const going = new Set(plan.now);
  const outcomes = plan.outcomes.map((outcome): LeaverOutcomeDto => {
    const id = outcome.user?.id;
    if (!id || !going.has(id)) return outcome;
    const person = blocked.get(id);
    if (person) return { ...outcome, state: "blocked_open_work", code: "open_work_blocking", reason: new OpenWorkBlocked([person]).message, blocking: person.blocking satisfies BlockingEntry[] };
    const pairs = holding.get(id);
    if (pairs) {
      return {
        ...outcome,
        state: "blocked_successor_in_job",
        code: "successor_in_job",
        reason: successorInJobRefusal(pairs).message,
        holdsWorkOf: pairs.map(({ leaverId, leaverName, objects }) => ({ leaverId, leaverName, objects })),
      };
    }
    return outcome;
  });
  return { ...plan, outcomes, now: passing.filter((id) => !holding.has(id)), gate: { evidence: reading.evidence, deferred: reading.deferred } };
}
