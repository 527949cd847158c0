import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS, NOTIFICATION_STATES } from "../../notify/vocabulary";
import { oneOf } from "./checks";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * The notification outbox (lib/notify): one row per event and channel, written in the same
 * transaction as what it tells about where it can be, and sent by a worker that leases rows like
 * the job engine's items. `event_key` names the event ("job_ended:<id>", "leavers_digest:<day>"):
 * unique per channel, so an event told twice (two instances, a retried transaction) is sent once.
 * `payload` holds only the allow-listed fields of lib/notify/events.ts, never a credential.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventType: text("event_type", { enum: NOTIFICATION_EVENTS }).notNull(),
    eventKey: text("event_key").notNull(),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    payload: jsonb("payload").notNull(),
    state: text("state", { enum: NOTIFICATION_STATES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** A pending row waits until then (backoff after a failed attempt). */
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: at("lease_expires_at"),
    lastError: text("last_error"),
    createdAt: at("created_at").notNull().defaultNow(),
    sentAt: at("sent_at"),
  },
  (table) => [
    uniqueIndex("notifications_event_channel_key").on(table.eventKey, table.channel),
    index("notifications_claimable_idx")
      .on(table.state, table.nextAttemptAt)
      .where(sql`${table.state} in ('pending', 'sending')`),
    check("notifications_event_type_known", oneOf(table.eventType, NOTIFICATION_EVENTS)),
    check("notifications_channel_known", oneOf(table.channel, NOTIFICATION_CHANNELS)),
    check("notifications_state_known", oneOf(table.state, NOTIFICATION_STATES)),
    check(
      "notifications_leased_when_sending",
      sql`(${table.state} = 'sending') = (${table.leaseOwner} is not null and ${table.leaseExpiresAt} is not null)`,
    ),
    check("notifications_sent_at_when_sent", sql`(${table.state} = 'sent') = (${table.sentAt} is not null)`),
  ],
);
