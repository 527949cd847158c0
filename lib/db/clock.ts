import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "./types";

/** The database's clock (`now()`, the transaction's start), one for every app instance and worker. */
export async function databaseNow(db: Database): Promise<Date> {
  // node-postgres answers execute() with `rows`; the common Database type does not say so.
  const result = (await db.execute(sql`select now() as now`)) as unknown as { rows: { now: string | Date }[] };
  return new Date(result.rows[0]!.now);
}
