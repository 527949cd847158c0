import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

// The process-wide database reads the validated environment: with no DATABASE_URL it starts the
// embedded PostgreSQL, here in a throwaway folder.
const dir = mkdtempSync(join(tmpdir(), "wfo-client-"));
process.env.DATABASE_DIR = dir;
delete process.env.DATABASE_URL;
const { closeDb, getDb, getDbHandle } = await import("./client");

/** node-postgres answers execute() with `rows`; the common Database type does not say so. */
const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;

describe("the process-wide database", () => {
  afterAll(async () => {
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is opened once, even when asked for concurrently, and is migrated", async () => {
    const [first, second] = await Promise.all([getDb(), getDb()]);
    expect(first).toBe(second);
    expect((await getDbHandle()).url).toContain(encodeURIComponent(dir));
    // Migrated: the accounts table is there (and empty in a fresh database).
    expect(rowsOf(await first.execute(sql`select count(*)::int as n from accounts`))).toEqual([{ n: 0 }]);
  });

  it("is shared through globalThis, so a re-loaded module finds the same one", async () => {
    const holder = (globalThis as { __wfOffboardDb?: { opening?: Promise<unknown> } }).__wfOffboardDb;
    expect(await holder?.opening).toBe(await getDbHandle());
  });

  it("opens afresh after closeDb()", async () => {
    const before = await getDb();
    await closeDb();
    await closeDb();
    const after = await getDb();
    expect(after).not.toBe(before);
    expect(rowsOf(await after.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
  });
});
