import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * Workfront people an admin protected in Settings: refused like PROTECTED_USERS (which stays the
 * locked base list). Name and e-mail are copied when added, so the list reads without Workfront.
 * Removing one deletes its row; the admin log (admin_events) keeps who added and removed it.
 */
export const protectedPeople = pgTable(
  "protected_people",
  {
    workfrontId: text("workfront_id").primaryKey(),
    name: text("name").notNull(),
    email: text("email"),
    reason: text("reason").notNull(),
    addedByEmail: text("added_by_email").notNull(),
    addedAt: at("added_at").notNull().defaultNow(),
  },
  (table) => [check("protected_people_id_format", sql`${table.workfrontId} ~ '^[0-9a-f]{32}$'`)],
);

export type ProtectedPersonRow = typeof protectedPeople.$inferSelect;
