import "server-only";
import { env } from "@/lib/env";

export interface DatabaseConfig {
  /** postgres://… selects node-postgres; absent selects embedded PGlite. */
  url?: string;
  /** PGlite's data directory, or `memory://` for a throwaway database. */
  pgliteDir?: string;
}

/** The app's database settings, from the validated environment (DATABASE_URL, PGLITE_DIR). */
export function databaseConfig(): DatabaseConfig {
  const { DATABASE_URL, PGLITE_DIR } = env();
  return DATABASE_URL ? { url: DATABASE_URL } : { pgliteDir: PGLITE_DIR };
}

/** For logs: the server and database, never the password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (!config.url) return `PGlite at ${config.pgliteDir ?? "memory://"}`;
  try {
    const url = new URL(config.url);
    return `Postgres at ${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "Postgres";
  }
}
