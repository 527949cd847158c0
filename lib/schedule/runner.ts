import "server-only";
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { type Database, databaseNow, idsIn, scheduledDeactivations } from "@/lib/db";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { probeCredential } from "@/lib/jobs/resume";
import type { Claimed } from "./endings";
import { recordScheduleEvents } from "./events";
import { type BatchSettings, runClaimed } from "./run-batch";
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
 * 4. runs what it claimed as a batch, the way a bulk job runs (run-batch.ts): chunks with one read,
 *    one bulk edit and one read-back each, the impact check once for the batch, each schedule's
 *    protections, policy, audit rows and read-back proof (`schedule_ran`) its own.
 *
 * A schedule whose runner died keeps `running` until its lease expires, then is claimed again: the
 * person is then found inactive and its earlier pending audit row is settled, so it never
 * deactivates twice.
 */
export interface RunnerSettings extends BatchSettings {
  /** Schedules claimed per tick: those due together run as one batch. */
  claimLimit: number;
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
  /** Until the next waiting schedule may be claimed, by the database's clock; null when none waits. */
  nextDueMs: number | null;
}

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
  // The mark and its event in one transaction: kept together or not at all.
  return db.transaction(async (tx) => {
    const rows = await tx
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
    await recordScheduleEvents(tx, rows.map((row) => ({ kind: "overdue" as const, schedule: refOf(row), lastErrorCode: row.lastErrorCode })));
    return rows.length;
  });
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

/**
 * How long until the next waiting schedule may be claimed (its time, or a retry's later one), by
 * the database's clock: the loop sleeps until then rather than a whole poll, so a schedule runs at
 * its time and not up to JOBS_POLL_MS after it.
 */
export async function msUntilNextDue(db: Database): Promise<number | null> {
  const [row] = await db
    .select({ ms: sql<string | null>`extract(epoch from min(greatest(${scheduledDeactivations.dueAt}, ${scheduledDeactivations.availableAt})) - now()) * 1000` })
    .from(scheduledDeactivations)
    .where(eq(scheduledDeactivations.state, "scheduled"));
  return row?.ms == null ? null : Math.max(0, Math.ceil(Number(row.ms)));
}

/**
 * One pass: resume after a credential pause (when `probe`: the caller spaces the probes out, as
 * jobs probe every JOBS_AUTH_PROBE_MS), record overdue ones, claim and run what is due.
 */
export async function runTick(deps: OffboardingDeps, settings: RunnerSettings, options: { probe: boolean } = { probe: true }): Promise<TickReport> {
  const report: TickReport = { claimed: 0, ran: 0, failed: 0, held: 0, retried: 0, paused: 0, overdue: 0, resumed: 0, nextDueMs: null };
  if (options.probe) report.resumed = await resumeIfCredentialWorks(deps);
  report.overdue = await markOverdue(deps.db);
  const claimed = await claimDue(deps.db, settings.owner, settings.claimLimit, settings.leaseMs);
  report.claimed = claimed.length;
  if (claimed.length === 0) {
    report.nextDueMs = await msUntilNextDue(deps.db);
    return report;
  }
  const ids = claimed.map((row) => row.id);
  const renew = setInterval(() => {
    deps.db
      .update(scheduledDeactivations)
      .set({ leaseExpiresAt: leaseUntil(settings.leaseMs) })
      .where(and(sql`${scheduledDeactivations.id} in ${idsIn(ids, "uuid")}`, eq(scheduledDeactivations.leaseOwner, settings.owner), eq(scheduledDeactivations.state, "running")))
      .catch(() => {});
  }, Math.max(100, Math.floor(settings.leaseMs / 3)));
  try {
    for (const type of await runClaimed(deps, settings, claimed)) {
      if (type === "done") report.ran += 1;
      else if (type === "failed") report.failed += 1;
      else if (type === "held") report.held += 1;
      else if (type === "paused") report.paused += 1;
      else report.retried += 1;
    }
  } finally {
    clearInterval(renew);
  }
  return report;
}
