import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type Database, idsIn, indexedUsers } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { WorkfrontClient } from "@/lib/workfront";
import { tenantOf } from "@/lib/user-index";

export type TargetNames = Map<string, { name: string; email: string | null }>;

/**
 * The names and e-mails the users index holds for a new job's people, so the job page names them
 * from the first second, before a slow Workfront has been read. Only for display: the worker
 * reads each person from Workfront and replaces them. Unknown IDs are simply left out.
 */
export async function indexedNames(db: Database, tenant: string, ids: readonly string[]): Promise<TargetNames> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: indexedUsers.id, name: indexedUsers.name, email: indexedUsers.email })
    .from(indexedUsers)
    .where(and(eq(indexedUsers.tenant, tenant), sql`${indexedUsers.id} in ${idsIn(ids, "text")}`));
  return new Map(rows.map((row) => [row.id, { name: row.name, email: row.email }]));
}

/** As `indexedNames` for the client's tenant; none (the worker fills them in) if the index cannot say. */
export async function namesForNewJob(db: Database, client: WorkfrontClient, ids: readonly string[]): Promise<TargetNames> {
  try {
    return await indexedNames(db, tenantOf(client), ids);
  } catch (error) {
    logger.warn({ err: error }, "naming a new job's people from the users index failed");
    return new Map();
  }
}
