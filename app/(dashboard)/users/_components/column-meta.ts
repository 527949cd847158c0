import type { RowData } from "@tanstack/react-table";

/** What our column definitions tell the table markup beyond TanStack's own fields. */
declare module "@tanstack/react-table" {
  // The type parameters must match TanStack's declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Render the cell as `<th scope="row">`: screen readers then name each row by it. */
    rowHeader?: boolean;
    /** Classes for both the header and the cells of the column. */
    className?: string;
  }
}

export {};
