import "server-only";
import {
  MAX_OBJECTS_PER_REQUEST,
  type UserWrite,
  type WorkfrontClient,
  type WorkfrontUser,
  WorkfrontError,
  isCredentialError,
  isWorkfrontError,
} from "@/lib/workfront";
import { type BatchSetting, fallsBackFromBatch, usesBatch } from "./batch-support";

/** One person's answer from Workfront: the user, or why not. */
export type UserResult = { ok: true; user: WorkfrontUser } | { ok: false; error: unknown };
export type Write = UserWrite;
export type { BatchSetting };

const notFound = () => new WorkfrontError("not_found", "Workfront does not find this user");

function slices<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += MAX_OBJECTS_PER_REQUEST) {
    result.push(items.slice(start, start + MAX_OBJECTS_PER_REQUEST));
  }
  return result;
}

function everyone(ids: readonly string[], error: unknown): Map<string, UserResult> {
  return new Map(ids.map((id) => [id, { ok: false, error }]));
}

async function readSlice(client: WorkfrontClient, slice: readonly string[]): Promise<Map<string, UserResult>> {
  try {
    const found = new Map((await client.getUsers(slice)).map((user) => [user.id, user]));
    return new Map(slice.map((id): [string, UserResult] => {
      const user = found.get(id);
      return [id, user ? { ok: true, user } : { ok: false, error: notFound() }];
    }));
  } catch (error) {
    return everyone(slice, error);
  }
}

/**
 * Current state of people, 100 per documented search by IDs (a read costs one request, not one
 * per person), the requests in parallel under the client's cap. Someone the search does not find
 * is `not_found`; a failed request is the failure of everyone it asked for.
 */
export async function readUsers(client: WorkfrontClient, ids: readonly string[]): Promise<Map<string, UserResult>> {
  const maps = await Promise.all(slices(ids).map((slice) => readSlice(client, slice)));
  return new Map(maps.flatMap((map) => [...map]));
}

/** Whether Workfront now shows what the write asked for. */
function applied(user: WorkfrontUser, updates: Write["updates"]): boolean {
  if (updates.isActive !== undefined && user.isActive !== updates.isActive) return false;
  if (updates.accessLevelID !== undefined && user.accessLevel?.id !== updates.accessLevelID) return false;
  return true;
}

async function singleWrites(client: WorkfrontClient, writes: readonly Write[]): Promise<Map<string, UserResult>> {
  const settled = await Promise.allSettled(writes.map((write) => client.updateUser(write.id, write.updates)));
  return new Map(
    settled.map((outcome, index) => [
      writes[index]!.id,
      outcome.status === "fulfilled" ? { ok: true, user: outcome.value } : { ok: false, error: outcome.reason },
    ]),
  );
}

/**
 * After a bulk edit that failed as a whole (or left someone out of its answer): Workfront does not
 * document what a failed bulk edit applied, so everyone is read again. Whoever shows the wanted
 * state is done; the rest wait for a later try when the failure may pass (throttled, unavailable),
 * or get one PUT each, so that a refusal is pinned on the one person it concerns.
 */
async function settleBulk(client: WorkfrontClient, writes: readonly Write[], failure: unknown): Promise<Map<string, UserResult>> {
  const current = await readUsers(client, writes.map((write) => write.id));
  const results = new Map<string, UserResult>();
  const rest: Write[] = [];
  for (const write of writes) {
    const read = current.get(write.id)!;
    // Not found is final; a failed read leaves who changed unknown until a later try reads them.
    if (!read.ok || applied(read.user, write.updates)) results.set(write.id, read);
    else rest.push(write);
  }
  if (isWorkfrontError(failure) && failure.retryable) {
    for (const write of rest) results.set(write.id, { ok: false, error: failure });
  } else {
    for (const [id, result] of await singleWrites(client, rest)) results.set(id, result);
  }
  return results;
}

async function bulkWrites(client: WorkfrontClient, writes: readonly Write[]): Promise<Map<string, UserResult>> {
  let answered: Map<string, WorkfrontUser>;
  try {
    answered = await client.updateUsers(writes);
  } catch (error) {
    if (isCredentialError(error)) return everyone(writes.map((write) => write.id), error);
    return settleBulk(client, writes, error);
  }
  const results = new Map<string, UserResult>();
  const unanswered: Write[] = [];
  for (const write of writes) {
    const user = answered.get(write.id);
    if (user) results.set(write.id, { ok: true, user });
    else unanswered.push(write);
  }
  if (unanswered.length > 0) for (const [id, result] of await settleBulk(client, unanswered, undefined)) results.set(id, result);
  return results;
}

async function batchWrites(client: WorkfrontClient, writes: readonly Write[]): Promise<Map<string, UserResult>> {
  const answers = await client.batch(writes.map((write) => ({ kind: "updateUser" as const, id: write.id, updates: write.updates })));
  return new Map(
    writes.map((write, index) => {
      const answer = answers[index];
      return [write.id, answer?.ok ? { ok: true, user: answer.user } : { ok: false, error: answer?.error }];
    }),
  );
}

export interface WriteSettings {
  /** The documented path: one bulk edit per 100 people, or one PUT each. */
  writeMode: "bulk" | "single";
  /** `/batch` (undocumented): never, always, or tried once per tenant with a remembered fallback. */
  batch: BatchSetting;
}

/**
 * Sets each person's state, 100 people per request, under the client's per-tenant in-flight cap.
 * Every update sets fixed values, so the client may retry a whole request.
 */
export async function writeUsers(
  client: WorkfrontClient,
  writes: readonly Write[],
  settings: WriteSettings,
): Promise<Map<string, UserResult>> {
  const results = new Map<string, UserResult>();
  for (const slice of slices(writes)) {
    let answers: Map<string, UserResult> | undefined;
    if (usesBatch(client, settings.batch)) {
      try {
        answers = await batchWrites(client, slice);
      } catch (error) {
        // `auto` falls back to the documented path when the tenant has no /batch (and remembers it).
        if (!fallsBackFromBatch(client, settings.batch, error)) answers = everyone(slice.map((write) => write.id), error);
      }
    }
    answers ??= settings.writeMode === "single" ? await singleWrites(client, slice) : await bulkWrites(client, slice);
    for (const [id, result] of answers) results.set(id, result);
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
