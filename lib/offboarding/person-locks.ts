import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Database, idsIn, personLocks, recordset } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";

/**
 * One action per Workfront person at a time (table `person_locks`). Without it, ten people who
 * deactivate the same person at once all read "active" before any write lands, and the audit log
 * records ten changes for one. With it, the first reads, writes and records; the others wait, read
 * the person afterwards, and record "already". Bulk jobs take the same leases for a chunk's people
 * and leave anyone held elsewhere for a moment later.
 */
const leaseUntil = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;

/** Takes the leases it can; answers whom it holds. A lease that ran out may be taken over. */
export async function tryLockPeople(db: Database, owner: string, targetIds: readonly string[], leaseMs: number): Promise<Set<string>> {
  const ids = [...new Set(targetIds)].sort();
  if (ids.length === 0) return new Set();
  // One statement, the people as one JSON parameter (lib/db/recordset.ts says why).
  const result = await db.execute(sql`
    insert into person_locks (target_id, owner, expires_at)
    select v.target_id, ${owner}, ${leaseUntil(leaseMs)} from ${recordset(ids.map((id) => ({ target_id: id })), "target_id text")}
    on conflict (target_id) do update set owner = excluded.owner, expires_at = excluded.expires_at
    -- Someone else's lease that has run out (its holder crashed), or our own again.
    where person_locks.expires_at < now() or person_locks.owner = ${owner}
    returning target_id`);
  return new Set((result as unknown as { rows: { target_id: string }[] }).rows.map((row) => row.target_id));
}

export async function renewPersonLocks(db: Database, owner: string, targetIds: readonly string[], leaseMs: number): Promise<void> {
  if (targetIds.length === 0) return;
  await db
    .update(personLocks)
    .set({ expiresAt: leaseUntil(leaseMs) })
    .where(and(eq(personLocks.owner, owner), sql`${personLocks.targetId} in ${idsIn(targetIds, "text")}`));
}

export async function unlockPeople(db: Database, owner: string, targetIds: readonly string[]): Promise<void> {
  if (targetIds.length === 0) return;
  await db.delete(personLocks).where(and(eq(personLocks.owner, owner), sql`${personLocks.targetId} in ${idsIn(targetIds, "text")}`));
}

/**
 * For a bulk job's chunk: takes whom it can of `targetIds` (each held by one owner, so a person in
 * a chunk twice is held once), renews them every third of the lease while the chunk runs, and
 * lets them go with `release()`. Whom it could not take is held by another action right now.
 */
export async function holdPeople(db: Database, targetIds: readonly string[], leaseMs: number, owner = `chunk:${randomUUID()}`) {
  const held = await tryLockPeople(db, owner, targetIds, leaseMs);
  const renewal = setInterval(() => {
    renewPersonLocks(db, owner, [...held], leaseMs).catch(() => {
      // A missed renewal is retried at the next tick; the lease outlives two of them.
    });
  }, Math.max(100, Math.floor(leaseMs / 3)));
  renewal.unref?.();
  return {
    held,
    release: async () => {
      clearInterval(renewal);
      await unlockPeople(db, owner, [...held]);
    },
  };
}

export interface PersonLockOptions {
  /** How long the lease lasts without the holder: longer than the action can take. */
  leaseMs: number;
  /** How long to wait for another action on the person to end before answering 409. */
  waitMs: number;
  /** For tests: the pause between tries (grows from `pollMs` up to 250 ms). */
  pollMs?: number;
}

/**
 * A lease outlives the slowest action (a read and a write, each up to Workfront's call deadline);
 * a second action waits up to one deadline for the first to end.
 */
export function personLockOptions(deadlineMs = 120_000): PersonLockOptions {
  return { leaseMs: 2 * deadlineMs + 30_000, waitMs: deadlineMs };
}

/** Runs `action` holding the person's lease, waiting for another action on them to end first. */
export async function withPersonLock<T>(db: Database, targetId: string, options: PersonLockOptions, action: () => Promise<T>): Promise<T> {
  const owner = `action:${randomUUID()}`;
  const giveUpAt = Date.now() + options.waitMs;
  let pause = options.pollMs ?? 20;
  while (!(await tryLockPeople(db, owner, [targetId], options.leaseMs)).has(targetId)) {
    if (Date.now() + pause > giveUpAt) {
      throw new ApiError(409, "person_busy", "Another action on this person is still running. Try again in a moment.");
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(250, Math.round(pause * 1.5));
  }
  try {
    return await action();
  } finally {
    await unlockPeople(db, owner, [targetId]);
  }
}
