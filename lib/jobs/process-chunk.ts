import "server-only";
import { inArray } from "drizzle-orm";
import { latestDeactivations } from "@/lib/audit";
import { auditEvents } from "@/lib/db";
import { refusalOf } from "@/lib/offboarding/change-status";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { logger } from "@/lib/logger";
import { holdPeople } from "@/lib/offboarding/person-locks";
import { noteUsers } from "@/lib/user-index";
import { type TenantFacts, tenantFacts } from "@/lib/offboarding/tenant-facts";
import type { WorkfrontUser } from "@/lib/workfront";
import type { ClaimedItem } from "./claim";
import { gateDeferredItems } from "./open-work-gate";
import { type JobContext, loadJobContexts } from "./job-context";
import {
  type ItemOutcome,
  type OutcomeSettings,
  type ReadyItem,
  applyOutcomes,
  finishJobs,
  prepareWrites,
} from "./record-outcomes";
import { type UserResult, type Write, type WriteSettings, classify, describeError, readUsers, writeUsers } from "./workfront-calls";

export interface ChunkSettings extends OutcomeSettings, WriteSettings {
  /** How long the chunk's hold on its people lasts without renewal (the items' lease). */
  leaseMs: number;
}

export interface ChunkReport {
  items: number;
  written: number;
  lost: number;
  paused: string[];
}

type Candidate = { item: ClaimedItem; job: JobContext; user: WorkfrontUser };

/** A failed call becomes the item's outcome: pause the job, retry later, or fail for good. */
function fromError(item: ClaimedItem, job: JobContext, user: WorkfrontUser | null, error: unknown): ItemOutcome {
  const described = describeError(error);
  switch (classify(error)) {
    case "pause":
      return { type: "release", item, job, error: described };
    case "retry":
      return { type: "retry", item, job, user, error: described };
    case "fail":
      return { type: "final", state: "failed", item, job, user, error: described };
  }
}

/**
 * Decides what to do with one person once their current state is known. `isActiveBefore` of the
 * item's pending audit row (written before an earlier attempt's write) tells "we changed them, and
 * the answer was lost" (succeeded) from "they were already so" (already).
 */
function decide(
  deps: OffboardingDeps,
  item: ClaimedItem,
  job: JobContext,
  user: WorkfrontUser,
  facts: TenantFacts | null,
  before: boolean | null | undefined,
): ItemOutcome | Candidate {
  const want = job.kind === "reactivate";
  if (user.isActive === want && before === !want) {
    return { type: "final", state: "succeeded", item, job, user, isActiveAfter: user.isActive };
  }
  if (job.kind === "deactivate" && facts) {
    const refusal = refusalOf(deps, user, { action: job.kind, actor: { role: job.createdByRole }, bulk: { includeAdmins: job.includeAdmins } }, facts);
    if (refusal) {
      return { type: "final", state: "refused", item, job, user, error: { code: refusal.refusal, message: refusal.message } };
    }
  }
  if (user.isActive === want) return { type: "final", state: "already", item, job, user, isActiveAfter: user.isActive };
  if (job.cancelRequestedAt) {
    return {
      type: "final",
      state: "cancelled",
      item,
      job,
      user,
      isActiveAfter: user.isActive,
      error: { code: "cancelled", message: "The job was cancelled before this person was started." },
    };
  }
  return { item, job, user };
}

/**
 * Deactivations of a job made while Workfront could not be asked about open work (issue 16's gate,
 * deferred): each person not yet checked is checked now, in one batched read for the chunk, and
 * refused when blocked unless the job carries an admin's override. A failed read is the items'
 * outcome like a failed read of the people (pause, retry or fail).
 */
async function gateDeferred(deps: OffboardingDeps, candidates: readonly Candidate[]): Promise<{ pass: Candidate[]; outcomes: ItemOutcome[] }> {
  const unchecked = candidates.filter((c) => c.job.kind === "deactivate" && c.job.openWorkDeferred && !c.item.openWork);
  if (unchecked.length === 0) return { pass: [...candidates], outcomes: [] };
  const pass = candidates.filter((c) => !unchecked.includes(c));
  const outcomes: ItemOutcome[] = [];
  const byJob = new Map<string, Candidate[]>();
  for (const c of unchecked) byJob.set(c.job.id, [...(byJob.get(c.job.id) ?? []), c]);
  for (const group of byJob.values()) {
    const job = group[0]!.job;
    let checked;
    try {
      checked = await gateDeferredItems(deps.client, group.map((c) => ({ id: c.user.id, name: c.user.name })), job.openWorkOverride);
    } catch (error) {
      for (const c of group) outcomes.push(fromError(c.item, c.job, c.user, error));
      continue;
    }
    for (const c of group) {
      const gate = checked.get(c.user.id);
      const item = { ...c.item, openWork: gate?.evidence ?? null };
      if (gate?.refusal) {
        outcomes.push({ type: "final", state: "refused", item, job: c.job, user: c.user, error: { code: "open_work_blocking", message: gate.refusal.message } });
      } else {
        pass.push({ ...c, item });
      }
    }
  }
  return { pass, outcomes };
}

/** What Workfront said about the chunk's people goes into the users index (never fails the chunk). */
async function noteKnownUsers(deps: OffboardingDeps, outcomes: readonly ItemOutcome[]): Promise<void> {
  const users = outcomes.flatMap((outcome) => (outcome.type === "final" && outcome.user ? [outcome.user] : []));
  await noteUsers(deps.db, deps.client, users).catch((error: unknown) => logger.warn({ err: error }, "noting users in the index failed"));
}

/** The pending audit rows that earlier attempts wrote, by ID: what each person was before. */
async function auditsBefore(deps: OffboardingDeps, items: readonly ClaimedItem[]) {
  const ids = items.flatMap((item) => (item.auditEventId === null ? [] : [item.auditEventId]));
  if (ids.length === 0) return new Map<number, { isActiveBefore: boolean | null; pending: boolean }>();
  const rows = await deps.db
    .select({ id: auditEvents.id, isActiveBefore: auditEvents.isActiveBefore, outcome: auditEvents.outcome })
    .from(auditEvents)
    .where(inArray(auditEvents.id, ids));
  return new Map(rows.map((row) => [row.id, { isActiveBefore: row.isActiveBefore, pending: row.outcome === "pending" }]));
}

async function factsFor(deps: OffboardingDeps, jobs: Iterable<JobContext>): Promise<{ facts: TenantFacts | null; error?: unknown }> {
  if (![...jobs].some((job) => job.kind === "deactivate")) return { facts: null };
  try {
    return { facts: await tenantFacts(deps.client) };
  } catch (error) {
    return { facts: null, error };
  }
}

/** Reactivation puts back the access level saved when the person was deactivated here. */
async function writesFor(deps: OffboardingDeps, ready: readonly ReadyItem[]): Promise<Write[]> {
  const reactivating = ready.filter((r) => r.job.kind === "reactivate").map((r) => r.user.id);
  const saved = reactivating.length ? await latestDeactivations(deps.db, reactivating) : new Map();
  return ready.map(({ job, user }) => {
    const want = job.kind === "reactivate";
    const accessLevelId: string | null | undefined = want ? saved.get(user.id)?.snapshot?.accessLevelId : undefined;
    return { id: user.id, updates: { isActive: want, ...(accessLevelId ? { accessLevelID: accessLevelId } : {}) } };
  });
}

/**
 * Runs one claimed chunk: one read of everyone's current state (a search by IDs), the decisions
 * (refused, already, cancelled, or to write), pending audit rows for the writes, one bulk edit (or
 * one PUT each, or a /batch where configured), then every item's result and audit completion in
 * one transaction.
 */
export async function processChunk(
  deps: OffboardingDeps,
  settings: ChunkSettings,
  claimed: readonly ClaimedItem[],
): Promise<ChunkReport> {
  const jobs = await loadJobContexts(deps.db, claimed.map((item) => item.jobId));
  const known = claimed.filter((item) => jobs.has(item.jobId));
  // One action per person at a time: whoever another action (or another chunk) holds now, and a
  // second item for someone already in this chunk, waits for a later claim.
  const hold = await holdPeople(deps.db, known.map((item) => item.targetId), settings.leaseMs);
  try {
    const taken = new Set<string>();
    const items: ClaimedItem[] = [];
    const waiting: ItemOutcome[] = [];
    for (const item of known) {
      if (hold.held.has(item.targetId) && !taken.has(item.targetId)) {
        taken.add(item.targetId);
        items.push(item);
      } else {
        waiting.push({ type: "defer", item, job: jobs.get(item.jobId)! });
      }
    }
    return await processHeld(deps, settings, jobs, items, waiting);
  } finally {
    await hold.release();
  }
}

async function processHeld(
  deps: OffboardingDeps,
  settings: ChunkSettings,
  jobs: Map<string, JobContext>,
  items: readonly ClaimedItem[],
  waiting: readonly ItemOutcome[],
): Promise<ChunkReport> {
  const [audits, reads, facts] = await Promise.all([
    auditsBefore(deps, items),
    readUsers(deps.client, items.map((item) => item.targetId)),
    factsFor(deps, jobs.values()),
  ]);

  const outcomes: ItemOutcome[] = [...waiting];
  const candidates: Candidate[] = [];
  for (const claimedItem of items) {
    const job = jobs.get(claimedItem.jobId)!;
    const audit = claimedItem.auditEventId === null ? undefined : audits.get(claimedItem.auditEventId);
    // A row that is somehow complete already is never completed twice: the item starts a new one.
    const item = audit?.pending === false ? { ...claimedItem, auditEventId: null } : claimedItem;
    const read: UserResult = reads.get(item.targetId) ?? { ok: false, error: undefined };
    if (!read.ok) {
      outcomes.push(fromError(item, job, null, read.error));
    } else if (job.kind === "deactivate" && facts.error !== undefined) {
      outcomes.push(fromError(item, job, read.user, facts.error));
    } else {
      const decision = decide(deps, item, job, read.user, facts.facts, audit?.isActiveBefore);
      if ("type" in decision) outcomes.push(decision);
      else candidates.push(decision);
    }
  }

  const gated = await gateDeferred(deps, candidates);
  outcomes.push(...gated.outcomes);
  const { ready, cancelled } = await prepareWrites(deps.db, settings.owner, gated.pass);
  outcomes.push(...cancelled);
  if (ready.length > 0) {
    const results = await writeUsers(deps.client, await writesFor(deps, ready), settings);
    for (const { item, job, user } of ready) {
      const result = results.get(user.id) ?? { ok: false, error: undefined };
      const want = job.kind === "reactivate";
      if (!result.ok) outcomes.push(fromError(item, job, user, result.error));
      else if (result.user.isActive === want) {
        outcomes.push({ type: "final", state: "succeeded", item, job, user: result.user, isActiveAfter: result.user.isActive });
      } else {
        outcomes.push({
          type: "final",
          state: "failed",
          item,
          job,
          user: result.user,
          isActiveAfter: result.user.isActive,
          error: { code: "not_applied", message: `Workfront accepted the change but still reports isActive: ${result.user.isActive}.` },
        });
      }
    }
  }

  const { lost, paused } = await applyOutcomes(deps.db, settings, outcomes);
  await finishJobs(deps.db, [...jobs.keys()]);
  await noteKnownUsers(deps, outcomes);
  return { items: items.length, written: ready.length, lost, paused };
}
