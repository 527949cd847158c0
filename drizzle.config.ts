import { defineConfig } from "drizzle-kit";

/**
 * `npm run db:generate` writes SQL migrations from the schema; the app applies them at start-up
 * (lib/db/migrate.ts). Credentials are only for drizzle-kit's own commands such as `studio`: a
 * server's DATABASE_URL (for the embedded one, the `url` it logs at start-up).
 */
const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./lib/db/migrations",
  strict: true,
  verbose: true,
  ...(databaseUrl ? { dbCredentials: { url: databaseUrl } } : {}),
});
