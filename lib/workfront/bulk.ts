import { z } from "zod";
import { WorkfrontError } from "./errors";
import { assertWorkfrontId } from "./ids";
import { type UserUpdates, type WorkfrontUser, userSchema } from "./user";

/**
 * Workfront's documented ways to touch many users in one request: a bulk edit (`PUT /user` with an
 * array of updates, each carrying its `ID`; api-basics.md "Bulk Updates", sent as a JSON body as
 * the official client's `editMultiple` does) and a search by a list of IDs (`ID_Mod=in`). Both are
 * capped at 100 objects ("Max Number of Batch Creates/Updates" in api-basics.md's limits table).
 */
export const MAX_OBJECTS_PER_REQUEST = 100;

export interface UserWrite {
  id: string;
  updates: UserUpdates;
}

export function assertBulkSize(count: number, what: string): void {
  if (count > MAX_OBJECTS_PER_REQUEST) {
    throw new WorkfrontError("validation", `${what} holds at most ${MAX_OBJECTS_PER_REQUEST} users (got ${count})`);
  }
}

/** The request body: `[{"ID": …, "isActive": false}, …]`. IDs are checked before anything is sent. */
export function bulkUpdateBody(writes: readonly UserWrite[]): Record<string, unknown>[] {
  return writes.map(({ id, updates }) => {
    assertWorkfrontId(id);
    if (updates.accessLevelID !== undefined) assertWorkfrontId(updates.accessLevelID);
    return { ID: id, ...updates };
  });
}

const bulkAnswerSchema = z.array(userSchema);

/**
 * A non-atomic bulk edit answers the updated objects. Only users it names are returned: what
 * Workfront answers when one object of many fails is not documented, so a caller learns the state
 * of anyone missing by reading them again, never by guessing.
 */
export function readBulkAnswer(data: unknown, writes: readonly UserWrite[]): Map<string, WorkfrontUser> {
  const parsed = bulkAnswerSchema.safeParse(data);
  if (!parsed.success) throw new WorkfrontError("unavailable", "Workfront's bulk edit answer was not a list of users");
  const wanted = new Set(writes.map((write) => write.id));
  return new Map(parsed.data.filter((user) => wanted.has(user.id)).map((user) => [user.id, user]));
}
