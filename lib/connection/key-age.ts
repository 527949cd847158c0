/**
 * API keys expire a set time after they are made (Workfront's default: one month). The app cannot
 * ask Workfront when, so it counts from when the key was made here, or first seen here.
 */
const DAY_MS = 86_400_000;

export interface KeyExpiry {
  expiresAt: Date;
  expiresSoon: boolean;
}

export function keyExpiry(createdAt: Date, lifetimeDays: number, warnDays: number, now: Date = new Date()): KeyExpiry {
  const expiresAt = new Date(createdAt.getTime() + lifetimeDays * DAY_MS);
  return { expiresAt, expiresSoon: now.getTime() >= expiresAt.getTime() - warnDays * DAY_MS };
}
