import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Completion } from "@/lib/audit";
import { completeAttempts } from "@/lib/audit/record";
import { can } from "@/lib/auth/roles";
import { type Database, type NewAuditEventRow, scheduledDeactivations } from "@/lib/db";
import { logger } from "@/lib/logger";
import { type BatchSetting, type WriteSettings, classify, describeError, readUsers, writeUsers } from "@/lib/jobs/workfront-calls";
import { refusalOf } from "@/lib/offboarding/change-status";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { type GateResult, OpenWorkBlocked, blockingOf, checkGate } from "@/lib/offboarding/impact";
import type { OpenWorkEvidence } from "@/lib/offboarding/impact";
import { holdPeople } from "@/lib/offboarding/person-locks";
import { type TenantFacts, tenantFacts } from "@/lib/offboarding/tenant-facts";
import { noteUsers } from "@/lib/user-index";
import type { WorkfrontUser } from "@/lib/workfront";
import { alreadyRow, insertRows, pendingRow, pendingRows, refusedRow, schedulesThatWrote } from "./deactivation-rows";
import { type Claimed, type EndingType, type Finish, endingFor, failureOf, finishAll } from "./endings";
import { refOf } from "./store";

/**
 * Runs the schedules one tick claimed as a batch, the way a bulk job runs its items (lib/jobs):
 * chunks of at most `chunkSize` people (fewer when that spreads the batch over all the slots),
 * `concurrency` chunks at once (by default as many as the client's
 * in-flight cap allows requests), each chunk one search by IDs to read, one documented bulk edit
 * to write (lib/jobs/workfront-calls.ts: 100 people a request at most, a failed bulk edit settled
 * by reading everyone again) and one search by IDs to read back. What a single scheduled
 * deactivation guaranteed holds per schedule: the chunk holds its people (person locks); the
 * protections are checked with the role of the schedule's creator; the impact check (one batched
 * check for the whole claim, read while the first chunks read their people) decides by each
 * schedule's policy; a pending `deactivate` audit row before the write, completed once, with the
 * schedule's end; a read-back `isActive: false` as the proof (`schedule_ran`); every end written
 * only while this runner holds the schedule's lease, with its event and notification in the same
 * transaction.
 */
export interface BatchSettings extends WriteSettings {
  owner: string;
  leaseMs: number;
  /** People per chunk (JOBS_CHUNK_SIZE): one read, one bulk edit, one read-back. */
  chunkSize: number;
  /** Chunks at once (JOBS_CONCURRENCY): each has one Workfront request in flight at a time. */
  concurrency: number;
  retryDelayMs: (attempts: number) => number;
}

export type { BatchSetting };

/** What the decisions need from Workfront once for the whole claim. */
interface Decisions {
  facts: TenantFacts;
  gate: GateResult;
}

/** Blocking open work overridden by the policy: admins only, as an override of the gate is (issue 16). */
const POLICY_OVERRIDE = "Scheduled with the policy “deactivate anyway”.";

export async function runClaimed(deps: OffboardingDeps, settings: BatchSettings, claimed: readonly Claimed[]): Promise<EndingType[]> {
  // Started at once and awaited by each chunk after it read its people: the check's requests
  // overlap the first reads instead of holding every chunk back.
  const decisions: Promise<Decisions> = Promise.all([
    tenantFacts(deps.client),
    checkGate(deps.client, claimed.map((row) => ({ id: row.targetId, name: row.targetName })), null),
  ]).then(([facts, gate]) => ({ facts, gate }));
  decisions.catch(() => {});
  // As even as the slots allow: 100 people due together make 10 chunks of 10 (all of the cap at
  // once), not two of 50; never more than chunkSize a chunk.
  const size = Math.max(1, Math.min(settings.chunkSize, Math.ceil(claimed.length / settings.concurrency)));
  const chunks: Claimed[][] = [];
  for (let start = 0; start < claimed.length; start += size) chunks.push(claimed.slice(start, start + size));
  const endings: EndingType[] = [];
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(settings.concurrency, chunks.length)) }, async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) endings.push(...(await runChunk(deps, settings, chunk, decisions)));
    }),
  );
  return endings;
}

type ToWrite = { row: Claimed; user: WorkfrontUser; openWork: OpenWorkEvidence | null; prior: number | null };

async function runChunk(deps: OffboardingDeps, settings: BatchSettings, rows: readonly Claimed[], decisions: Promise<Decisions>): Promise<EndingType[]> {
  const finishes: Finish[] = [];
  let hold: Awaited<ReturnType<typeof holdPeople>> | null = null;
  try {
    // One action per person at a time: whoever another action holds now is given back for a moment.
    hold = await holdPeople(deps.db, rows.map((row) => row.targetId), settings.leaseMs);
    const held = rows.filter((row) => hold!.held.has(row.targetId));
    for (const row of rows) if (!hold.held.has(row.targetId)) finishes.push({ row, ending: { type: "defer" } });
    await decide(deps, settings, held, decisions, finishes);
  } catch (error) {
    // The database failed mid-chunk: what is not decided yet tries again (its lease keeps it ours).
    const decided = new Set(finishes.map((f) => f.row.id));
    for (const row of rows) if (!decided.has(row.id)) finishes.push(failureOf(row, endingFor(error)));
  }
  try {
    await finishAll(deps.db, settings.owner, settings.retryDelayMs, finishes);
    return finishes.map((f) => f.ending.type);
  } catch (error) {
    // Nothing of it was written: the schedules stay `running` until their lease expires, then are
    // claimed again and settled from what Workfront shows then. The other chunks go on.
    logger.warn({ err: error }, "writing the ends of scheduled deactivations failed; they run again once their lease expires");
    return rows.map(() => "retry" as const);
  } finally {
    // Held until their ends are written, as a job's chunk holds its people.
    await hold?.release().catch(() => {});
  }
}

async function decide(deps: OffboardingDeps, settings: BatchSettings, rows: readonly Claimed[], decisionsPromise: Promise<Decisions>, finishes: Finish[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((row) => row.id);
  const [reads, prior] = await Promise.all([readUsers(deps.client, rows.map((row) => row.targetId)), pendingRows(deps.db, ids)]);
  let decisions: Decisions;
  try {
    decisions = await decisionsPromise;
  } catch (error) {
    // Without the protections' facts or the impact check no schedule can decide: each waits, as if Workfront were down.
    for (const row of rows) finishes.push(failureOf(row, endingFor(error)));
    return;
  }
  const toWrite: ToWrite[] = [];
  const proof: Claimed[] = [];
  const completedRows: NewAuditEventRow[] = [];
  const completions: { id: number; completion: Completion }[] = [];
  const blocked = new Map(decisions.gate.blocked.map((person) => [person.userId, person]));
  for (const row of rows) {
    const read = reads.get(row.targetId) ?? { ok: false as const, error: undefined };
    if (!read.ok) {
      finishes.push(failureOf(row, endingFor(read.error)));
      continue;
    }
    const user = read.user;
    const earlier = prior.get(row.id);
    // An earlier attempt wrote its row and lost Workfront's answer (or its runner died): now settled.
    if (earlier && !user.isActive) {
      completions.push({ id: earlier.id, completion: { outcome: earlier.isActiveBefore ? "succeeded" : "already", isActiveAfter: false } });
      proof.push(row);
      continue;
    }
    const refusal = refusalOf(deps, user, { action: "deactivate", actor: { role: row.createdByRole } }, decisions.facts);
    if (refusal) {
      refuse(row, user, refusal.refusal, refusal.message, null, earlier?.id, completedRows, completions);
      finishes.push(failureOf(row, { type: "failed", code: refusal.refusal, message: refusal.message }));
      continue;
    }
    if (!user.isActive) {
      completedRows.push(alreadyRow(row, user));
      proof.push(row);
      continue;
    }
    let openWork = decisions.gate.evidence.get(row.targetId) ?? null;
    const blocking = blocked.get(row.targetId);
    if (blocking && openWork) {
      if (row.policy === "hold") {
        finishes.push({ row, ending: { type: "held" }, event: { kind: "held", schedule: refOf(row), blocking: openWork.blocking, total: openWork.total } });
        continue;
      }
      if (!can(row.createdByRole, "overrideOpenWork")) {
        const message = new OpenWorkBlocked([blocking]).message;
        refuse(row, user, "open_work_blocking", message, openWork, earlier?.id, completedRows, completions);
        finishes.push(failureOf(row, { type: "failed", code: "open_work_blocking", message }));
        continue;
      }
      openWork = { ...openWork, override: { reason: POLICY_OVERRIDE, blocking: blockingOf(openWork) } };
    }
    toWrite.push({ row, user, openWork, prior: earlier?.id ?? null });
  }

  const going = await prepare(deps.db, settings.owner, toWrite, completedRows, completions);
  const written: WorkfrontUser[] = [];
  // Each written person's audit completion, kept with their schedule's end (one transaction).
  const audits = new Map<string, { id: number; completion: Completion }>();
  if (going.length > 0) {
    const results = await writeUsers(deps.client, going.map(({ user }) => ({ id: user.id, updates: { isActive: false } })), settings);
    for (const { row, auditId } of going) {
      const result = results.get(row.targetId) ?? { ok: false as const, error: undefined };
      if (result.ok && !result.user.isActive) {
        audits.set(row.id, { id: auditId, completion: { outcome: "succeeded", isActiveAfter: false } });
        written.push(result.user);
        proof.push(row);
      } else if (result.ok) {
        const message = "Workfront accepted the change but still reports isActive: true.";
        const ending = failureOf(row, { type: "failed", code: "not_applied", message });
        finishes.push({ ...ending, audit: { id: auditId, completion: { outcome: "failed", errorCode: "not_applied", errorMessage: message, isActiveAfter: true } } });
      } else {
        // A failure that may pass (or a refused credential) keeps the pending row for the next attempt.
        const ending = failureOf(row, endingFor(result.error));
        const { code, message } = describeError(result.error);
        finishes.push(classify(result.error) === "fail" ? { ...ending, audit: { id: auditId, completion: { outcome: "failed", errorCode: code, errorMessage: message } } } : ending);
      }
    }
  }
  await readBack(deps, proof, audits, finishes);
  await noteUsers(deps.db, deps.client, written).catch((error: unknown) => logger.warn({ err: error }, "noting users in the index failed"));
}

function refuse(row: Claimed, user: WorkfrontUser, code: Parameters<typeof refusedRow>[2], message: string, openWork: OpenWorkEvidence | null, earlier: number | undefined, rows: NewAuditEventRow[], completions: { id: number; completion: Completion }[]) {
  if (earlier === undefined) rows.push(refusedRow(row, user, code, message, openWork));
  else completions.push({ id: earlier, completion: { outcome: "refused", refusedCode: code, refusedReason: message } });
}

/**
 * Before the Workfront write, in one transaction: the pending rows of the people to write (an
 * earlier attempt's pending row is kept), the complete rows of the decisions that need no write,
 * and earlier rows settled now. Only schedules this runner still holds go on to the write.
 */
async function prepare(
  db: Database,
  owner: string,
  toWrite: readonly ToWrite[],
  completedRows: readonly NewAuditEventRow[],
  completions: readonly { id: number; completion: Completion }[],
): Promise<{ row: Claimed; user: WorkfrontUser; auditId: number }[]> {
  return db.transaction(async (tx) => {
    await insertRows(tx, completedRows, { completedNow: true });
    await completeAttempts(tx, completions);
    if (toWrite.length === 0) return [];
    const owned = await tx
      .select({ id: scheduledDeactivations.id })
      .from(scheduledDeactivations)
      .where(and(inArray(scheduledDeactivations.id, toWrite.map((w) => w.row.id)), eq(scheduledDeactivations.leaseOwner, owner), eq(scheduledDeactivations.state, "running")))
      .for("share");
    const mine = new Set(owned.map((row) => row.id));
    const going = toWrite.filter((w) => mine.has(w.row.id));
    const fresh = going.filter((w) => w.prior === null);
    const ids = await insertRows(tx, fresh.map((w) => pendingRow(w.row, w.user, w.openWork)));
    return going.map((w) => ({ row: w.row, user: w.user, auditId: w.prior ?? ids.get(w.row.id)! }));
  });
}

/**
 * The proof: Workfront asked again after the write (one search by IDs per 100 people) says each
 * person is inactive. `succeeded` when one of the schedule's attempts deactivated them, else
 * `already`. A read that fails leaves the schedule to try again: it then finds the person inactive.
 */
async function readBack(deps: OffboardingDeps, proof: readonly Claimed[], audits: ReadonlyMap<string, { id: number; completion: Completion }>, finishes: Finish[]): Promise<void> {
  if (proof.length === 0) return;
  const [reads, wrote] = await Promise.all([readUsers(deps.client, proof.map((row) => row.targetId)), schedulesThatWrote(deps.db, proof.map((row) => row.id))]);
  const readBackAt = new Date();
  for (const row of proof) {
    const read = reads.get(row.targetId) ?? { ok: false as const, error: undefined };
    // This attempt's write answered inactive: its audit row is complete whatever the read-back says.
    const audit = audits.get(row.id);
    if (!read.ok) finishes.push({ ...failureOf(row, endingFor(read.error)), audit });
    else if (read.user.isActive) {
      finishes.push({ ...failureOf(row, { type: "failed", code: "not_applied", message: "Workfront still reports isActive: true after the deactivation." }), audit });
    } else {
      finishes.push({
        row,
        ending: { type: "done" },
        audit,
        event: { kind: "ran", schedule: refOf(row), outcome: audit || wrote.has(row.id) ? "succeeded" : "already", late: row.late, startedAt: row.startedAt!, readBackAt },
      });
    }
  }
}
