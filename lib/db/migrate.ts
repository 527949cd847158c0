import "server-only";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
import type { Database } from "./types";

export interface MigrateOptions {
  /** Defaults to lib/db/migrations under the working directory (the project root for Next and npm scripts). */
  migrationsFolder?: string;
}

/** Any constant shared by every instance of the app; it names the lock in pg_locks. */
const MIGRATION_LOCK_KEY = 7_303_735_110_481_731n;

/** Per PGlite instance: its one connection cannot exclude itself with an advisory lock. */
const pgliteRuns = new WeakMap<PGlite, Promise<void>>();

export function defaultMigrationsFolder(): string {
  return path.join(process.cwd(), "lib", "db", "migrations");
}

/**
 * Applies the pending migrations. On Postgres, several app instances may start at once: each takes
 * a session-level advisory lock on a connection of its own, so one migrates while the others wait
 * and then find nothing left to do. Drizzle applies the pending set in a single transaction.
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<void> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  // createDatabase builds every Database with a $client; the common type just does not name it.
  const client: unknown = Reflect.get(db, "$client");
  if (client instanceof Pool) return migrateWithLock(client, migrationsFolder);
  if (isPglite(client)) return migrateSerially(client, migrationsFolder);
  throw new Error("migrate() needs a database made by createDatabase()");
}

async function migrateWithLock(pool: Pool, migrationsFolder: string): Promise<void> {
  const connection = await pool.connect();
  let broken = false;
  try {
    await connection.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    try {
      await migratePostgres(drizzlePostgres({ client: connection }), { migrationsFolder });
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

function migrateSerially(client: PGlite, migrationsFolder: string): Promise<void> {
  const previous = pgliteRuns.get(client) ?? Promise.resolve();
  const run = previous
    .catch(() => {})
    .then(() => migratePglite(drizzlePglite({ client }), { migrationsFolder }));
  pgliteRuns.set(client, run);
  return run;
}

function isPglite(client: unknown): client is PGlite {
  return typeof client === "object" && client !== null && "exec" in client && "dumpDataDir" in client;
}
