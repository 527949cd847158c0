import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * Failed sign-ins per key ("email:x@y" or "ip:1.2.3.4"), kept in the database rather than in
 * memory so that every app instance sharing one Postgres sees the same counts.
 */
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: at("window_started_at").notNull().defaultNow(),
  lockedUntil: at("locked_until"),
});

export type AuthThrottleRow = typeof authThrottle.$inferSelect;
