import "server-only";
import type { JobActor } from "@/lib/jobs/events";
import type { Database } from "@/lib/db";
import type { MatchedUserDto } from "@/lib/offboarding/match-leavers";

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
  state: "not_scheduled";
  code: "scheduling_unavailable";
  reason: string;
}

export interface FutureLeaversContext {
  /** The transaction the feed's job and idempotency record are written in. */
  tx: Database;
  actor: JobActor;
  reason: string;
  ticket: string | null;
}

/**
 * What becomes of people whose last day is still ahead. Scheduled deactivation (lib/schedule) is
 * not merged yet: until it is, nobody is deactivated early and each is answered `not_scheduled`
 * with `scheduling_unavailable`, so the HR system can send them again later. THE ONE PLACE TO
 * REPLACE when scheduling lands: create their schedules in `context.tx` (so the idempotency record
 * covers them) and answer each one's schedule instead.
 */
export async function scheduleFutureLeavers(leavers: readonly FutureLeaver[], context: FutureLeaversContext): Promise<FutureLeaverOutcome[]> {
  void context;
  return leavers.map((leaver) => ({
    index: leaver.index,
    state: "not_scheduled",
    code: "scheduling_unavailable",
    reason: `Last day ${leaver.lastDay} has not ended; scheduled deactivation is not available yet, so nothing was done. Send this person again after their last day.`,
  }));
}
