import "server-only";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as migrateFolder } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import type { Database } from "./types";

export interface MigrateOptions {
  /** Defaults to lib/db/migrations under the working directory (the project root for Next and npm scripts). */
  migrationsFolder?: string;
}

/** Any constant shared by every instance of the app; it names the lock in pg_locks. */
const MIGRATION_LOCK_KEY = 7_303_735_110_481_731n;

export function defaultMigrationsFolder(): string {
  return path.join(process.cwd(), "lib", "db", "migrations");
}

/**
 * Applies the pending migrations. Several processes may start at once (app instances, the demo's
 * app beside an account script): each takes a session-level advisory lock on a connection of its
 * own, so one migrates while the others wait and then find nothing left to do. Drizzle applies the
 * pending set in a single transaction.
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<void> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  // createDatabase builds every Database with a $client; the common type just does not name it.
  const pool: unknown = Reflect.get(db, "$client");
  if (!(pool instanceof Pool)) throw new Error("migrate() needs a database made by createDatabase()");
  const connection = await pool.connect();
  let broken = false;
  try {
    await connection.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    try {
      await migrateFolder(drizzle({ client: connection }), { migrationsFolder });
    } finally {
      await connection.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]);
    }
  } catch (error) {
    // A connection whose unlock may not have run must not go back to the pool holding the lock.
    broken = true;
    throw error;
  } finally {
    connection.release(broken);
  }
}
