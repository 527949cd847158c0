import "server-only";
import { and, asc, count, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import { type Database, databaseNow, scheduledDeactivations, type ScheduledDeactivationRow } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { type ScheduleActor, type ScheduleRef, recordScheduleEvent, recordScheduleEvents } from "./events";
import { EDITABLE_STATES, OPEN_STATES, OVERDUE_AFTER_MS, type SchedulePolicy, type ScheduleState, WAITING_STATES } from "./vocabulary";

/**
 * Making, changing and cancelling scheduled deactivations. Every change is one transaction with
 * its audit row; a change to a schedule the runner has started is refused (409 `schedule_started`).
 */
export interface ScheduleTarget {
  id: string;
  name: string | null;
  email: string | null;
}

export interface NewSchedules {
  targets: readonly ScheduleTarget[];
  /** One due time for all, or one per person (an import: each person's last day). */
  dueAt: Date | ((target: ScheduleTarget) => Date);
  timeZone: string;
  policy: SchedulePolicy;
  reason: string;
  ticket: string | null;
  sourceName?: string | null;
  actor: ScheduleActor;
}

export function refOf(row: ScheduledDeactivationRow): ScheduleRef {
  return {
    id: row.id,
    targetId: row.targetId,
    targetName: row.targetName,
    targetEmail: row.targetEmail,
    dueAt: row.dueAt,
    timeZone: row.timeZone,
    policy: row.policy,
    reason: row.reason,
    ticket: row.ticket,
    createdByAccountId: row.createdByAccountId,
    createdByEmail: row.createdByEmail,
    createdByRole: row.createdByRole,
  };
}


function isUniqueViolation(error: unknown): boolean {
  for (let current = error as { code?: unknown; cause?: unknown } | undefined; current; current = current.cause as typeof current) {
    if (current.code === "23505") return true;
  }
  return false;
}

export class AlreadyScheduled extends ApiError {
  constructor(readonly targetIds: string[]) {
    super(409, "already_scheduled", `${targetIds.length === 1 ? "This person has" : `${targetIds.length} of these people have`} a scheduled deactivation already: edit or cancel it.`);
  }
}

export async function createSchedules(db: Database, input: NewSchedules): Promise<ScheduledDeactivationRow[]> {
  if (input.targets.length === 0) return [];
  const dueOf = typeof input.dueAt === "function" ? input.dueAt : () => input.dueAt as Date;
  try {
    return await db.transaction(async (tx) => {
      const now = await databaseNow(tx);
      if (input.targets.some((target) => dueOf(target).getTime() <= now.getTime())) {
        throw new ApiError(422, "due_in_past", "The time is not in the future: deactivate now instead.");
      }
      const ids = input.targets.map((target) => target.id);
      const open = await tx
        .select({ targetId: scheduledDeactivations.targetId })
        .from(scheduledDeactivations)
        .where(and(inArray(scheduledDeactivations.targetId, ids), inArray(scheduledDeactivations.state, OPEN_STATES)));
      if (open.length > 0) throw new AlreadyScheduled(open.map((row) => row.targetId));
      const rows = await tx
        .insert(scheduledDeactivations)
        .values(
          input.targets.map((target) => ({
            targetId: target.id,
            targetName: target.name,
            targetEmail: target.email,
            dueAt: dueOf(target),
            timeZone: input.timeZone,
            policy: input.policy,
            reason: input.reason,
            ticket: input.ticket,
            sourceName: input.sourceName ?? null,
            createdByAccountId: input.actor.accountId,
            createdByEmail: input.actor.email,
            createdByRole: input.actor.role,
          })),
        )
        .returning();
      await recordScheduleEvents(tx, rows.map((row) => ({ kind: "created" as const, schedule: refOf(row), actor: input.actor })));
      return rows;
    });
  } catch (error) {
    // Two people scheduling the same leaver at once: the second meets the one-open-schedule index.
    if (isUniqueViolation(error)) throw new AlreadyScheduled(input.targets.map((target) => target.id));
    throw error;
  }
}

export interface ScheduleChanges {
  dueAt?: Date;
  policy?: SchedulePolicy;
  reason?: string;
  ticket?: string | null;
}

/** Locks the row if it may still change; 404 when unknown, 409 once the runner has it or it ended. */
async function lockEditable(tx: Database, id: string): Promise<ScheduledDeactivationRow> {
  const [row] = await tx.select().from(scheduledDeactivations).where(eq(scheduledDeactivations.id, id)).for("update");
  if (!row) throw new ApiError(404, "schedule_not_found", "No such scheduled deactivation.");
  if (!(EDITABLE_STATES as readonly ScheduleState[]).includes(row.state)) {
    throw new ApiError(409, "schedule_started", `This scheduled deactivation is ${row.state} and can no longer be changed.`);
  }
  return row;
}

export async function editSchedule(db: Database, id: string, changes: ScheduleChanges, actor: ScheduleActor): Promise<ScheduledDeactivationRow> {
  return db.transaction(async (tx) => {
    const row = await lockEditable(tx, id);
    if (changes.dueAt && changes.dueAt.getTime() <= (await databaseNow(tx)).getTime()) {
      throw new ApiError(422, "due_in_past", "The time is not in the future: deactivate now instead.");
    }
    const before: Partial<Pick<ScheduleRef, "dueAt" | "policy" | "reason" | "ticket">> = {};
    if (changes.dueAt && changes.dueAt.getTime() !== row.dueAt.getTime()) before.dueAt = row.dueAt;
    if (changes.policy && changes.policy !== row.policy) before.policy = row.policy;
    if (changes.reason && changes.reason !== row.reason) before.reason = row.reason;
    if (changes.ticket !== undefined && changes.ticket !== row.ticket) before.ticket = row.ticket;
    const [updated] = await tx
      .update(scheduledDeactivations)
      .set({
        ...(changes.dueAt ? { dueAt: changes.dueAt, overdueAt: null, availableAt: sql`now()` } : {}),
        ...(changes.policy ? { policy: changes.policy } : {}),
        ...(changes.reason ? { reason: changes.reason } : {}),
        ...(changes.ticket !== undefined ? { ticket: changes.ticket } : {}),
        // A held schedule that is edited is planned again (the person decided about the open work).
        ...(row.state === "held" ? { state: "scheduled" as const } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(scheduledDeactivations.id, id))
      .returning();
    await recordScheduleEvent(tx, { kind: "edited", schedule: refOf(updated!), actor, before });
    return updated!;
  });
}

export async function cancelSchedule(db: Database, id: string, actor: ScheduleActor): Promise<ScheduledDeactivationRow> {
  return db.transaction(async (tx) => {
    await lockEditable(tx, id);
    const [updated] = await tx
      .update(scheduledDeactivations)
      .set({ state: "cancelled", finishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(scheduledDeactivations.id, id))
      .returning();
    await recordScheduleEvent(tx, { kind: "cancelled", schedule: refOf(updated!), actor });
    return updated!;
  });
}

export async function getSchedule(db: Database, id: string): Promise<ScheduledDeactivationRow | null> {
  const [row] = await db.select().from(scheduledDeactivations).where(eq(scheduledDeactivations.id, id));
  return row ?? null;
}

export interface ScheduleQuery {
  from?: Date;
  to?: Date;
  states?: readonly ScheduleState[];
  targetId?: string;
  limit: number;
}

/** Sorted by due time (soonest first). */
export async function listSchedules(db: Database, query: ScheduleQuery): Promise<ScheduledDeactivationRow[]> {
  return db
    .select()
    .from(scheduledDeactivations)
    .where(
      and(
        query.from ? gte(scheduledDeactivations.dueAt, query.from) : undefined,
        query.to ? lte(scheduledDeactivations.dueAt, query.to) : undefined,
        query.states?.length ? inArray(scheduledDeactivations.state, query.states) : undefined,
        query.targetId ? eq(scheduledDeactivations.targetId, query.targetId) : undefined,
      ),
    )
    .orderBy(asc(scheduledDeactivations.dueAt), asc(scheduledDeactivations.id))
    .limit(query.limit);
}

/** Schedules still waiting 15 minutes after their time, by the database's clock (the banner). */
export async function countOverdue(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(scheduledDeactivations)
    .where(
      and(
        inArray(scheduledDeactivations.state, WAITING_STATES),
        lt(scheduledDeactivations.dueAt, sql`now() - ${OVERDUE_AFTER_MS} * interval '1 millisecond'`),
      ),
    );
  return row?.n ?? 0;
}

/** The people due in a window and still to go (the daily digest's list, lib/notify/digest.ts), soonest first. */
export async function upcomingLeavers(db: Database, window: { from: Date; to: Date }): Promise<{ name: string | null; email: string | null; dueAt: string }[]> {
  const rows = await db
    .select({ name: scheduledDeactivations.targetName, email: scheduledDeactivations.targetEmail, dueAt: scheduledDeactivations.dueAt })
    .from(scheduledDeactivations)
    .where(
      and(
        inArray(scheduledDeactivations.state, EDITABLE_STATES),
        gte(scheduledDeactivations.dueAt, window.from),
        lt(scheduledDeactivations.dueAt, window.to),
      ),
    )
    .orderBy(asc(scheduledDeactivations.dueAt), asc(scheduledDeactivations.id))
    .limit(2_000);
  return rows.map((row) => ({ ...row, dueAt: row.dueAt.toISOString() }));
}
