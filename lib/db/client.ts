import "server-only";
import { logger } from "@/lib/logger";
import { databaseConfig, describeDatabase } from "./config";
import { createDatabase } from "./create-database";
import { migrate } from "./migrate";
import type { Database, DatabaseHandle } from "./types";

export { createDatabase };

interface Holder {
  opening?: Promise<DatabaseHandle>;
  signalsHooked?: boolean;
}

/**
 * Kept on globalThis because Next may load this module more than once (separate bundles, hot
 * reload); a second pool would waste connections.
 */
const holder: Holder = ((globalThis as { __wfOffboardDb?: Holder }).__wfOffboardDb ??= {});

/** The process-wide database, opened and migrated on first use. */
export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

export function getDbHandle(): Promise<DatabaseHandle> {
  holder.opening ??= open().catch((error: unknown) => {
    // Let the next request try again rather than caching the failure for the life of the process.
    holder.opening = undefined;
    throw error;
  });
  return holder.opening;
}

/** Closes the process-wide database, if open; scripts call this before they exit. */
export async function closeDb(): Promise<void> {
  const opening = holder.opening;
  holder.opening = undefined;
  if (!opening) return;
  const handle = await opening.catch(() => undefined);
  await handle?.close();
}

async function open(): Promise<DatabaseHandle> {
  const config = databaseConfig();
  const handle = await createDatabase(config);
  try {
    await migrate(handle.db);
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  hookSignals();
  // For the embedded server, its socket too: drizzle-kit studio or psql can use it while it runs.
  logger.info({ database: describeDatabase(config), ...(config.url ? {} : { url: handle.url }) }, "database ready");
  return handle;
}

/**
 * Ends the pool and shuts the embedded server down cleanly (it would stop anyway when this process
 * ends, see lib/db/embedded/server.ts, but a clean shutdown needs no recovery at the next start).
 * If nobody else listens for the signal (Next does in `next start`), re-raise it once closed so the
 * default exit still happens.
 */
function hookSignals(): void {
  if (holder.signalsHooked) return;
  holder.signalsHooked = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void closeDb()
        .catch((error: unknown) => logger.error({ err: error }, "closing the database failed"))
        .finally(() => {
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        });
    });
  }
}
