import "server-only";
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { logger } from "@/lib/logger";
import type { DatabaseConfig } from "./config";
import * as schema from "./schema";
import type { DatabaseHandle } from "./types";

export const DEFAULT_PGLITE_DIR = "./data/pglite";

/**
 * Opens a database: node-postgres when a URL is given, PGlite otherwise. Tests call this to get
 * their own; the app goes through `getDb()`, which keeps one per process.
 */
export async function createDatabase(config: DatabaseConfig = {}): Promise<DatabaseHandle> {
  return config.url ? openPostgres(config.url) : openPglite(config.pgliteDir ?? DEFAULT_PGLITE_DIR);
}

function openPostgres(url: string): DatabaseHandle {
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server emits on the pool; unhandled, that would end the process.
  pool.on("error", (error) => logger.warn({ err: error }, "idle Postgres connection failed"));
  const db = drizzlePostgres({ client: pool, schema });
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: "postgres",
    close: () => (closing ??= pool.end()),
  };
}

async function openPglite(dir: string): Promise<DatabaseHandle> {
  const inMemory = dir.startsWith("memory://");
  if (!inMemory) await mkdir(dir, { recursive: true });
  const client = await PGlite.create(inMemory ? undefined : dir);
  const db = drizzlePglite({ client, schema });
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: "pglite",
    close: () => (closing ??= client.closed ? Promise.resolve() : client.close()),
  };
}
