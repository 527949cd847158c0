import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Completion } from "@/lib/audit";
import { completeAttempts } from "@/lib/audit/record";
import { can } from "@/lib/auth/roles";
import { type Database, type NewAuditEventRow, scheduledDeactivations } from "@/lib/db";
import { logger } from "@/lib/logger";
import { type BatchSetting, type UserResult, type WriteSettings, classify, describeError, readUsers, writeUsers } from "@/lib/jobs/workfront-calls";
import { refusalOf } from "@/lib/offboarding/change-status";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { type GateResult, OpenWorkBlocked, blockingOf, checkGate } from "@/lib/offboarding/impact";
import type { OpenWorkEvidence } from "@/lib/offboarding/impact";
import { holdPeople } from "@/lib/offboarding/person-locks";
import { type TenantFacts, tenantFacts } from "@/lib/offboarding/tenant-facts";
import { noteUsers } from "@/lib/user-index";
import { MAX_OBJECTS_PER_REQUEST, type WorkfrontUser } from "@/lib/workfront";
import { alreadyRow, insertRows, pendingRow, pendingRows, refusedRow, schedulesThatWrote } from "./deactivation-rows";
import { type Claimed, type EndingType, type Finish, endingFor, failureOf, finishAll } from "./endings";
import { type ReadBack, readBackStates } from "./read-back";
import { refOf } from "./store";

/**
 * Runs the schedules one tick claimed as a batch, the way a bulk job runs its items (lib/jobs), in
 * chunks of at most `chunkSize` people (fewer when that spreads the batch over all the slots), each
 * written with one documented bulk edit (lib/jobs/workfront-calls.ts: 100 people a request at most,
 * a failed bulk edit settled by reading everyone again). Three steps, ordered so that Workfront's
 * slots are not left idle while the batch has work for them (the bulk edits are most of its time):
 *
 * 1. everyone claimed is held (person locks) and read (a search by IDs per 100 people) while the
 *    tenant's facts and the impact check (one batched check for the whole claim) are read;
 * 2. from the moment those answer, the chunks decide and write, `concurrency` at once (by default
 *    as many as the client's in-flight cap allows requests), one bulk edit after another;
 * 3. the proof: everyone written or found inactive is read back after the writes (read-back.ts:
 *    one count per 100 people), and each chunk's ends are written as soon as its people's
 *    read-back answers.
 *
 * What a single scheduled deactivation guaranteed holds per schedule: the protections are checked
 * with the role of the schedule's creator; the impact check decides by each schedule's policy; a
 * pending `deactivate` audit row before the write, completed once, with the schedule's end; a
 * read-back `isActive: false` as the proof (`schedule_ran`); every end written only while this
 * runner holds the schedule's lease, with its event and notification in the same transaction.
 */
export interface BatchSettings extends WriteSettings {
  owner: string;
  leaseMs: number;
  /** People per chunk (JOBS_CHUNK_SIZE): one bulk edit. */
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

type Completed = { id: number; completion: Completion };
type Held = Awaited<ReturnType<typeof holdPeople>>;

/** One chunk on its way through the three steps. */
interface Chunk {
  rows: readonly Claimed[];
  /** The people held and read in step 1, with the pending rows of their schedules' earlier attempts. */
  read: { held: Claimed[]; users: Map<string, UserResult>; prior: Awaited<ReturnType<typeof pendingRows>> } | null;
  /** The ends decided so far; a row with none is still on its way. */
  finishes: Finish[];
  /** Schedules whose person must be read back inactive (step 3). */
  proof: Claimed[];
  /** Each written person's audit completion, kept with their schedule's end (one transaction). */
  audits: Map<string, Completed>;
  written: WorkfrontUser[];
}

export async function runClaimed(deps: OffboardingDeps, settings: BatchSettings, claimed: readonly Claimed[]): Promise<EndingType[]> {
  // Started at once: the check's requests overlap the reads of step 1 instead of holding them back.
  const decisions: Promise<Decisions> = Promise.all([
    tenantFacts(deps.client),
    checkGate(deps.client, claimed.map((row) => ({ id: row.targetId, name: row.targetName })), null),
  ]).then(([facts, gate]) => ({ facts, gate }));
  decisions.catch(() => {});
  // As even as the slots allow: 100 people due together make 10 chunks of 10 (all of the cap at
  // once), not two of 50; never more than chunkSize a chunk.
  const size = Math.max(1, Math.min(settings.chunkSize, Math.ceil(claimed.length / settings.concurrency)));
  const chunks: Chunk[] = [];
  for (let start = 0; start < claimed.length; start += size) {
    chunks.push({ rows: claimed.slice(start, start + size), read: null, finishes: [], proof: [], audits: new Map(), written: [] });
  }
  let hold: Held | null = null;
  try {
    hold = await holdAndRead(deps, settings, chunks);
    await eachChunk(chunks, settings.concurrency, (chunk) => decideAndWrite(deps, settings, chunk, decisions));
    // Step 3 by groups of chunks, each group's people one read-back request's worth.
    const [endings] = await Promise.all([
      Promise.all(
        proofGroups(chunks).map(async (group) => {
          await readBack(deps, group);
          return (await Promise.all(group.map((chunk) => finishChunk(deps, settings, chunk)))).flat();
        }),
      ),
      noteUsers(deps.db, deps.client, chunks.flatMap((chunk) => chunk.written)).catch((error: unknown) => logger.warn({ err: error }, "noting users in the index failed")),
    ]);
    return endings.flat();
  } finally {
    // Held until their ends are written, as a job's chunk holds its people.
    await hold?.release().catch(() => {});
  }
}

/**
 * Runs a step for every chunk, `concurrency` at a time. A step that fails (the database, mid-chunk)
 * ends what the chunk has not decided yet with a retry (its lease keeps it ours); the other chunks
 * go on.
 */
async function eachChunk(chunks: readonly Chunk[], concurrency: number, step: (chunk: Chunk) => Promise<void>): Promise<void> {
  const queue = [...chunks];
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, async () => {
      for (let chunk = queue.shift(); chunk; chunk = queue.shift()) await step(chunk).catch((error: unknown) => giveUp(chunk, error));
    }),
  );
}

function giveUp(chunk: Chunk, error: unknown): void {
  const decided = new Set(chunk.finishes.map((f) => f.row.id));
  for (const row of chunk.rows) if (!decided.has(row.id)) chunk.finishes.push(failureOf(row, endingFor(error)));
  chunk.read = null;
  chunk.proof = [];
}

/**
 * Step 1: one action per person at a time (whoever another action holds now is given back for a
 * moment), then everyone held is read (a search by IDs per 100 people) while the check runs.
 */
async function holdAndRead(deps: OffboardingDeps, settings: BatchSettings, chunks: readonly Chunk[]): Promise<Held | null> {
  let hold: Held | null = null;
  try {
    hold = await holdPeople(deps.db, chunks.flatMap((chunk) => chunk.rows.map((row) => row.targetId)), settings.leaseMs);
    const { held } = hold;
    for (const chunk of chunks) for (const row of chunk.rows) if (!held.has(row.targetId)) chunk.finishes.push({ row, ending: { type: "defer" } });
    const rows = chunks.flatMap((chunk) => chunk.rows.filter((row) => held.has(row.targetId)));
    const [users, prior] = await Promise.all([readUsers(deps.client, rows.map((row) => row.targetId)), pendingRows(deps.db, rows.map((row) => row.id))]);
    for (const chunk of chunks) chunk.read = { held: chunk.rows.filter((row) => held.has(row.targetId)), users, prior };
  } catch (error) {
    for (const chunk of chunks) giveUp(chunk, error);
  }
  return hold;
}

type ToWrite = { row: Claimed; user: WorkfrontUser; openWork: OpenWorkEvidence | null; prior: number | null };

/** Step 2: each held schedule's decision, the audit rows before the write, the write. */
async function decideAndWrite(deps: OffboardingDeps, settings: BatchSettings, chunk: Chunk, decisionsPromise: Promise<Decisions>): Promise<void> {
  if (!chunk.read || chunk.read.held.length === 0) return;
  const { held: rows, users: reads, prior } = chunk.read;
  const { finishes, proof } = chunk;
  let decisions: Decisions;
  try {
    decisions = await decisionsPromise;
  } catch (error) {
    // Without the protections' facts or the impact check no schedule can decide: each waits, as if Workfront were down.
    for (const row of rows) finishes.push(failureOf(row, endingFor(error)));
    return;
  }
  const toWrite: ToWrite[] = [];
  const completedRows: NewAuditEventRow[] = [];
  const completions: Completed[] = [];
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
  if (going.length === 0) return;
  const results = await writeUsers(deps.client, going.map(({ user }) => ({ id: user.id, updates: { isActive: false } })), settings);
  for (const { row, auditId } of going) {
    const result = results.get(row.targetId) ?? { ok: false as const, error: undefined };
    if (result.ok && !result.user.isActive) {
      chunk.audits.set(row.id, { id: auditId, completion: { outcome: "succeeded", isActiveAfter: false } });
      chunk.written.push(result.user);
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

function refuse(row: Claimed, user: WorkfrontUser, code: Parameters<typeof refusedRow>[2], message: string, openWork: OpenWorkEvidence | null, earlier: number | undefined, rows: NewAuditEventRow[], completions: Completed[]) {
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
  completions: readonly Completed[],
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

/** Consecutive chunks whose people to read back fit one request (100 IDs, as a search by IDs takes). */
function proofGroups(chunks: readonly Chunk[]): Chunk[][] {
  const groups: Chunk[][] = [];
  let size = Infinity;
  for (const chunk of chunks) {
    if (size + chunk.proof.length > MAX_OBJECTS_PER_REQUEST) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(chunk);
    size += chunk.proof.length;
  }
  return groups;
}

/**
 * Step 3, the proof: Workfront asked after the writes (read-back.ts: one count of the group's
 * people who are inactive, a search only when it falls short) says each person is inactive.
 * `succeeded` when one of the schedule's attempts deactivated them, else `already`. A read that
 * fails leaves the schedule to try again: it then finds the person inactive.
 */
async function readBack(deps: OffboardingDeps, chunks: readonly Chunk[]): Promise<void> {
  const proof = chunks.flatMap((chunk) => chunk.proof);
  if (proof.length === 0) return;
  let reads: Map<string, ReadBack>;
  let wrote: Set<string>;
  try {
    [reads, wrote] = await Promise.all([readBackStates(deps.client, proof.map((row) => row.targetId)), schedulesThatWrote(deps.db, proof.map((row) => row.id))]);
  } catch (error) {
    for (const chunk of chunks) if (chunk.proof.length > 0) giveUp(chunk, error);
    return;
  }
  const readBackAt = new Date();
  for (const chunk of chunks) {
    for (const row of chunk.proof) {
      const read = reads.get(row.targetId) ?? { ok: false as const, error: undefined };
      // This attempt's write answered inactive: its audit row is complete whatever the read-back says.
      const audit = chunk.audits.get(row.id);
      if (!read.ok) chunk.finishes.push({ ...failureOf(row, endingFor(read.error)), audit });
      else if (read.isActive) {
        chunk.finishes.push({ ...failureOf(row, { type: "failed", code: "not_applied", message: "Workfront still reports isActive: true after the deactivation." }), audit });
      } else {
        chunk.finishes.push({
          row,
          ending: { type: "done" },
          audit,
          event: { kind: "ran", schedule: refOf(row), outcome: audit || wrote.has(row.id) ? "succeeded" : "already", late: row.late, startedAt: row.startedAt!, readBackAt },
        });
      }
    }
    chunk.proof = [];
  }
}

/** Writes a chunk's ends (one transaction). */
async function finishChunk(deps: OffboardingDeps, settings: BatchSettings, chunk: Chunk): Promise<EndingType[]> {
  try {
    await finishAll(deps.db, settings.owner, settings.retryDelayMs, chunk.finishes);
    return chunk.finishes.map((f) => f.ending.type);
  } catch (error) {
    // Nothing of it was written: the schedules stay `running` until their lease expires, then are
    // claimed again and settled from what Workfront shows then. The other chunks go on.
    logger.warn({ err: error }, "writing the ends of scheduled deactivations failed; they run again once their lease expires");
    return chunk.rows.map(() => "retry" as const);
  }
}
