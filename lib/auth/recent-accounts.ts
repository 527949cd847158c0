import "server-only";
import type { Database } from "@/lib/db";
import { type Account, findAccountById } from "./accounts";

/**
 * Account lookups remembered by this process for a short while, for read-only API requests only
 * (session.ts `requireApiReader`). On the embedded database a lookup runs on the request's own
 * thread and cost the users route about 0.8 ms of its 5 ms budget (docs/PERFORMANCE.md).
 * Pages and every change read the account fresh.
 */
export const RECENT_ACCOUNT_MS = 2_000;
const MAX_REMEMBERED = 1_000;

interface Remembered {
  account: Account | null;
  readAt: number;
}

// Per database, so that a test's fresh database (or a reopened one) never sees another's rows.
const rememberedByDb = new WeakMap<Database, Map<string, Remembered>>();

/** The account as read at most RECENT_ACCOUNT_MS ago by this process (null: none or not a UUID). */
export async function findRecentAccount(db: Database, id: string): Promise<Account | null> {
  let remembered = rememberedByDb.get(db);
  if (!remembered) rememberedByDb.set(db, (remembered = new Map()));
  const readAt = Date.now();
  const hit = remembered.get(id);
  if (hit && readAt - hit.readAt < RECENT_ACCOUNT_MS) return hit.account;
  const account = await findAccountById(db, id);
  // Re-inserted at the end, so the first entry is always the one read longest ago.
  remembered.delete(id);
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(id, { account, readAt });
  return account;
}
