import "server-only";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { createDatabase } from "./create-database";
import { migrate } from "./migrate";
import type { Database, DatabaseHandle } from "./types";

/**
 * Test databases: a fresh database per suite (`wfo_test_<random>`, dropped afterwards), so parallel
 * files and repeated runs never see each other's rows. The server is TEST_DATABASE_URL's; Vitest's
 * global setup (lib/test/database-server.ts) sets it to a local PostgreSQL when one answers, and
 * otherwise starts the embedded one for the run, so the tests never need anything set up.
 */
function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run the tests through Vitest (vitest.config.mts sets it up).");
  return url;
}

/** The same server's `postgres` database, where CREATE DATABASE and DROP DATABASE are issued. */
function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function withMaintenance<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl(), "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The environment variable that names the run's migrated template database (see below). */
export const TEMPLATE_DATABASE_ENV = "TEST_TEMPLATE_DATABASE";

function createNamed(name: string, template?: string): Promise<unknown> {
  return withMaintenance((client) =>
    client.query(`create database "${name}"${template ? ` template "${template}"` : ""}`),
  );
}

async function dropNamed(name: string): Promise<void> {
  await withMaintenance((client) => client.query(`drop database if exists "${name}" with (force)`));
}

/** A database of its own, empty or a copy of `template`; close() also drops it. */
async function newTestDatabase(template: string | undefined, options: { poolMax?: number }): Promise<DatabaseHandle> {
  const name = `wfo_test_${randomBytes(6).toString("hex")}`;
  await createNamed(name, template);
  const handle = await createDatabase({ url: withDatabase(serverUrl(), name), ...options });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropNamed(name);
    },
  };
}

/** A fresh, unmigrated database of its own; close() also drops it. */
export function createTestDatabase(options: { poolMax?: number } = {}): Promise<DatabaseHandle> {
  return newTestDatabase(undefined, options);
}

/**
 * A fresh database with every migration applied; close() also drops it. It is a copy of the run's
 * template (made once by Vitest's global setup, lib/test/database-server.ts): copying takes tens of
 * milliseconds where applying the migrations takes about half a second, for each of some forty test
 * files, and for each of a mutation run's thousands of test-file runs.
 */
export function createMigratedTestDatabase(options: { poolMax?: number } = {}): Promise<DatabaseHandle> {
  const template = process.env[TEMPLATE_DATABASE_ENV];
  if (!template) throw new Error(`${TEMPLATE_DATABASE_ENV} is not set: run the tests through Vitest (vitest.config.mts sets it up).`);
  return newTestDatabase(template, options);
}

/**
 * Makes the run's template: a migrated database nobody connects to afterwards (PostgreSQL copies a
 * template only while no session is connected to it). Answers a function that drops it.
 */
export async function createTemplateDatabase(): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `wfo_template_${randomBytes(6).toString("hex")}`;
  await createNamed(name);
  const handle = await createDatabase({ url: withDatabase(serverUrl(), name) });
  try {
    await migrate(handle.db);
  } finally {
    await handle.close();
  }
  return { name, drop: () => dropNamed(name) };
}

export interface DatabaseContext {
  /** The suite's migrated database; valid inside tests and hooks. */
  db(): Database;
}

/**
 * A suite against a migrated database of its own. Tests within a suite share that database, so
 * they should scope what they assert to rows they wrote themselves.
 */
export function withTestDatabase(name: string, body: (context: DatabaseContext) => void): void {
  let handle: DatabaseHandle | undefined;
  const context: DatabaseContext = {
    db: () => {
      if (!handle) throw new Error("The test database is not open yet (use it inside a test or hook).");
      return handle.db;
    },
  };
  describe(name, () => {
    beforeAll(async () => {
      handle = await createMigratedTestDatabase();
    });
    afterAll(async () => {
      await handle?.close();
      handle = undefined;
    });
    body(context);
  });
}
