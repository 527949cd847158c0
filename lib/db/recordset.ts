import { type SQL, getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

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

/**
 * `insert into <table> (<columns>) select <columns> from jsonb_populate_recordset(…)`: rows of a
 * drizzle table as ONE JSON parameter (see `recordset`), keyed by the table's column names. Only
 * the columns some row sets are written (the rest take their defaults); `extra` adds columns
 * computed in SQL for every row (e.g. `now()`); `tail` follows (`on conflict …`, `returning …`).
 */
export function insertJsonRows<T extends PgTable>(
  table: T,
  rows: readonly T["$inferInsert"][],
  { extra = [], tail = sql`` }: { extra?: readonly { column: string; value: SQL }[]; tail?: SQL } = {},
): SQL {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const names = keys.map((key) => columns[key]!.name);
  const records = rows.map((row: Record<string, unknown>) => Object.fromEntries(keys.map((key, i) => [names[i], row[key] ?? null])));
  const into = sql.join([...names, ...extra.map((e) => e.column)].map((name) => sql.identifier(name)), sql`, `);
  const from = sql.join([...names.map((name) => sql.identifier(name)), ...extra.map((e) => e.value)], sql`, `);
  return sql`insert into ${table} (${into}) select ${from} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(records)}::jsonb) ${tail}`;
}
