import "server-only";
import { eq } from "drizzle-orm";
import { type Database, databaseNow, notifications } from "@/lib/db";
import { endOfDay, startOfDay, zonedParts } from "@/lib/time/zoned-day";
import type { NotifyConfig } from "./config";
import { enqueueNotification } from "./enqueue";
import type { Leaver } from "./events";

/**
 * Where the digest's leavers come from: the people due in [from, to]. Injected, so the digest
 * does not depend on where schedules are kept (issue 17's schedule plugs in here).
 */
export type UpcomingLeavers = (window: { from: Date; to: Date }) => Promise<Leaver[]>;

/** The calendar day and hour of an instant in a time zone. */
export function zonedDayAndHour(instant: Date, timeZone: string): { day: string; hour: number } {
  const parts = zonedParts(instant, timeZone);
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export type DigestOutcome = "not_due" | "already" | "enqueued";

/**
 * Puts today's digest (today in APP_TIME_ZONE, by the database's clock) in the outbox once it is
 * NOTIFY_DIGEST_HOUR or later: the next 7 days, today included. Called on every notifier poll by
 * every instance; the outbox's unique event key makes it once per day whoever gets there first.
 */
export async function enqueueDigestIfDue(
  db: Database,
  options: {
    config: Pick<NotifyConfig, "email" | "webhook" | "timeZone" | "digestHour">;
    upcomingLeavers: UpcomingLeavers;
    /** The current instant; default the database's clock. */
    now?: Date;
  },
): Promise<DigestOutcome> {
  const now = options.now ?? (await databaseNow(db));
  const { day, hour } = zonedDayAndHour(now, options.config.timeZone);
  if (hour < options.config.digestHour) return "not_due";
  const key = `leavers_digest:${day}`;
  const [existing] = await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.eventKey, key)).limit(1);
  if (existing) return "already";
  const window = { from: startOfDay(day, options.config.timeZone), to: endOfDay(addDays(day, 6), options.config.timeZone) };
  const leavers = await options.upcomingLeavers(window);
  await enqueueNotification(db, { type: "leavers_digest", day, leavers }, options.config);
  return "enqueued";
}

