import "server-only";
import { and, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { type Database, authThrottle } from "@/lib/db";

/**
 * Sign-in throttling against password guessing, per account and per client address. Counts live
 * in the database so every app instance sees the same ones. Keys are "email:<address>" and
 * "ip:<address>"; build them with `throttleKeys`.
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

/** Rows idle this long are deleted on the next failure, so the table stays small. */
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

export async function checkThrottle(
  db: Database,
  keys: string[],
  options: ThrottleOptions = {},
): Promise<ThrottleStatus> {
  if (keys.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  const now = options.now ?? new Date();
  const locked = await db
    .select({ lockedUntil: authThrottle.lockedUntil })
    .from(authThrottle)
    .where(and(inArray(authThrottle.key, keys), sql`${authThrottle.lockedUntil} > ${ts(now)}`));
  const until = Math.max(0, ...locked.map((row) => row.lockedUntil?.getTime() ?? 0));
  return until > now.getTime()
    ? { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) }
    : { allowed: true, retryAfterSeconds: 0 };
}

/**
 * Counts one failure against each key in a single upsert per key, so concurrent failures from
 * several instances all count. A window that has run out, or a lock that has ended, starts afresh.
 */
export async function recordFailure(
  db: Database,
  keys: string[],
  options: ThrottleOptions = {},
): Promise<void> {
  const now = options.now ?? new Date();
  for (const key of new Set(keys)) {
    const policy = THROTTLE_POLICIES[kindOf(key)];
    const lockUntil = new Date(now.getTime() + policy.lockMs);
    const windowOpenedAfter = new Date(now.getTime() - policy.windowMs);
    const stale = sql`(${authThrottle.windowStartedAt} <= ${ts(windowOpenedAfter)}
      or (${authThrottle.lockedUntil} is not null and ${authThrottle.lockedUntil} <= ${ts(now)}))`;
    const failures = sql`(case when ${stale} then 1 else ${authThrottle.failures} + 1 end)`;
    await db
      .insert(authThrottle)
      .values({
        key,
        failures: 1,
        windowStartedAt: now,
        lockedUntil: policy.maxFailures <= 1 ? lockUntil : null,
      })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          failures,
          windowStartedAt: sql`case when ${stale} then ${ts(now)} else ${authThrottle.windowStartedAt} end`,
          lockedUntil: sql`case when ${failures} >= ${policy.maxFailures} then ${ts(lockUntil)}
            when ${stale} then null else ${authThrottle.lockedUntil} end`,
        },
      });
  }
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
 * Clears the per-account counts after a correct password. Address counts stay: otherwise one
 * account the guesser owns would reset the limit for every other account tried from that address.
 */
export async function recordSuccess(db: Database, keys: string[]): Promise<void> {
  const accountKeys = keys.filter((key) => kindOf(key) === "email");
  if (accountKeys.length === 0) return;
  await db.delete(authThrottle).where(inArray(authThrottle.key, accountKeys));
}

/** For an admin unlocking an account by hand (e.g. a settings page or a script). */
export async function clearThrottle(db: Database, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(authThrottle).where(inArray(authThrottle.key, keys));
}
