import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "./create-database";
import { defaultMigrationsFolder, migrate } from "./migrate";
import { createTestDatabase, withTestDatabase } from "./test-databases";
import type { Database, DatabaseHandle } from "./types";

const journal = JSON.parse(
  readFileSync(path.join(defaultMigrationsFolder(), "meta", "_journal.json"), "utf8"),
) as {
  entries: unknown[];
};

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

async function appliedMigrations(db: Database): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return row?.n ?? 0;
}

const TABLES = ["accounts", "admin_events", "api_tokens", "audit_events", "auth_throttle", "indexed_users", "job_events", "job_items", "jobs", "leaver_requests", "notifications", "person_locks", "protected_people", "reassignment_items", "reassignments", "scheduled_deactivations", "user_index_state", "workfront_connection"];

async function ourTables(db: Database): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return found.map((row) => row.name);
}

describe("migrate", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("creates every table, records each migration once, and is a no-op the second time", async () => {
    await migrate(handle.db);
    await migrate(handle.db);
    expect(await ourTables(handle.db)).toEqual(TABLES);
    expect(await appliedMigrations(handle.db)).toBe(journal.entries.length);
  });

  it("serializes concurrent calls on one database", async () => {
    await Promise.all([migrate(handle.db), migrate(handle.db), migrate(handle.db)]);
    expect(await appliedMigrations(handle.db)).toBe(journal.entries.length);
  });
});

describe("migrate: two app instances start at once on one database", () => {
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  beforeAll(async () => {
    first = await createTestDatabase();
    second = await createDatabase({ url: first.url });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it("both succeed and leave one set of tables", async () => {
    // Neither rejects (a lost race would fail on a table that already exists); the tables say the rest.
    await Promise.all([migrate(first.db), migrate(second.db)]);
    expect(await ourTables(first.db)).toEqual(TABLES);
    expect(await appliedMigrations(second.db)).toBe(journal.entries.length);
  });
});

withTestDatabase("withTestDatabase", ({ db }) => {
  it("hands each suite a migrated database of its own", async () => {
    expect(await ourTables(db())).toContain("audit_events");
    const [name] = await rows<{ n: string }>(db(), sql`select current_database() as n`);
    expect(name?.n).toMatch(/^wfo_test_[0-9a-f]{12}$/);
  });
});
