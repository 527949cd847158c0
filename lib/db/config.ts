import "server-only";
import { env } from "@/lib/env";

export interface DatabaseConfig {
  /** postgres://… for a PostgreSQL server of your own; absent selects the embedded one. */
  url?: string;
  /** The embedded server's folder (its cluster, log and lock). */
  embeddedDir?: string;
  /** Connections the pool opens at most (DATABASE_POOL_MAX); unset, create-database.ts decides per server. */
  poolMax?: number;
}

/** The app's database settings, from the validated environment (DATABASE_URL, DATABASE_DIR). */
export function databaseConfig(): DatabaseConfig {
  const { DATABASE_URL, DATABASE_DIR, DATABASE_POOL_MAX } = env();
  const poolMax = DATABASE_POOL_MAX === undefined ? {} : { poolMax: DATABASE_POOL_MAX };
  return DATABASE_URL ? { url: DATABASE_URL, ...poolMax } : { embeddedDir: DATABASE_DIR, ...poolMax };
}

/** For logs: the server and database, never the password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (!config.url) return `embedded PostgreSQL in ${config.embeddedDir ?? DEFAULT_EMBEDDED_DIR}`;
  try {
    const url = new URL(config.url);
    return `PostgreSQL at ${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}

export const DEFAULT_EMBEDDED_DIR = "./data/postgres";
