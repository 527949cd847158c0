import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * One action per Workfront person at a time, across app instances and workers: a row is a lease
 * on that person (lib/offboarding/person-locks.ts). A lease, not a held connection or a session
 * lock, so no pooled connection is kept out of the pool for a Workfront call, and a crashed
 * holder's lease simply runs out.
 */
export const personLocks = pgTable("person_locks", {
  targetId: text("target_id").primaryKey(),
  owner: text("owner").notNull(),
  expiresAt: at("expires_at").notNull(),
});
