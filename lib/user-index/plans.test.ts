import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { beforeAll, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/db/test-databases";
import { indexListQuerySchema, pageOf } from "./query";

/**
 * The list reads a page from an index in its order, whatever the sort and direction, and a search
 * word goes through the trigram index: asserted on the plans PostgreSQL picks for a table big enough
 * (20,000 people, vacuumed and analysed) that reading it all and sorting would be the wrong choice. Plans only,
 * no timings.
 */
const TENANT = "https://plans.example";
const dialect = new PgDialect();

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

withTestDatabase("the user index's query plans", ({ db }) => {
  beforeAll(async () => {
    await db().execute(sql`
      insert into indexed_users (tenant, id, name, email, is_active, is_admin, license_type, manager_id, created_at,
                                 last_login_at, deactivated_at, sort_name, search_text, seen_in)
      select ${TENANT}, md5(n::text), 'Person ' || n, 'person' || n || '@example.com', n % 8 <> 0, false,
             (array['FULL','LIMITED','REQUESTOR'])[1 + n % 3], md5((n % 1000)::text),
             timestamptz '2020-01-01' + n * interval '1 hour',
             case when n % 20 = 0 then null else timestamptz '2024-01-01' + n * interval '13 minutes' end,
             case when n % 8 = 0 then timestamptz '2025-01-01' + n * interval '1 minute' end,
             'person ' || md5(n::text), 'person ' || md5(n::text) || ' person' || n || '@example.com', 1
        from generate_series(1, 20000) as n`);
    // As a full read ends (sync.ts): statistics, and the trigram index's pending entries merged.
    await db().execute(sql`vacuum (analyze) indexed_users`);
  });

  async function planOf(input: Record<string, unknown>): Promise<PlanNode[]> {
    const query = indexListQuerySchema.parse(input);
    const { sql: text, params } = dialect.sqlToQuery(pageOf(db(), TENANT, query, new Date("2026-06-01T00:00:00Z")).getSQL());
    const client = Reflect.get(db(), "$client") as { query(text: string, params: unknown[]): Promise<{ rows: { "QUERY PLAN": [{ Plan: PlanNode }] }[] }> };
    const { rows } = await client.query(`explain (format json) ${text}`, params);
    return nodes(rows[0]!["QUERY PLAN"][0].Plan);
  }

  it.each([
    ["name", "asc", "active", "indexed_users_by_name"],
    ["name", "desc", "all", "indexed_users_by_name"],
    ["email", "asc", "active", "indexed_users_by_email"],
    ["lastLogin", "desc", "active", "indexed_users_by_last_login"],
    ["deactivated", "desc", "deactivated", "indexed_users_by_deactivated"],
    ["created", "asc", "all", "indexed_users_by_created"],
  ])("sorted by %s %s (%s): the page comes from %s, with no sort", async (sort, dir, status, index) => {
    const plan = await planOf({ sort, dir, status });
    expect(plan.map((node) => node["Node Type"])).not.toContain("Sort");
    expect(plan.some((node) => node["Index Name"] === index)).toBe(true);
  });

  it("finds a rare search word of three letters or more through the trigram index", async () => {
    const plan = await planOf({ q: "zzqx", status: "all" });
    expect(plan.some((node) => node["Index Name"] === "indexed_users_search_trgm")).toBe(true);
  });

  // Every row matches "person": walking the sort's index is right, and it must not read the table
  // for the rows it passes (that made a search for "anna" the list's slowest request).
  it.each([
    ["name", "asc", "all", "indexed_users_by_name"],
    ["email", "asc", "active", "indexed_users_by_email"],
    ["created", "desc", "deactivated", "indexed_users_by_created"],
  ])("tests a frequent search word sorted by %s %s (%s) in %s alone, with the licence filter", async (sort, dir, status, index) => {
    const plan = await planOf({ q: "person", license: "FULL", sort, dir, status });
    expect(plan.some((node) => node["Node Type"] === "Index Only Scan" && node["Index Name"] === index)).toBe(true);
    // The table is read for the page's 25 rows only, by primary key.
    expect(plan.filter((node) => node["Node Type"] === "Seq Scan" || node["Node Type"] === "Bitmap Heap Scan")).toEqual([]);
  });

  it("finds a manager's reports through their index", async () => {
    const plan = await planOf({ manager: "0123456789abcdef0123456789abcdef", status: "active" });
    expect(plan.some((node) => node["Index Name"] === "indexed_users_by_manager")).toBe(true);
  });
});
