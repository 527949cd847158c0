import "server-only";
import { type Database, notifications } from "@/lib/db";
import { type NotifyConfig, configuredChannels, notifyConfig } from "./config";
import { type NotificationEvent, eventKey, notificationEvent } from "./events";

/**
 * Puts an event in the outbox, one row per configured channel; the notifier sends it. Call it in
 * the transaction that records what the event tells, so that both are kept or neither. Only the
 * allow-listed fields of lib/notify/events.ts are stored (others are dropped); an event already
 * in the outbox (same key) is not added again. Returns the rows added (0 with no channel set up).
 */
export async function enqueueNotification(
  db: Database,
  event: NotificationEvent,
  config: Pick<NotifyConfig, "email" | "webhook"> = notifyConfig(),
): Promise<number> {
  const channels = configuredChannels(config);
  if (channels.length === 0) return 0;
  const payload = notificationEvent.parse(event);
  const added = await db
    .insert(notifications)
    .values(channels.map((channel) => ({ eventType: payload.type, eventKey: eventKey(payload), channel, payload })))
    .onConflictDoNothing({ target: [notifications.eventKey, notifications.channel] })
    .returning({ id: notifications.id });
  return added.length;
}

/** Many events in one statement (e.g. the ends of a batch of scheduled deactivations); as `enqueueNotification` otherwise. */
export async function enqueueNotifications(
  db: Database,
  events: readonly NotificationEvent[],
  config: Pick<NotifyConfig, "email" | "webhook"> = notifyConfig(),
): Promise<number> {
  const channels = configuredChannels(config);
  if (channels.length === 0 || events.length === 0) return 0;
  const rows = events.flatMap((event) => {
    const payload = notificationEvent.parse(event);
    return channels.map((channel) => ({ eventType: payload.type, eventKey: eventKey(payload), channel, payload }));
  });
  let added = 0;
  // Four parameters a row: 1,000 rows a statement stays far below PostgreSQL's 65,535.
  for (let start = 0; start < rows.length; start += 1_000) {
    const inserted = await db
      .insert(notifications)
      .values(rows.slice(start, start + 1_000))
      .onConflictDoNothing({ target: [notifications.eventKey, notifications.channel] })
      .returning({ id: notifications.id });
    added += inserted.length;
  }
  return added;
}
