import "server-only";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { logger } from "@/lib/logger";
import { DEFAULT_EMBEDDED_DIR, type DatabaseConfig } from "./config";
import { openEmbeddedServer } from "./embedded/server";
import * as schema from "./schema";
import type { DatabaseHandle } from "./types";

/**
 * Opens a database through node-postgres: the server at `url`, or the embedded PostgreSQL in
 * `embeddedDir` (started, or joined when another process of the app already runs it). Tests call
 * this to get their own; the app goes through `getDb()`, which keeps one per process.
 */
export async function createDatabase(config: DatabaseConfig = {}): Promise<DatabaseHandle> {
  if (config.url) return openPool(config.url, async () => {});
  const server = await openEmbeddedServer(config.embeddedDir ?? DEFAULT_EMBEDDED_DIR);
  return openPool(server.url, () => server.stop());
}

function openPool(url: string, afterEnd: () => Promise<void>): DatabaseHandle {
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server emits on the pool; unhandled, that would end the process.
  pool.on("error", (error) => logger.warn({ err: error }, "idle PostgreSQL connection failed"));
  let closing: Promise<void> | undefined;
  return {
    db: drizzle({ client: pool, schema }),
    url,
    close: () => (closing ??= pool.end().then(afterEnd)),
  };
}
