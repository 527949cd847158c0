import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

export type Schema = typeof schema;

/**
 * The database as the rest of the app sees it: the Postgres dialect with our schema, whichever
 * driver is underneath (PGlite or node-postgres). A transaction is one too, so helpers that take a
 * `Database` also work inside `db.transaction(...)`. Driver-specific result shapes stay in lib/db.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Ends the pool or shuts PGlite down cleanly (PGlite keeps the process alive until then). */
  close(): Promise<void>;
}
