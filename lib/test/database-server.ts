import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEmbeddedServer } from "../db/embedded/server";
import { TEMPLATE_DATABASE_ENV, createTemplateDatabase } from "../db/test-databases";

/**
 * Vitest global setup: the PostgreSQL server the tests' databases live on (lib/db/test-databases.ts).
 * TEST_DATABASE_URL picks a server of your own (e.g. to run the suite against another PostgreSQL
 * version); otherwise the run starts the embedded server the app uses by default, in a throwaway
 * folder, so `npm test` needs nothing installed or running. On that server it then migrates one
 * template database, which the tests' databases are copies of.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const stopServer = process.env.TEST_DATABASE_URL ? async () => {} : await startEmbeddedServer();
  // The migrated database each test's database is copied from (createMigratedTestDatabase).
  const template = await createTemplateDatabase();
  process.env[TEMPLATE_DATABASE_ENV] = template.name;
  return async () => {
    await template.drop();
    await stopServer();
  };
}

async function startEmbeddedServer(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), "wfo-test-db-"));
  const server = await openEmbeddedServer(dir);
  // Set before Vitest starts its workers, which inherit the environment.
  process.env.TEST_DATABASE_URL = server.url;
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
