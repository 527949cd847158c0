import "server-only";
import { type UserUpdates, type WorkfrontClient, type WorkfrontUser, isCredentialError, isWorkfrontError } from "@/lib/workfront";

/** One person's answer from Workfront: the user, or why not. */
export type UserResult = { ok: true; user: WorkfrontUser } | { ok: false; error: unknown };

/** Workfront's /batch holds at most 100 operations. */
export const BATCH_LIMIT = 100;

function everyone(ids: readonly string[], error: unknown): Map<string, UserResult> {
  return new Map(ids.map((id) => [id, { ok: false, error }]));
}

/**
 * Current state of up to 100 people in one /batch request (a read costs one request, not one per
 * person). A failure of the whole request becomes each person's failure.
 */
export async function readUsers(client: WorkfrontClient, ids: readonly string[]): Promise<Map<string, UserResult>> {
  const results = new Map<string, UserResult>();
  for (let start = 0; start < ids.length; start += BATCH_LIMIT) {
    const slice = ids.slice(start, start + BATCH_LIMIT);
    try {
      const answers = await client.batch(slice.map((id) => ({ kind: "getUser" as const, id })));
      slice.forEach((id, index) => {
        const answer = answers[index];
        results.set(id, answer?.ok ? { ok: true, user: answer.user } : { ok: false, error: answer?.error });
      });
    } catch (error) {
      for (const [id, result] of everyone(slice, error)) results.set(id, result);
    }
  }
  return results;
}

export interface Write {
  id: string;
  updates: UserUpdates;
}

/**
 * Sets each person's state: in one /batch request per 100 (`batch`), or one PUT each (`single`),
 * all under the client's per-tenant in-flight cap. Every update sets fixed values, so the client's
 * retries of a whole batch are safe.
 */
export async function writeUsers(
  client: WorkfrontClient,
  writes: readonly Write[],
  mode: "batch" | "single",
): Promise<Map<string, UserResult>> {
  const results = new Map<string, UserResult>();
  if (mode === "single") {
    const settled = await Promise.allSettled(writes.map((write) => client.updateUser(write.id, write.updates)));
    settled.forEach((outcome, index) => {
      const id = writes[index]!.id;
      results.set(id, outcome.status === "fulfilled" ? { ok: true, user: outcome.value } : { ok: false, error: outcome.reason });
    });
    return results;
  }
  for (let start = 0; start < writes.length; start += BATCH_LIMIT) {
    const slice = writes.slice(start, start + BATCH_LIMIT);
    try {
      const answers = await client.batch(slice.map((write) => ({ kind: "updateUser" as const, id: write.id, updates: write.updates })));
      slice.forEach((write, index) => {
        const answer = answers[index];
        results.set(write.id, answer?.ok ? { ok: true, user: answer.user } : { ok: false, error: answer?.error });
      });
    } catch (error) {
      for (const [id, result] of everyone(slice.map((write) => write.id), error)) results.set(id, result);
    }
  }
  return results;
}

export type ErrorClass = "pause" | "retry" | "fail";

/**
 * A refused or missing credential (auth, not_connected) pauses the job; what may work later is
 * retried; the rest (not found, refused) is final.
 */
export function classify(error: unknown): ErrorClass {
  if (!isWorkfrontError(error)) return "retry";
  if (isCredentialError(error)) return "pause";
  return error.retryable ? "retry" : "fail";
}

export function describeError(error: unknown): { code: string; message: string } {
  if (isWorkfrontError(error)) return { code: error.code, message: error.message };
  if (error === undefined) return { code: "unavailable", message: "Workfront gave no answer for this person." };
  return { code: "internal", message: error instanceof Error ? error.message : String(error) };
}

export function isAuthError(error: unknown): boolean {
  return isCredentialError(error);
}
