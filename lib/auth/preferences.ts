import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { DEFAULT_USER_COLUMNS, OPTIONAL_USER_COLUMNS, type OptionalUserColumn } from "@/lib/client/user-columns";
import { type Database, accounts } from "@/lib/db";

/**
 * What a person chose to see, kept on their account so every browser shows it alike. Stored as
 * JSON and validated when read: a column that no longer exists is dropped, not an error.
 */
export const usersColumnsSchema = z.array(z.enum(OPTIONAL_USER_COLUMNS)).max(OPTIONAL_USER_COLUMNS.length);

/** PUT /api/preferences/users-columns. */
export const usersColumnsBodySchema = z.object({ columns: usersColumnsSchema }).strict();

export async function usersColumnsOf(db: Database, accountId: string): Promise<readonly OptionalUserColumn[]> {
  const [row] = await db.select({ preferences: accounts.preferences }).from(accounts).where(eq(accounts.id, accountId));
  const saved = row?.preferences?.usersColumns;
  if (!Array.isArray(saved)) return DEFAULT_USER_COLUMNS;
  return saved.filter((column): column is OptionalUserColumn => (OPTIONAL_USER_COLUMNS as readonly unknown[]).includes(column));
}

export async function setUsersColumns(db: Database, accountId: string, columns: readonly OptionalUserColumn[]): Promise<void> {
  const value = JSON.stringify({ usersColumns: [...new Set(columns)] });
  // Merged, so other preferences kept here later survive this one's change.
  await db
    .update(accounts)
    .set({ preferences: sql`coalesce(${accounts.preferences}, '{}'::jsonb) || ${value}::jsonb` })
    .where(eq(accounts.id, accountId));
}
