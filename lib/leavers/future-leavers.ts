import "server-only";
import { and, inArray } from "drizzle-orm";
import { type Database, scheduledDeactivations } from "@/lib/db";
import type { JobActor } from "@/lib/jobs/events";
import type { MatchedUserDto } from "@/lib/offboarding/match-leavers";
import { dueAtFor } from "@/lib/schedule/due-time";
import { createSchedules } from "@/lib/schedule/store";
import { OPEN_STATES } from "@/lib/schedule/vocabulary";

/** A matched person whose last day has not ended yet: they must not be deactivated now. */
export interface FutureLeaver {
  /** Their place in the request's `people` (0-based). */
  index: number;
  user: MatchedUserDto;
  /** YYYY-MM-DD, in APP_TIME_ZONE. */
  lastDay: string;
}

export interface FutureLeaverOutcome {
  index: number;
  /** scheduled: at the end of their last day; already_scheduled: an open schedule was kept as it is. */
  state: "scheduled" | "already_scheduled";
  code: null;
  reason: string;
  schedule: { id: string; dueAt: string };
}

export interface FutureLeaversContext {
  /** The transaction the feed's job and idempotency record are written in. */
  tx: Database;
  actor: JobActor;
  reason: string;
  ticket: string | null;
  /** The organisation's time zone (APP_TIME_ZONE): a last day ends at its midnight. */
  timeZone: string;
}

/**
 * People whose last day is still ahead get a scheduled deactivation (lib/schedule) at the end of
 * that day, in the feed's own transaction, so the idempotency record covers them: the same key
 * again schedules nobody twice. Someone who already has an open schedule keeps it (it may have
 * been set by hand, with a time of its own) and is answered `already_scheduled` with it.
 */
export async function scheduleFutureLeavers(leavers: readonly FutureLeaver[], context: FutureLeaversContext): Promise<FutureLeaverOutcome[]> {
  if (leavers.length === 0) return [];
  const open = await context.tx
    .select({ id: scheduledDeactivations.id, targetId: scheduledDeactivations.targetId, dueAt: scheduledDeactivations.dueAt })
    .from(scheduledDeactivations)
    .where(and(inArray(scheduledDeactivations.targetId, leavers.map((leaver) => leaver.user.id)), inArray(scheduledDeactivations.state, OPEN_STATES)));
  const openOf = new Map(open.map((row) => [row.targetId, row]));
  const fresh = leavers.filter((leaver) => !openOf.has(leaver.user.id));
  const lastDayOf = new Map(fresh.map((leaver) => [leaver.user.id, leaver.lastDay]));
  const { accountId, email, role, requestId, clientIp } = context.actor;
  const made = await createSchedules(context.tx, {
    targets: fresh.map((leaver) => ({ id: leaver.user.id, name: leaver.user.name, email: leaver.user.email })),
    dueAt: (target) => dueAtFor({ day: lastDayOf.get(target.id)! }, context.timeZone),
    timeZone: context.timeZone,
    policy: "deactivate_anyway",
    reason: context.reason,
    ticket: context.ticket,
    sourceName: "POST /api/leavers",
    actor: { accountId, email, role, requestId, clientIp },
  });
  const madeOf = new Map(made.map((row) => [row.targetId, row]));
  return leavers.map((leaver) => {
    const mine = madeOf.get(leaver.user.id);
    if (mine) {
      return {
        index: leaver.index,
        state: "scheduled",
        code: null,
        reason: `Scheduled for the end of their last day, ${leaver.lastDay}.`,
        schedule: { id: mine.id, dueAt: mine.dueAt.toISOString() },
      };
    }
    const existing = openOf.get(leaver.user.id)!;
    return {
      index: leaver.index,
      state: "already_scheduled",
      code: null,
      reason: "A scheduled deactivation for this person exists already; it was left as it is.",
      schedule: { id: existing.id, dueAt: existing.dueAt.toISOString() },
    };
  });
}
