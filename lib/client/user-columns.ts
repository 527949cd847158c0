/**
 * The users table's columns a reader may show or hide, and which show by default. Pure data, so
 * the server (to validate a saved choice) and the browser (the Columns menu) share it.
 */
export const OPTIONAL_USER_COLUMNS = ["title", "licenseType", "accessLevel", "homeGroup", "company", "manager", "created", "lastLogin"] as const;
export type OptionalUserColumn = (typeof OPTIONAL_USER_COLUMNS)[number];

export const DEFAULT_USER_COLUMNS: readonly OptionalUserColumn[] = ["title", "licenseType", "accessLevel", "homeGroup", "lastLogin"];

export function isOptionalUserColumn(value: unknown): value is OptionalUserColumn {
  return typeof value === "string" && (OPTIONAL_USER_COLUMNS as readonly string[]).includes(value);
}

/** TanStack's visibility state for a choice: every optional column named, shown or not. */
export function columnVisibility(shown: readonly OptionalUserColumn[]): Record<OptionalUserColumn, boolean> {
  return Object.fromEntries(OPTIONAL_USER_COLUMNS.map((column) => [column, shown.includes(column)])) as Record<OptionalUserColumn, boolean>;
}
