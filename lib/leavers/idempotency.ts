import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { type Database, leaverRequests } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";

/**
 * Idempotency keys of the leavers feed. The first request with a key claims it (a pending row);
 * its job and its answer are written in one transaction, so a key either has an answer and a job
 * or neither. A key seen again: the same body gets the stored answer, another body is refused
 * (422), and one still being answered is 409. A request that ends in an error gives its key back,
 * so the caller can correct the body and send it again with the same key.
 */
const STALE_AFTER_MS = 10 * 60_000;

/** The caller's own key space: a token's keys never meet its creator's session's. */
export function idempotencyScope(user: { id: string; token?: { id: string } }): string {
  return user.token ? `token:${user.token.id}` : `account:${user.id}`;
}

/** SHA-256 of the body with its keys sorted, so the same JSON in another key order is the same request. */
export function requestHash(body: unknown): string {
  return createHash("sha256").update(stableJson(body)).digest("hex");
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, entry]) => entry !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export type Claim = { kind: "claimed" } | { kind: "replay"; status: number; body: unknown };

export async function claimKey(db: Database, scope: string, key: string, hash: string, now = new Date()): Promise<Claim> {
  const inserted = await db
    .insert(leaverRequests)
    .values({ scope, idempotencyKey: key, requestHash: hash, createdAt: now })
    .onConflictDoNothing()
    .returning({ scope: leaverRequests.scope });
  if (inserted.length > 0) return { kind: "claimed" };
  const [row] = await db
    .select()
    .from(leaverRequests)
    .where(and(eq(leaverRequests.scope, scope), eq(leaverRequests.idempotencyKey, key)));
  if (!row) return claimKey(db, scope, key, hash, now);
  if (row.requestHash !== hash) {
    throw new ApiError(422, "idempotency_key_reused", "This Idempotency-Key was already used with a different body. Use a new key for a new request.");
  }
  if (row.completedAt && row.responseStatus !== null) return { kind: "replay", status: row.responseStatus, body: row.responseBody };
  // A claim left behind by a crash has no job (the job and the answer are one transaction): take it over.
  const [taken] = await db
    .update(leaverRequests)
    .set({ createdAt: now })
    .where(
      and(
        eq(leaverRequests.scope, scope),
        eq(leaverRequests.idempotencyKey, key),
        isNull(leaverRequests.completedAt),
        lt(leaverRequests.createdAt, new Date(now.getTime() - STALE_AFTER_MS)),
      ),
    )
    .returning({ scope: leaverRequests.scope });
  if (taken) return { kind: "claimed" };
  throw new ApiError(409, "idempotency_in_progress", "A request with this Idempotency-Key is still being answered. Try again in a moment.");
}

export interface IdempotentAnswer {
  status: number;
  body: unknown;
  jobId: string | null;
}

/** Stores the answer with the key; `db` is the transaction that also wrote the job. */
export async function completeKey(db: Database, scope: string, key: string, answer: IdempotentAnswer): Promise<void> {
  await db
    .update(leaverRequests)
    .set({ responseStatus: answer.status, responseBody: answer.body, jobId: answer.jobId, completedAt: sql`now()` })
    .where(and(eq(leaverRequests.scope, scope), eq(leaverRequests.idempotencyKey, key), isNull(leaverRequests.completedAt)));
}

/** Gives an unanswered key back after an error, so the same key may be sent again. */
export async function releaseKey(db: Database, scope: string, key: string): Promise<void> {
  await db.delete(leaverRequests).where(and(eq(leaverRequests.scope, scope), eq(leaverRequests.idempotencyKey, key), isNull(leaverRequests.completedAt)));
}
