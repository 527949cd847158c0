import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

// The process-wide database reads the validated environment; point it at a throwaway PGlite.
process.env.PGLITE_DIR = "memory://";
delete process.env.DATABASE_URL;
const { closeDb, getDb, getDbHandle } = await import("./client");

/** Both drivers answer execute() with `rows`; the common Database type does not say so. */
const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;

describe("the process-wide database", () => {
  afterAll(() => closeDb());

  it("is opened once, even when asked for concurrently, and is migrated", async () => {
    const [first, second] = await Promise.all([getDb(), getDb()]);
    expect(first).toBe(second);
    expect((await getDbHandle()).kind).toBe("pglite");
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
