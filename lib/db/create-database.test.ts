import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SERVER_POOL_MAX } from "./create-database";
import { createTestDatabase } from "./test-databases";
import type { Database } from "./types";

/**
 * Six statements at once, each counting the connections open to its database once it has slept a
 * moment (by then every connection the pool will open for the six is open): the most seen.
 */
async function mostConnectionsSeen(db: Database): Promise<number> {
  const counts = await Promise.all(
    Array.from({ length: 6 }, () =>
      db.execute(sql`
        select (select count(*)::int from pg_stat_activity
                where datname = current_database() and backend_type = 'client backend') as n
        from pg_sleep(0.3)`),
    ),
  );
  return Math.max(...counts.map((result) => (result as unknown as { rows: { n: number }[] }).rows[0]!.n));
}

describe("the connection pool", () => {
  it("opens at most DATABASE_POOL_MAX connections, and queues the rest", async () => {
    const handle = await createTestDatabase({ poolMax: 2 });
    try {
      expect(await mostConnectionsSeen(handle.db)).toBe(2);
    } finally {
      await handle.close();
    }
  });

  it("opens more for a server of your own by default than six statements need", async () => {
    expect(SERVER_POOL_MAX).toBeGreaterThanOrEqual(6);
    const handle = await createTestDatabase();
    try {
      expect(await mostConnectionsSeen(handle.db)).toBe(6);
    } finally {
      await handle.close();
    }
  });
});
