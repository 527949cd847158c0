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
