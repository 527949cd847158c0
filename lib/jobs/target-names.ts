import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { type Database, indexedUsers } from "@/lib/db";

export type TargetNames = Map<string, { name: string; email: string | null }>;

/** IDs per query: well under Postgres's parameter limit. */
const CHUNK = 1_000;

/**
 * The names and e-mails the users index holds for a new job's people, so the job page names them
 * from the first second, before a slow Workfront has been read. Only for display: the worker
 * reads each person from Workfront and replaces them. Unknown IDs are simply left out.
 */
export async function indexedNames(db: Database, tenant: string, ids: readonly string[]): Promise<TargetNames> {
  const names: TargetNames = new Map();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await db
      .select({ id: indexedUsers.id, name: indexedUsers.name, email: indexedUsers.email })
      .from(indexedUsers)
      .where(and(eq(indexedUsers.tenant, tenant), inArray(indexedUsers.id, ids.slice(start, start + CHUNK))));
    for (const row of rows) names.set(row.id, { name: row.name, email: row.email });
  }
  return names;
}
