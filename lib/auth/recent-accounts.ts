import "server-only";
import type { Database } from "@/lib/db";
import type { Account } from "./accounts";

/**
 * Account lookups remembered by this process for a short while, for read-only API requests on the
 * embedded database only (session.ts `requireApiReader`). There a lookup runs on the request's own
 * thread and cost the users route about 0.8 ms of its 5 ms budget (docs/PERFORMANCE.md), and this
 * process is the only one that can change an account (PGlite opens its directory for one process
 * at a time), so every change forgets the account here (`forgetRecentAccount`) and a revoked
 * session is refused at once. With Postgres, where other processes change accounts too, nothing is
 * remembered. Pages and every change read the account fresh.
 */
export const RECENT_ACCOUNT_MS = 2_000;
const MAX_REMEMBERED = 1_000;

interface Remembered {
  account: Account | null;
  readAt: number;
}

// Per database, so that a test's fresh database (or a reopened one) never sees another's rows.
const rememberedByDb = new WeakMap<Database, Map<string, Remembered>>();

type AccountLookup = (db: Database, id: string) => Promise<Account | null>;

/** The account as read by `lookup` at most RECENT_ACCOUNT_MS ago by this process (null: none or not a UUID). */
export async function findRecentAccount(db: Database, id: string, lookup: AccountLookup): Promise<Account | null> {
  let remembered = rememberedByDb.get(db);
  if (!remembered) rememberedByDb.set(db, (remembered = new Map()));
  const readAt = Date.now();
  const hit = remembered.get(id);
  if (hit && readAt - hit.readAt < RECENT_ACCOUNT_MS) return hit.account;
  const account = await lookup(db, id);
  // Re-inserted at the end, so the first entry is always the one read longest ago.
  remembered.delete(id);
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(id, { account, readAt });
  return account;
}

/** Called by everything in this process that changes an account: the next read looks it up again. */
export function forgetRecentAccount(db: Database, id: string): void {
  rememberedByDb.get(db)?.delete(id);
}
