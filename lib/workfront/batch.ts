import { z } from "zod";
import { WorkfrontError } from "./errors";
import { assertWorkfrontId } from "./ids";
import { encodeFields } from "./query";
import { upstreamError, upstreamErrorSchema } from "./response";
import { USER_FIELDS, type UserUpdates, type WorkfrontUser, userSchema } from "./user";

/**
 * Workfront's `/batch` takes relative URIs, each carrying its own `method=`. Adobe's JS client
 * forgets `method=PUT` for edits inside a batch (they go out as GETs); every URI here names it.
 */
export type BatchOperation =
  | { kind: "getUser"; id: string }
  | { kind: "updateUser"; id: string; updates: UserUpdates };

export type BatchResult = { ok: true; user: WorkfrontUser } | { ok: false; error: WorkfrontError };

export const MAX_BATCH_OPERATIONS = 100;

export function batchUri(operation: BatchOperation): string {
  assertWorkfrontId(operation.id);
  const params = new URLSearchParams();
  params.set("method", operation.kind === "updateUser" ? "PUT" : "GET");
  if (operation.kind === "updateUser") params.set("updates", JSON.stringify(operation.updates));
  params.set("fields", encodeFields(USER_FIELDS));
  return `user/${operation.id}?${params.toString()}`;
}

const batchItemSchema = z.union([z.object({ error: upstreamErrorSchema }), z.object({ data: z.unknown() })]);

export function readBatchResults(data: unknown, expected: number): BatchResult[] {
  const items = z.array(batchItemSchema).safeParse(data);
  if (!items.success || items.data.length !== expected) {
    throw new WorkfrontError("unavailable", `Workfront's batch answer did not hold ${expected} results`);
  }
  return items.data.map((item): BatchResult => {
    if ("error" in item) return { ok: false, error: upstreamError(item.error, undefined) };
    const single = Array.isArray(item.data) ? item.data[0] : item.data;
    const user = userSchema.safeParse(single);
    return user.success
      ? { ok: true, user: user.data }
      : { ok: false, error: new WorkfrontError("unavailable", "A batch result was not a USER") };
  });
}
