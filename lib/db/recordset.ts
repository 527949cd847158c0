import { type SQL, sql } from "drizzle-orm";

/**
 * `jsonb_to_recordset(…) as v(<columns>)`: many rows as ONE JSON parameter, for set-based inserts
 * and updates (`insert … select … from`, `update … from`). A VALUES list with a typed parameter per
 * cell cost the job engine most of its CPU: drizzle builds and checks a fragment per cell and the
 * database parses each parameter (lib/jobs/README.md has the figures). `columns` is always a
 * constant written next to the call, never input.
 */
export function recordset(rows: readonly Record<string, unknown>[], columns: string): SQL {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(columns)})`;
}

/**
 * `(select value::<type> from jsonb_array_elements_text(…))`: many IDs as ONE JSON parameter, for
 * `column in …` (drizzle's `inArray` makes a parameter and fragments per ID; see `recordset`).
 */
export function idsIn(ids: Iterable<string>, type: "text" | "uuid"): SQL {
  return sql`(select value::${sql.raw(type)} from jsonb_array_elements_text(${JSON.stringify([...ids])}::jsonb))`;
}
