import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ROLES } from "../../auth/roles";
import { LOCALES } from "../../i18n/locales";
import { oneOf } from "./checks";

/** Millisecond precision, so a value read into a JS Date and written back compares equal. */
const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/** People who sign in to this dashboard (not Workfront users). */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name"),
    /** Null for accounts that will sign in through SSO only. */
    passwordHash: text("password_hash"),
    role: text("role", { enum: ROLES }).notNull(),
    disabled: boolean("disabled").notNull().default(false),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at")
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
    lastLoginAt: at("last_login_at"),
    /** The dashboard language the person chose; null means "as the browser asks". */
    locale: text("locale", { enum: LOCALES }),
    /**
     * Every session carries the value it was signed in with and is valid only while it is still
     * current: raising it (sign-out, disable, password or role change) ends them all at once.
     */
    sessionVersion: integer("session_version").notNull().default(0),
    /** What the person chose to see (the users table's columns…); validated when read (lib/auth/preferences.ts). */
    preferences: jsonb("preferences").$type<Record<string, unknown>>(),
  },
  (table) => [
    uniqueIndex("accounts_email_key").on(table.email),
    // Look-ups lower-case the address; a mixed-case row would be unreachable and could duplicate one.
    check("accounts_email_lower", sql`${table.email} = lower(${table.email})`),
    check("accounts_role_known", oneOf(table.role, ROLES)),
    check("accounts_locale_known", oneOf(table.locale, LOCALES)),
  ],
);

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;
