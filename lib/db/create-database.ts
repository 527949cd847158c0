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
  if (config.url) return openPool(config.url, config.poolMax ?? SERVER_POOL_MAX, async () => {});
  const server = await openEmbeddedServer(config.embeddedDir ?? DEFAULT_EMBEDDED_DIR);
  return openPool(server.url, config.poolMax ?? EMBEDDED_POOL_MAX, () => server.stop());
}

/**
 * Connections at most, unless DATABASE_POOL_MAX says otherwise. A server of your own gets as many as
 * the job worker runs chunks at once (JOBS_CONCURRENCY's default), so no chunk waits for one. The
 * embedded server runs on the app's own machine, where every connection is a PostgreSQL process
 * of its own (issue 19's memory budget): a chunk holds a connection only for its short writes, never
 * while it waits for Workfront, so fewer serve the same job (docs/PERFORMANCE.md, bulk-deactivation).
 */
export const SERVER_POOL_MAX = 10;
export const EMBEDDED_POOL_MAX = 4;

function openPool(url: string, max: number, afterEnd: () => Promise<void>): DatabaseHandle {
  const pool = new Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server emits on the pool; unhandled, that would end the process.
  // Its message and code only: node-postgres hangs the whole client (connection settings, buffers)
  // on the error, which as `err` made one log line of several kilobytes.
  pool.on("error", (error: Error & { code?: string }) => logger.warn({ error: { message: error.message, code: error.code } }, "idle PostgreSQL connection failed"));
  let closing: Promise<void> | undefined;
  return {
    db: drizzle({ client: pool, schema }),
    url,
    close: () => (closing ??= pool.end().then(afterEnd)),
  };
}
