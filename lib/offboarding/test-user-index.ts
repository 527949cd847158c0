import { type Database, indexedUsers, userIndexState } from "@/lib/db";
import { tenantOf, toRow } from "@/lib/user-index";
import type { WorkfrontClient, WorkfrontUser } from "@/lib/workfront";

/**
 * A built index for the client's tenant holding `users`, written directly (as a full read would
 * leave it, without its vacuum), refreshed at `refreshedAt`.
 */
export async function seedIndex(
  db: Database,
  client: WorkfrontClient,
  users: readonly WorkfrontUser[],
  refreshedAt: Date,
): Promise<void> {
  const tenant = tenantOf(client);
  if (users.length) await db.insert(indexedUsers).values(users.map((user) => toRow(tenant, user, 1)));
  await db
    .insert(userIndexState)
    .values({ tenant, run: 1, builtAt: refreshedAt, refreshedAt, watermark: refreshedAt, version: 1 });
}
