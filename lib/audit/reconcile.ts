import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { type Database, auditEvents } from "@/lib/db";
import { logger as appLogger } from "@/lib/logger";
import { MAX_OBJECTS_PER_REQUEST, type WorkfrontClient, isCredentialError, isWorkfrontError } from "@/lib/workfront";
import { type Completion, completeAttempt } from "./record";
import { AuditError } from "./types";
import type { AuditAction } from "./vocabulary";

/**
 * Settles single deactivations and reactivations that a crash or restart interrupted between the
 * pending audit row and its completion. Bulk job rows (job_id set) are left alone: lib/jobs
 * completes them itself when it reclaims the item. Nothing is guessed: a row is completed only
 * from what Workfront reported after the interrupted call, else it stays pending for the next run.
 */
export const INTERRUPTED = "interrupted";

/** Longer than any single request can take: its Workfront write is bounded by the client's deadline. */
export const DEFAULT_GRACE_MS = 10 * 60_000;
/** Rows per run; the rest wait for the next run. Workfront reads go 100 per /batch. */
const DEFAULT_LIMIT = 500;
const BATCH = MAX_OBJECTS_PER_REQUEST;

/** At least 10 minutes, and at least twice the per-call deadline (WORKFRONT_DEADLINE_MS). */
export function reconcileGraceMs(deadlineMs: number): number {
  return Math.max(DEFAULT_GRACE_MS, 2 * deadlineMs);
}

export interface ReconcileDeps {
  db: Database;
  client: WorkfrontClient;
}

export interface ReconcileLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface ReconcileOptions {
  graceMs?: number;
  limit?: number;
  logger?: ReconcileLogger;
}

export interface ReconcileReport {
  /** Stale pending rows of single actions found by this run. */
  stale: number;
  succeeded: number;
  already: number;
  /** Completed as failed/interrupted (including users Workfront no longer finds). */
  interrupted: number;
  notFound: number;
  /** Completed by another reconciler (or the request itself) between our read and our write. */
  completedElsewhere: number;
  /** Still pending: Workfront could not be asked, or gave no usable answer. */
  leftPending: number;
  /** Why Workfront could not be asked (a WorkfrontError code), when it could not. */
  workfrontError: string | null;
}

type StaleRow = Pick<
  typeof auditEvents.$inferSelect,
  "id" | "action" | "targetId" | "isActiveBefore" | "occurredAt"
>;

/** What Workfront said about the user after the interrupted call. */
type Observation =
  { kind: "later"; isActive: boolean; at: Date } | { kind: "now"; isActive: boolean } | { kind: "missing" };

const stateWord = (isActive: boolean) => (isActive ? "active" : "deactivated");
// Reassignment rows are completed by their own items (lib/reassign), never here; schedule rows
// (lib/schedule/events.ts) are written complete, so none is ever pending.
const actionWord: Record<AuditAction, string> = {
  deactivate: "deactivation",
  reactivate: "reactivation",
  reassign: "reassignment",
  schedule_created: "schedule",
  schedule_edited: "schedule change",
  schedule_cancelled: "cancellation",
  schedule_ran: "scheduled deactivation",
  schedule_failed: "scheduled deactivation",
  schedule_overdue: "scheduled deactivation",
  schedule_held: "scheduled deactivation",
};

function completionFor(row: StaleRow, seen: Observation): Completion {
  const want = row.action === "reactivate";
  const stopped = `The app stopped before Workfront answered this ${actionWord[row.action]}`;
  if (seen.kind === "missing") {
    return {
      outcome: "failed",
      errorCode: INTERRUPTED,
      errorMessage: `${stopped}; checked afterwards, Workfront no longer finds this user.`,
    };
  }
  if (seen.isActive === want) {
    return { outcome: row.isActiveBefore === want ? "already" : "succeeded", isActiveAfter: seen.isActive };
  }
  const when =
    seen.kind === "later"
      ? `when the next action on this user started (${seen.at.toISOString()}), Workfront reported`
      : "checked afterwards, Workfront reports";
  return {
    outcome: "failed",
    errorCode: INTERRUPTED,
    errorMessage: `${stopped}; ${when} the user as ${stateWord(seen.isActive)} (isActive: ${seen.isActive}), not ${stateWord(want)}.`,
    isActiveAfter: seen.isActive,
  };
}

/** A row's user, and what the action read of them before its call. */
const readingColumns = {
  id: auditEvents.id,
  targetId: auditEvents.targetId,
  isActiveBefore: auditEvents.isActiveBefore,
  occurredAt: auditEvents.occurredAt,
};

async function staleRows(db: Database, graceMs: number, limit: number): Promise<StaleRow[]> {
  return db
    .select({ ...readingColumns, action: auditEvents.action })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.outcome, "pending"),
        isNull(auditEvents.jobId),
        inArray(auditEvents.action, ["deactivate", "reactivate"]),
        // The database's clock, so that app instances with skewed clocks agree on "stale".
        lt(auditEvents.occurredAt, sql`now() - ${Math.round(graceMs)} * interval '1 millisecond'`),
      ),
    )
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id))
    .limit(limit);
}

/**
 * The state each stale row's user was read in by the first action written after it (its
 * is_active_before): a reading taken after the interrupted call, and one that a later change (an
 * operator retrying, a reactivation) has not overwritten, as the user's current state may be.
 */
async function laterReadings(db: Database, rows: readonly StaleRow[]): Promise<Map<number, Observation>> {
  const targets = [...new Set(rows.map((row) => row.targetId))];
  const firstId = Math.min(...rows.map((row) => row.id));
  const later = await db
    .select(readingColumns)
    .from(auditEvents)
    .where(
      and(
        inArray(auditEvents.targetId, targets),
        isNotNull(auditEvents.isActiveBefore),
        gt(auditEvents.id, firstId),
      ),
    )
    .orderBy(asc(auditEvents.id));
  const result = new Map<number, Observation>();
  for (const row of rows) {
    const next = later.find((other) => other.targetId === row.targetId && other.id > row.id);
    if (next) result.set(row.id, { kind: "later", isActive: next.isActiveBefore!, at: next.occurredAt });
  }
  return result;
}

/**
 * Each user's current isActive, 100 per documented search by IDs. A user the search does not find
 * is `missing`. A failed request stops the reads: Workfront is down, not connected, or refuses the
 * credential, and the rows of everyone not read yet stay pending.
 */
async function currentStates(
  client: WorkfrontClient,
  ids: readonly string[],
): Promise<{ states: Map<string, Observation>; error: unknown }> {
  const states = new Map<string, Observation>();
  for (let start = 0; start < ids.length; start += BATCH) {
    const slice = ids.slice(start, start + BATCH);
    let users;
    try {
      users = await client.getUsers(slice);
    } catch (error) {
      return { states, error };
    }
    const found = new Map(users.map((user) => [user.id, user]));
    for (const id of slice) {
      const user = found.get(id);
      states.set(id, user ? { kind: "now", isActive: user.isActive } : { kind: "missing" });
    }
  }
  return { states, error: undefined };
}

const errorCode = (error: unknown) =>
  isWorkfrontError(error) ? error.code : error === undefined ? null : "internal";

/** One pass: finds stale pending rows of single actions and completes those Workfront settles. */
export async function reconcileInterrupted(
  deps: ReconcileDeps,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const log = options.logger ?? appLogger.child({ module: "audit-reconcile" });
  const rows = await staleRows(deps.db, options.graceMs ?? DEFAULT_GRACE_MS, options.limit ?? DEFAULT_LIMIT);
  const report: ReconcileReport = {
    stale: rows.length,
    succeeded: 0,
    already: 0,
    interrupted: 0,
    notFound: 0,
    completedElsewhere: 0,
    leftPending: 0,
    workfrontError: null,
  };
  if (rows.length === 0) return report;

  const seen = await laterReadings(deps.db, rows);
  const toRead = [...new Set(rows.filter((row) => !seen.has(row.id)).map((row) => row.targetId))];
  const { states, error } = toRead.length
    ? await currentStates(deps.client, toRead)
    : { states: new Map<string, Observation>(), error: undefined };
  report.workfrontError = errorCode(error);

  for (const row of rows) {
    const observation = seen.get(row.id) ?? states.get(row.targetId);
    if (!observation) {
      report.leftPending += 1;
      continue;
    }
    const completion = completionFor(row, observation);
    try {
      await completeAttempt(deps.db, row.id, completion);
    } catch (failure) {
      if (failure instanceof AuditError && failure.code === "already_complete") {
        report.completedElsewhere += 1;
        continue;
      }
      throw failure;
    }
    if (completion.outcome === "failed") report.interrupted += 1;
    else report[completion.outcome === "already" ? "already" : "succeeded"] += 1;
    if (observation.kind === "missing") report.notFound += 1;
  }

  const { workfrontError, ...counts } = report;
  if (report.leftPending > 0) {
    const why = isCredentialError(error)
      ? "Workfront is not connected or refuses the credential"
      : error === undefined
        ? "Workfront gave no usable answer for some users"
        : "Workfront could not be asked";
    log.warn(
      { ...counts, workfrontError },
      `interrupted audit rows left pending: ${why}; trying again later`,
    );
  } else {
    log.info(counts, "interrupted audit rows settled");
  }
  return report;
}
