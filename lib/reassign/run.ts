import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { completeAttempt, recordAttempt } from "@/lib/audit";
import { type Database, type ReassignmentItemRow, reassignmentItems, reassignments } from "@/lib/db";
import { type WorkObjCode, type WorkfrontClient, isCredentialError, isWorkfrontError } from "@/lib/workfront";

export interface RunDeps {
  db: Database;
  client: WorkfrontClient;
}

export interface RunOptions {
  owner?: string;
  leaseMs?: number;
  /** Items per claim (and per bulk edit: at most 100). */
  chunk?: number;
}

export const DEFAULT_LEASE_MS = 30_000;
const TRANSIENT = new Set(["throttled", "unavailable", "timeout"]);
type Final =
  { state: "done"; outcome: "succeeded" | "already" } | { state: "failed"; code: string; message: string };

/**
 * Hands a reassignment's items to Workfront until none is left, the way bulk jobs do it
 * (lib/jobs/README.md): claim up to 100 items with a lease → write each one's pending audit row
 * (kept on the item, reused by every retry) → read the objects now → one bulk edit per object
 * type and field (one PUT per assignment) → complete each audit row and its item in one
 * transaction. After a crash the items' leases run out and the next run picks them up; an item
 * whose object already names the successor completes without a write, as `succeeded` when an
 * earlier attempt may have written it, else `already`. Exactly one completed audit row per item.
 * A lost connection or credential stops the run; its items go back to pending for the next one.
 */
export async function runReassignment(deps: RunDeps, id: string, options: RunOptions = {}): Promise<void> {
  const owner = options.owner ?? `reassign:${randomUUID()}`;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const [head] = await deps.db.select().from(reassignments).where(eq(reassignments.id, id));
  if (!head) return;
  for (;;) {
    const claimed = await claim(deps.db, id, owner, leaseMs, Math.min(options.chunk ?? 100, 100));
    if (claimed.length === 0) break;
    await processChunk(deps, head, claimed, owner);
  }
  await deps.db
    .update(reassignments)
    .set({ status: "completed", finishedAt: sql`now()` })
    .where(
      and(
        eq(reassignments.id, id),
        eq(reassignments.status, "running"),
        sql`not exists (select 1 from reassignment_items i where i.reassignment_id = ${id} and i.state in ('pending', 'running'))`,
      ),
    );
}

async function claim(
  db: Database,
  id: string,
  owner: string,
  leaseMs: number,
  limit: number,
): Promise<ReassignmentItemRow[]> {
  const claimable = db
    .select({ id: reassignmentItems.id })
    .from(reassignmentItems)
    .where(
      and(
        eq(reassignmentItems.reassignmentId, id),
        or(
          eq(reassignmentItems.state, "pending"),
          and(eq(reassignmentItems.state, "running"), lt(reassignmentItems.leaseExpiresAt, sql`now()`)),
        ),
      ),
    )
    .orderBy(asc(reassignmentItems.objCode), asc(reassignmentItems.field), asc(reassignmentItems.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(reassignmentItems)
    .set({
      state: "running",
      leaseOwner: owner,
      leaseExpiresAt: sql`now() + ${leaseMs} * interval '1 millisecond'`,
      attempts: sql`${reassignmentItems.attempts} + 1`,
    })
    .where(inArray(reassignmentItems.id, claimable))
    .returning();
}

type Head = typeof reassignments.$inferSelect;

async function processChunk(
  deps: RunDeps,
  head: Head,
  items: ReassignmentItemRow[],
  owner: string,
): Promise<void> {
  const withAudit = await ensureAuditRows(deps.db, head, items, owner);
  const groups = new Map<string, ReassignmentItemRow[]>();
  for (const item of withAudit) {
    const key = `${item.objCode}:${item.field}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  for (const group of groups.values()) {
    let finals: Map<string, Final>;
    try {
      finals = await handOver(deps.client, group);
    } catch (error) {
      await release(deps.db, group, owner);
      throw error;
    }
    await complete(deps.db, group, finals, owner);
  }
}

/** Writes the pending audit row of each item that has none yet, and keeps its ID on the item. */
async function ensureAuditRows(db: Database, head: Head, items: ReassignmentItemRow[], owner: string) {
  return db.transaction(async (tx) => {
    const out: ReassignmentItemRow[] = [];
    for (const item of items) {
      if (item.auditEventId !== null) {
        out.push(item);
        continue;
      }
      const { id: auditEventId } = await recordAttempt(tx as unknown as Database, {
        action: "reassign",
        actorAccountId: head.createdByAccountId,
        actorEmail: head.createdByEmail,
        actorRole: head.createdByRole,
        actorTokenId: head.createdByTokenId,
        targetId: item.leaverId,
        targetName: item.leaverName,
        reason: head.reason,
        ticket: head.ticket,
        requestId: head.requestId,
        clientIp: head.clientIp,
        change: {
          category: item.category,
          objCode: item.objCode,
          objectId: item.objectId,
          objectName: item.objectName,
          field: item.field,
          from: item.leaverId,
          to: item.successorId,
          toName: item.successorName,
        },
      });
      const [kept] = await tx
        .update(reassignmentItems)
        .set({ auditEventId })
        .where(
          and(
            eq(reassignmentItems.id, item.id),
            eq(reassignmentItems.leaseOwner, owner),
            isNull(reassignmentItems.auditEventId),
          ),
        )
        .returning();
      // A lease lost meanwhile: the new owner writes its own row; roll this one back with the rest.
      if (!kept) throw new Error("reassignment item lease lost");
      out.push(kept);
    }
    return out;
  });
}

/** Reads the objects now, writes those that still name the leaver, and decides each item's end. */
async function handOver(client: WorkfrontClient, group: ReassignmentItemRow[]): Promise<Map<string, Final>> {
  const first = group[0]!;
  const objCode = first.objCode as WorkObjCode;
  const field = first.field;
  const finals = new Map<string, Final>();
  const read = async () => {
    const rows = await client.searchWork(objCode, {
      fields: [field],
      filters: [{ field: "ID", op: "in", values: group.map((item) => item.objectId) }],
      limit: group.length,
    });
    return new Map(rows.map((row) => [row.id, row.values[field]]));
  };
  const settle = (item: ReassignmentItemRow, now: unknown, wrote: boolean): Final | null => {
    if (now === item.successorId)
      return { state: "done", outcome: wrote || item.attempts > 1 ? "succeeded" : "already" };
    if (now === undefined)
      return { state: "failed", code: "not_found", message: "Workfront no longer finds this object." };
    if (now !== item.leaverId) {
      return {
        state: "failed",
        code: "changed_in_workfront",
        message: "Someone else changed this object in Workfront meanwhile.",
      };
    }
    return null;
  };
  const before = await read();
  const toWrite = group.filter((item) => {
    const final = settle(item, before.get(item.objectId), false);
    if (final) finals.set(item.id, final);
    return !final;
  });
  if (toWrite.length === 0) return finals;
  const writes = toWrite.map((item) => ({ id: item.objectId, updates: { [field]: item.successorId } }));
  // One assignment at a time, on the ASSGN object (never a task's whole assignments collection).
  const failures = new Map<string, unknown>();
  if (objCode === "ASSGN") {
    for (const [i, write] of writes.entries()) {
      try {
        await client.updateWork(objCode, write, [field]);
      } catch (error) {
        if (isCredentialError(error) || isTransient(error)) throw error;
        failures.set(toWrite[i]!.id, error);
      }
    }
  } else {
    try {
      await client.updateWorkMany(objCode, writes, [field]);
    } catch (error) {
      if (isCredentialError(error) || isTransient(error)) throw error;
      for (const item of toWrite) failures.set(item.id, error);
    }
  }
  // What a failed bulk edit applied is not documented: read everyone again (workfront-fidelity.md 39).
  const after = failures.size > 0 ? await read() : null;
  for (const item of toWrite) {
    const error = failures.get(item.id);
    if (error === undefined) {
      finals.set(item.id, { state: "done", outcome: "succeeded" });
      continue;
    }
    const settled = settle(item, after?.get(item.objectId), true);
    const code = isWorkfrontError(error) ? `workfront_${error.code}` : "failed";
    const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
    finals.set(item.id, settled && settled.state === "done" ? settled : { state: "failed", code, message });
  }
  return finals;
}

function isTransient(error: unknown): boolean {
  return isWorkfrontError(error) && (TRANSIENT.has(error.code) || error.code === "not_connected");
}

/** Each item's audit row and its own state, together, only while this runner still holds it. */
async function complete(
  db: Database,
  group: ReassignmentItemRow[],
  finals: Map<string, Final>,
  owner: string,
) {
  await db.transaction(async (tx) => {
    for (const item of group) {
      const final = finals.get(item.id);
      if (!final || item.auditEventId === null) continue;
      const [held] = await tx
        .update(reassignmentItems)
        .set({
          state: final.state,
          errorCode: final.state === "failed" ? final.code : null,
          leaseOwner: null,
          leaseExpiresAt: null,
          finishedAt: sql`now()`,
        })
        .where(
          and(
            eq(reassignmentItems.id, item.id),
            eq(reassignmentItems.leaseOwner, owner),
            eq(reassignmentItems.state, "running"),
          ),
        )
        .returning({ id: reassignmentItems.id });
      if (!held) continue;
      await completeAttempt(
        tx as unknown as Database,
        item.auditEventId,
        final.state === "done"
          ? { outcome: final.outcome }
          : { outcome: "failed", errorCode: final.code, errorMessage: final.message },
      );
    }
  });
}

/** Back to pending, audit rows kept, for the next run. */
async function release(db: Database, group: ReassignmentItemRow[], owner: string): Promise<void> {
  await db
    .update(reassignmentItems)
    .set({ state: "pending", leaseOwner: null, leaseExpiresAt: null })
    .where(
      and(
        inArray(
          reassignmentItems.id,
          group.map((item) => item.id),
        ),
        eq(reassignmentItems.leaseOwner, owner),
      ),
    );
}
