import "server-only";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { createDatabase } from "./create-database";
import { migrate } from "./migrate";
import type { Database, DatabaseHandle, DatabaseKind } from "./types";

/**
 * Test databases on both drivers. PGlite runs in memory; Postgres gets a fresh database per suite
 * (`wfo_test_<random>`, dropped afterwards) on TEST_DATABASE_URL's server, so parallel files and
 * repeated runs never see each other's rows. Without a reachable server the Postgres suites are
 * skipped with a warning that says why, never silently.
 */
const candidates = process.env.TEST_DATABASE_URL
  ? [process.env.TEST_DATABASE_URL]
  : ["postgres://root@127.0.0.1:5432/test", "postgres://postgres@127.0.0.1:5432/test"];

/** The server's `postgres` database, where CREATE DATABASE and DROP DATABASE are issued. */
function maintenanceUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = "/postgres";
  return parsed.toString();
}

async function tryConnect(url: string): Promise<string | Error> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return url;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    await client.end().catch(() => {});
  }
}

async function findServer(): Promise<{ url: string } | { why: string }> {
  const failures: string[] = [];
  for (const url of candidates) {
    const result = await tryConnect(maintenanceUrl(url));
    if (typeof result === "string") return { url };
    failures.push(`${new URL(url).host} as ${new URL(url).username || "(default user)"}: ${result.message}`);
  }
  return { why: failures.join("; ") };
}

// TEST_POSTGRES=off skips the Postgres suites on purpose (mutation testing runs on PGlite alone, to
// halve its time); the warning below still says so.
const server: { url: string } | { why: string } =
  process.env.TEST_POSTGRES === "off" ? { why: "TEST_POSTGRES=off" } : await findServer();
export const postgresAvailable = "url" in server;
if (!("url" in server)) {
  console.warn(
    `[test-databases] Postgres tests SKIPPED, no server reachable (${server.why}). Set TEST_DATABASE_URL.`,
  );
}

async function withMaintenance<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: maintenanceUrl(url) });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, unmigrated database of the given kind; close() also drops a Postgres one. */
export async function createTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle & { url?: string }> {
  if (kind === "pglite") return createDatabase({ pgliteDir: "memory://" });
  if (!("url" in server)) throw new Error(`Postgres is not reachable: ${server.why}`);
  const name = `wfo_test_${randomBytes(6).toString("hex")}`;
  await withMaintenance(server.url, (client) => client.query(`create database "${name}"`));
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ url: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await withMaintenance(server.url, (client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
}

export interface DriverContext {
  kind: DatabaseKind;
  /** The suite's migrated database; valid inside tests and hooks. */
  db(): Database;
}

/**
 * Runs a suite once per driver, each against its own migrated database. Tests within a suite share
 * that database, so they should scope what they assert to rows they wrote themselves.
 */
export function forEachDriver(name: string, body: (context: DriverContext) => void): void {
  for (const kind of ["pglite", "postgres"] as const) {
    let handle: DatabaseHandle | undefined;
    const context: DriverContext = {
      kind,
      db: () => {
        if (!handle) throw new Error("The test database is not open yet (use it inside a test or hook).");
        return handle.db;
      },
    };
    const suite = kind === "postgres" && !postgresAvailable ? describe.skip : describe;
    suite(`${name} [${kind}]`, () => {
      beforeAll(async () => {
        handle = await createTestDatabase(kind);
        await migrate(handle.db);
      });
      afterAll(async () => {
        await handle?.close();
        handle = undefined;
      });
      body(context);
    });
  }
}
