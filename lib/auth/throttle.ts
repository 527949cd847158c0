import "server-only";
import { and, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { type Database, authThrottle } from "@/lib/db";

/**
 * Sign-in throttling against password guessing, per account and per client address: every
 * password check is counted before it is made (`reserveAttempt`). Counts live in the database so
 * every app instance sees the same ones. Keys are "email:<address>" and "ip:<address>"; build
 * them with `throttleKeys`, account first.
 */
export type ThrottleKind = "email" | "ip";

interface Policy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const MINUTE = 60_000;

/** An address is allowed more than an account: offices and VPNs put many people behind one. */
export const THROTTLE_POLICIES: Record<ThrottleKind, Policy> = {
  email: { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  ip: { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
};

/** Rows idle this long are deleted on the next attempt, so the table stays small. */
const FORGET_AFTER_MS = 24 * 60 * MINUTE;

export interface ThrottleOptions {
  /** For tests; the server's clock otherwise. */
  now?: Date;
}

export interface ThrottleStatus {
  allowed: boolean;
  /** Whole seconds until the longest lock on these keys ends; 0 when allowed. */
  retryAfterSeconds: number;
}

export function throttleKeys(email: string, ip?: string | null): string[] {
  return [`email:${email.trim().toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];
}

function kindOf(key: string): ThrottleKind {
  // Anything not clearly an address gets the stricter per-account policy.
  return key.startsWith("ip:") ? "ip" : "email";
}

const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Counts one sign-in attempt against each key, before its password is checked, and says whether
 * the check may go ahead: at most `maxFailures` checks per key and window, then none until the
 * lock ends. Each key's count is one atomic upsert that returns the new count, so a parallel
 * burst cannot slip checks in between a look at the count and its increment (200 parallel
 * guesses used to get 124 checks). Keys are counted in order and counting stops at the first
 * refusal: an account that is locked spends none of its address's attempts. A correct password
 * gives its attempt back (`recordSuccess`).
 */
export async function reserveAttempt(db: Database, keys: string[], options: ThrottleOptions = {}): Promise<ThrottleStatus> {
  const now = options.now ?? new Date();
  let status: ThrottleStatus = { allowed: true, retryAfterSeconds: 0 };
  for (const key of new Set(keys)) {
    const { failures, lockedUntil } = await countAttempt(db, key, now);
    if (failures > THROTTLE_POLICIES[kindOf(key)].maxFailures) {
      const until = lockedUntil?.getTime() ?? now.getTime();
      status = { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
      break;
    }
  }
  await forgetIdle(db, now);
  return status;
}

/**
 * One upsert: the count goes up by one (or starts afresh at 1 when the lock has ended, or when
 * the window has run out without a lock), and the lock starts when the count reaches the limit.
 * A lock outlasts the window it was set in.
 */
async function countAttempt(db: Database, key: string, now: Date): Promise<{ failures: number; lockedUntil: Date | null }> {
  const policy = THROTTLE_POLICIES[kindOf(key)];
  const lockUntil = new Date(now.getTime() + policy.lockMs);
  const windowOpenedAfter = new Date(now.getTime() - policy.windowMs);
  const stale = sql`(case when ${authThrottle.lockedUntil} is not null then ${authThrottle.lockedUntil} <= ${ts(now)}
    else ${authThrottle.windowStartedAt} <= ${ts(windowOpenedAfter)} end)`;
  const failures = sql`(case when ${stale} then 1 else ${authThrottle.failures} + 1 end)`;
  const [row] = await db
    .insert(authThrottle)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: policy.maxFailures <= 1 ? lockUntil : null })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${stale} then ${ts(now)} else ${authThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${stale} then (case when 1 >= ${policy.maxFailures} then ${ts(lockUntil)} end)
          when ${failures} >= ${policy.maxFailures} then coalesce(${authThrottle.lockedUntil}, ${ts(lockUntil)})
          else ${authThrottle.lockedUntil} end`,
      },
    })
    .returning({ failures: authThrottle.failures, lockedUntil: authThrottle.lockedUntil });
  return row ?? { failures: 1, lockedUntil: null };
}

/** Rows idle for a day, and not locked, are dropped, so the table stays small. */
async function forgetIdle(db: Database, now: Date): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  await db
    .delete(authThrottle)
    .where(
      and(
        lt(authThrottle.windowStartedAt, forgetBefore),
        or(isNull(authThrottle.lockedUntil), lt(authThrottle.lockedUntil, now)),
      ),
    );
}

/**
 * After a correct password: the account's count is cleared, and the address gets back the attempt
 * it spent (a correct password is no guess; an office signing in all day must not lock itself
 * out). The address's other counts stay: otherwise one account the guesser owns would reset the
 * limit for every other account tried from that address.
 */
export async function recordSuccess(db: Database, keys: string[]): Promise<void> {
  const accountKeys = keys.filter((key) => kindOf(key) === "email");
  const addressKeys = keys.filter((key) => kindOf(key) === "ip");
  if (accountKeys.length > 0) await db.delete(authThrottle).where(inArray(authThrottle.key, accountKeys));
  if (addressKeys.length === 0) return;
  const { maxFailures } = THROTTLE_POLICIES.ip;
  await db
    .update(authThrottle)
    .set({
      failures: sql`greatest(${authThrottle.failures} - 1, 0)`,
      lockedUntil: sql`case when ${authThrottle.failures} - 1 < ${maxFailures} then null else ${authThrottle.lockedUntil} end`,
    })
    .where(inArray(authThrottle.key, addressKeys));
}

/** For an admin unlocking an account by hand (e.g. a settings page or a script). */
export async function clearThrottle(db: Database, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(authThrottle).where(inArray(authThrottle.key, keys));
}
