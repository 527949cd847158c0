import "server-only";
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { type Database, auditEvents, databaseNow, scheduledDeactivations, type ScheduledDeactivationRow } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { Refusal, changeUserStatus } from "@/lib/offboarding/change-status";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { checkPeople } from "@/lib/offboarding/impact";
import { isCredentialError, isWorkfrontError } from "@/lib/workfront";
import { probeCredential } from "@/lib/jobs/resume";
import { recordScheduleEvent } from "./events";
import { refOf } from "./store";
import { OVERDUE_AFTER_MS, WAITING_STATES } from "./vocabulary";

/**
 * Runs due scheduled deactivations. All times are the database's (`now()`): a schedule is due when
 * `due_at <= now()`, whatever the app server's clock says. A tick:
 *
 * 1. while schedules are paused for the credential, tries it (a `$$USER` read) and resumes them;
 * 2. records `overdue` once for each schedule still waiting 15 minutes after its time;
 * 3. claims due schedules with a lease (`FOR UPDATE SKIP LOCKED`, as lib/jobs/claim.ts claims
 *    items), so several runners in one or many app instances never take the same one;
 * 4. runs each: the impact check when its policy is `hold`, then the deactivation through
 *    changeUserStatus (the single deactivation's path: protections, person lock, audit row), then
 *    a read-back of `isActive`, recorded as the proof (`schedule_ran`).
 *
 * A schedule whose runner died keeps `running` until its lease expires, then is claimed again: the
 * person is then found inactive (`already`), so it never deactivates twice.
 */
export interface RunnerSettings {
  owner: string;
  /** Claim lifetime; renewed every third of it while a schedule runs. */
  leaseMs: number;
  /** Schedules claimed per tick. */
  batch: number;
  /** Run at once within a tick. */
  concurrency: number;
  /** Wait before the next try after Workfront was unreachable (attempt 1, 2, …). */
  retryDelayMs: (attempts: number) => number;
}

export interface TickReport {
  claimed: number;
  ran: number;
  failed: number;
  held: number;
  retried: number;
  paused: number;
  overdue: number;
  resumed: number;
}

type Claimed = ScheduledDeactivationRow & { late: boolean };

const leaseUntil = (leaseMs: number) => sql`now() + ${leaseMs} * interval '1 millisecond'`;
const overdueLine = sql`now() - ${OVERDUE_AFTER_MS} * interval '1 millisecond'`;

export async function claimDue(db: Database, owner: string, limit: number, leaseMs: number): Promise<Claimed[]> {
  const due = db
    .select({ id: scheduledDeactivations.id })
    .from(scheduledDeactivations)
    .where(
      or(
        and(
          eq(scheduledDeactivations.state, "scheduled"),
          lte(scheduledDeactivations.dueAt, sql`now()`),
          lte(scheduledDeactivations.availableAt, sql`now()`),
        ),
        and(eq(scheduledDeactivations.state, "running"), lt(scheduledDeactivations.leaseExpiresAt, sql`now()`)),
      ),
    )
    .orderBy(asc(scheduledDeactivations.dueAt), asc(scheduledDeactivations.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(scheduledDeactivations)
    .set({
      state: "running",
      leaseOwner: owner,
      leaseExpiresAt: leaseUntil(leaseMs),
      attempts: sql`${scheduledDeactivations.attempts} + 1`,
      startedAt: sql`coalesce(${scheduledDeactivations.startedAt}, now())`,
      updatedAt: sql`now()`,
    })
    .where(inArray(scheduledDeactivations.id, due))
    .returning();
  if (rows.length === 0) return [];
  // Late: this run (by the database's clock) is more than 15 minutes after its time, whether the
  // app was down or earlier tries found Workfront unreachable.
  const now = (await databaseNow(db)).getTime();
  return rows.map((row) => ({ ...row, late: now - row.dueAt.getTime() > OVERDUE_AFTER_MS }));
}

/** Each schedule waiting 15 minutes past its time gets one `overdue` event, whichever runner sees it first. */
export async function markOverdue(db: Database): Promise<number> {
  const rows = await db
    .update(scheduledDeactivations)
    .set({ overdueAt: sql`now()` })
    .where(
      and(
        inArray(scheduledDeactivations.state, WAITING_STATES),
        isNull(scheduledDeactivations.overdueAt),
        lt(scheduledDeactivations.dueAt, overdueLine),
      ),
    )
    .returning();
  for (const row of rows) await recordScheduleEvent(db, { kind: "overdue", schedule: refOf(row), lastErrorCode: row.lastErrorCode });
  return rows.length;
}

/** While anything is paused for the credential: try it, and put the paused ones back to wait. */
export async function resumeIfCredentialWorks(deps: OffboardingDeps): Promise<number> {
  const [paused] = await deps.db
    .select({ id: scheduledDeactivations.id })
    .from(scheduledDeactivations)
    .where(eq(scheduledDeactivations.state, "paused_auth"))
    .limit(1);
  if (!paused) return 0;
  try {
    await probeCredential(deps.client);
  } catch {
    return 0;
  }
  const resumed = await deps.db
    .update(scheduledDeactivations)
    .set({ state: "scheduled", availableAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(scheduledDeactivations.state, "paused_auth"))
    .returning({ id: scheduledDeactivations.id });
  return resumed.length;
}

type Ending =
  | { type: "done" }
  | { type: "failed"; code: string; message: string }
  | { type: "held" }
  | { type: "retry"; code: string; message: string }
  | { type: "paused"; code: string; message: string };

/**
 * Writes a claimed schedule's end, if this runner still holds it (a lease lost to another runner
 * leaves the row to its new owner), with its audit event in the same transaction.
 */
async function finish(db: Database, settings: RunnerSettings, row: Claimed, ending: Ending, event?: Parameters<typeof recordScheduleEvent>[1]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [held] = await tx
      .select({ id: scheduledDeactivations.id })
      .from(scheduledDeactivations)
      .where(and(eq(scheduledDeactivations.id, row.id), eq(scheduledDeactivations.leaseOwner, settings.owner), eq(scheduledDeactivations.state, "running")))
      .for("update");
    if (!held) return false;
    const release = { leaseOwner: null, leaseExpiresAt: null, updatedAt: sql`now()` };
    const set =
      ending.type === "done"
        ? { ...release, state: "done" as const, finishedAt: sql`now()`, lastErrorCode: null, lastErrorMessage: null }
        : ending.type === "failed"
          ? { ...release, state: "failed" as const, finishedAt: sql`now()`, lastErrorCode: ending.code, lastErrorMessage: ending.message.slice(0, 2000) }
          : ending.type === "held"
            ? { ...release, state: "held" as const }
            : ending.type === "paused"
              ? // The claim is given back: a refused credential is not the schedule's attempt.
                { ...release, state: "paused_auth" as const, attempts: sql`${scheduledDeactivations.attempts} - 1`, lastErrorCode: ending.code, lastErrorMessage: ending.message.slice(0, 2000) }
              : {
                  ...release,
                  state: "scheduled" as const,
                  availableAt: sql`now() + ${settings.retryDelayMs(row.attempts)} * interval '1 millisecond'`,
                  lastErrorCode: ending.code,
                  lastErrorMessage: ending.message.slice(0, 2000),
                };
    await tx.update(scheduledDeactivations).set(set).where(eq(scheduledDeactivations.id, row.id));
    if (event) await recordScheduleEvent(tx, event);
    return true;
  });
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof Refusal) return { code: error.refusal, message: error.message };
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (isWorkfrontError(error)) return { code: error.code, message: error.message };
  return { code: "internal", message: error instanceof Error ? error.message : String(error) };
}

/** What to do after an error: pause for the credential, try again later, or stop for good. */
function endingFor(error: unknown): Ending {
  const { code, message } = describe(error);
  if (isCredentialError(error)) return { type: "paused", code, message };
  if (error instanceof Refusal) return { type: "failed", code, message };
  if (isWorkfrontError(error)) return error.retryable ? { type: "retry", code, message } : { type: "failed", code, message };
  // Another action held the person (person_busy), or the database hiccuped: try again shortly.
  if (error instanceof ApiError) return error.status === 409 ? { type: "retry", code, message } : { type: "failed", code, message };
  return { type: "retry", code, message };
}

async function runOne(deps: OffboardingDeps, settings: RunnerSettings, row: Claimed, blocking: Map<string, { blocking: number; total: number }> | null): Promise<Ending["type"]> {
  const schedule = refOf(row);
  try {
    const impact = row.policy === "hold" ? blocking?.get(row.targetId) : undefined;
    if (impact && impact.blocking > 0) {
      await finish(deps.db, settings, row, { type: "held" }, { kind: "held", schedule, blocking: impact.blocking, total: impact.total });
      return "held";
    }
    await changeUserStatus(deps, {
      action: "deactivate",
      targetId: row.targetId,
      reason: row.reason,
      ticket: row.ticket,
      // The schedule acts as the person who made it, with their role at that time (protections and the
      // System-Administrator rule apply as they would have). The account ID is null only for rows
      // made outside a session (tests); the audit row then names the e-mail alone.
      actor: { id: row.createdByAccountId as string, email: row.createdByEmail, name: null, role: row.createdByRole, locale: null },
      requestId: `schedule:${row.id}`,
      clientIp: null,
      scheduleId: row.id,
    });
    // The proof: Workfront asked again, after the write, says the person is inactive.
    const readBack = await deps.client.getUser(row.targetId);
    const readBackAt = new Date();
    if (readBack.isActive) {
      const message = "Workfront still reports isActive: true after the deactivation.";
      await finish(deps.db, settings, row, { type: "failed", code: "not_applied", message }, { kind: "failed", schedule, code: "not_applied", message, late: row.late });
      return "failed";
    }
    const outcome = (await wroteDeactivation(deps.db, row.id)) ? "succeeded" : "already";
    await finish(deps.db, settings, row, { type: "done" }, { kind: "ran", schedule, outcome, late: row.late, startedAt: row.startedAt!, readBackAt });
    return "done";
  } catch (error) {
    const ending = endingFor(error);
    await finish(deps.db, settings, row, ending, failureEvent(row, ending));
    return ending.type;
  }
}

/** Whether one of this schedule's attempts deactivated the person (not merely found them inactive). */
async function wroteDeactivation(db: Database, scheduleId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.scheduleId, scheduleId), eq(auditEvents.action, "deactivate"), eq(auditEvents.outcome, "succeeded")))
    .limit(1);
  return Boolean(row);
}

/** Blocking open work per person, for the claimed schedules whose policy is `hold` (one grouped check for all). */
async function blockingWork(deps: OffboardingDeps, rows: readonly Claimed[]): Promise<Map<string, { blocking: number; total: number }> | null> {
  const ids = rows.filter((row) => row.policy === "hold").map((row) => row.targetId);
  if (ids.length === 0) return null;
  const counts = await checkPeople(deps.client, ids);
  return new Map([...counts].map(([id, impact]) => [id, { blocking: impact.blocking, total: impact.total }]));
}

/**
 * One pass: resume after a credential pause (when `probe`: the caller spaces the probes out, as
 * jobs probe every JOBS_AUTH_PROBE_MS), record overdue ones, claim and run what is due.
 */
export async function runTick(deps: OffboardingDeps, settings: RunnerSettings, options: { probe: boolean } = { probe: true }): Promise<TickReport> {
  const report: TickReport = { claimed: 0, ran: 0, failed: 0, held: 0, retried: 0, paused: 0, overdue: 0, resumed: 0 };
  if (options.probe) report.resumed = await resumeIfCredentialWorks(deps);
  report.overdue = await markOverdue(deps.db);
  const claimed = await claimDue(deps.db, settings.owner, settings.batch, settings.leaseMs);
  report.claimed = claimed.length;
  if (claimed.length === 0) return report;
  const ids = claimed.map((row) => row.id);
  const renew = setInterval(() => {
    deps.db
      .update(scheduledDeactivations)
      .set({ leaseExpiresAt: leaseUntil(settings.leaseMs) })
      .where(and(inArray(scheduledDeactivations.id, ids), eq(scheduledDeactivations.leaseOwner, settings.owner), eq(scheduledDeactivations.state, "running")))
      .catch(() => {});
  }, Math.max(100, Math.floor(settings.leaseMs / 3)));
  try {
    let blocking: Map<string, { blocking: number; total: number }> | null = null;
    let impactError: unknown = null;
    try {
      blocking = await blockingWork(deps, claimed);
    } catch (error) {
      impactError = error;
    }
    const queue = [...claimed];
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(settings.concurrency, queue.length)) }, async () => {
        for (let row = queue.shift(); row; row = queue.shift()) {
          // Without the impact check a `hold` schedule cannot decide: it waits, as if Workfront were down.
          const type =
            impactError && row.policy === "hold"
              ? (await finish(deps.db, settings, row, endingFor(impactError), failureEvent(row, endingFor(impactError))), endingFor(impactError).type)
              : await runOne(deps, settings, row, blocking);
          if (type === "done") report.ran += 1;
          else if (type === "failed") report.failed += 1;
          else if (type === "held") report.held += 1;
          else if (type === "retry") report.retried += 1;
          else report.paused += 1;
        }
      }),
    );
  } finally {
    clearInterval(renew);
  }
  return report;
}

function failureEvent(row: Claimed, ending: Ending): Parameters<typeof recordScheduleEvent>[1] | undefined {
  return ending.type === "failed" ? { kind: "failed", schedule: refOf(row), code: ending.code, message: ending.message, late: row.late } : undefined;
}
