import { formatWfDate } from "../core/wf-date";
import type { FieldValue } from "../model/types";
import type { Table, TenantStore } from "../store/tenant-store";
import type { ResolvedPath } from "./field-path";

/**
 * Row-position access to one field path, with a lower-cased copy for the case-insensitive
 * operators. Lower-casing 100,000 names on every request would cost more than the whole search
 * budget, so direct string columns are lower-cased once and cached until that field is written.
 */
export interface Column {
  path: ResolvedPath;
  value(i: number): FieldValue;
  /** The value as text (dates in Workfront format), or null. */
  text(i: number): string | null;
  lower(i: number): string | null;
}

export function valueAsText(path: ResolvedPath, value: FieldValue): string | null {
  if (value === null) return null;
  if (path.field.kind === "dateTime" && typeof value === "number") return formatWfDate(value);
  return String(value);
}

export function makeColumn(store: TenantStore, table: Table, path: ResolvedPath): Column {
  const rows = table.rows;
  const field = path.baseField;
  const value = path.direct
    ? (i: number): FieldValue => rows[i]?.[field] ?? null
    : (i: number): FieldValue => {
        const row = rows[i];
        return row ? path.get(row) : null;
      };
  const text = (i: number): string | null => valueAsText(path, value(i));
  if (!path.direct || path.field.kind !== "string") {
    return { path, value, text, lower: (i) => text(i)?.toLowerCase() ?? null };
  }
  let lowered: (string | null)[] | undefined;
  const lower = (i: number): string | null => {
    lowered ??= store.cached(
      `lower:${table.def.objCode}:${field}`,
      store.versionToken(table.def.objCode, [field]),
      () =>
        rows.map((row) => {
          const v = row[field];
          return typeof v === "string" ? v.toLowerCase() : null;
        }),
    );
    return lowered[i] ?? null;
  };
  return { path, value, text, lower };
}
