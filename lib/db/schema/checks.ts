import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * `column IN ('a', 'b')` for a CHECK constraint. Drizzle's `text({ enum })` is only a TypeScript
 * type; the constraint makes the database refuse a value the code does not know, whoever writes it.
 * The values are our own compile-time constants, so inlining them as literals is safe.
 */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const literals = values.map((value) => {
    if (!/^[a-z][a-z0-9_]*$/.test(value)) throw new Error(`Not a lookup value: ${value}`);
    return sql.raw(`'${value}'`);
  });
  return sql`${column} in (${sql.join(literals, sql.raw(", "))})`;
}
