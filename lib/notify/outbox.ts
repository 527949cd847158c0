import "server-only";
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { type Database, notifications } from "@/lib/db";
import type { NotificationEvent } from "./events";
import type { NotificationChannel } from "./vocabulary";

/**
 * The outbox's leases, as the job engine's (lib/jobs/claim.ts): a worker takes due rows in one
 * `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n) RETURNING`, so two workers (or
 * two instances on one Postgres) never take the same row. A row whose lease expired (its worker
 * died mid-send) is claimable again: a notification is sent at least once, and twice only if a
 * worker dies between the server's acceptance and the row's `sent` (the lease outlasts the
 * channels' timeouts, so a slow send is not taken over).
 */
export interface ClaimedNotification {
  id: string;
  channel: NotificationChannel;
  payload: NotificationEvent;
  attempts: number;
}

const now = sql`now()`;
const fromNow = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;

export async function claimNotifications(
  db: Database,
  options: { owner: string; limit: number; leaseMs: number; /** Only events of these types. */ types?: readonly NotificationEvent["type"][] },
): Promise<ClaimedNotification[]> {
  const claimable = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        or(
          and(eq(notifications.state, "pending"), lte(notifications.nextAttemptAt, now)),
          and(eq(notifications.state, "sending"), lt(notifications.leaseExpiresAt, now)),
        ),
        options.types ? inArray(sql`${notifications.payload}->>'type'`, [...options.types]) : undefined,
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(options.limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(notifications)
    .set({
      state: "sending",
      leaseOwner: options.owner,
      leaseExpiresAt: fromNow(options.leaseMs),
      attempts: sql`${notifications.attempts} + 1`,
    })
    .where(inArray(notifications.id, claimable))
    .returning({
      id: notifications.id,
      channel: notifications.channel,
      payload: notifications.payload,
      attempts: notifications.attempts,
    });
  return rows.map((row) => ({ ...row, payload: row.payload as NotificationEvent }));
}

/**
 * Records the delivery of the rows one message told (one statement for a group); returns those
 * recorded: a row missing from it was no longer this worker's (its lease was taken over).
 */
export async function markSent(db: Database, owner: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .update(notifications)
    .set({ state: "sent", sentAt: now, leaseOwner: null, leaseExpiresAt: null, lastError: null })
    .where(and(inArray(notifications.id, [...ids]), eq(notifications.leaseOwner, owner), eq(notifications.state, "sending")))
    .returning({ id: notifications.id });
  return new Set(rows.map((row) => row.id));
}

/**
 * Records a failed attempt of the rows one message told, in one statement: each pending again after
 * `retryInMs` (so a group's rows are due again together, and go out together), or `failed` for good
 * when the row has used its attempts. `error` must already be free of secrets (lib/notify/channels
 * say why a send failed without the URL or the password). Returns each held row's new state.
 */
export async function markAttemptFailed(
  db: Database,
  options: { owner: string; ids: readonly string[]; error: string; maxAttempts: number; retryInMs: number },
): Promise<Map<string, "pending" | "failed">> {
  if (options.ids.length === 0) return new Map();
  const rows = await db
    .update(notifications)
    .set({
      state: sql`case when ${notifications.attempts} >= ${options.maxAttempts} then 'failed' else 'pending' end`,
      nextAttemptAt: fromNow(options.retryInMs),
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: options.error.slice(0, 500),
    })
    .where(and(inArray(notifications.id, [...options.ids]), eq(notifications.leaseOwner, options.owner), eq(notifications.state, "sending")))
    .returning({ id: notifications.id, state: notifications.state });
  return new Map(rows.flatMap((row) => (row.state === "pending" || row.state === "failed" ? [[row.id, row.state] as const] : [])));
}

/**
 * Forgets sent notifications older than `keepDays` (the outbox is not an archive: the audit log
 * and the job's events are). Failed ones stay for an admin to read. Returns how many went.
 */
export async function pruneSent(db: Database, keepDays: number): Promise<number> {
  const rows = await db
    .delete(notifications)
    .where(and(eq(notifications.state, "sent"), lt(notifications.sentAt, sql`now() - ${keepDays} * interval '1 day'`)))
    .returning({ id: notifications.id });
  return rows.length;
}
