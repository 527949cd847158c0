import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

export type Schema = typeof schema;

/**
 * The database as the rest of the app sees it: the Postgres dialect with our schema through
 * node-postgres. A transaction is one too, so helpers that take a `Database` also work inside
 * `db.transaction(...)`.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  /** node-postgres's connection string for it (the embedded server's is a Unix socket). */
  url: string;
  /** Ends the pool, and stops the embedded server if this process started it. */
  close(): Promise<void>;
}
