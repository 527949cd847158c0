import "server-only";

/** The one owner of database connections: everything else imports from here. */
export { closeDb, getDb, getDbHandle } from "./client";
export { databaseNow } from "./clock";
export { DEFAULT_EMBEDDED_DIR, type DatabaseConfig, databaseConfig, describeDatabase } from "./config";
export { createDatabase } from "./create-database";
export { type MigrateOptions, defaultMigrationsFolder, migrate } from "./migrate";
export { idsIn, insertJsonRows, recordset } from "./recordset";
export * from "./schema";
export type { Database, DatabaseHandle, Schema } from "./types";
