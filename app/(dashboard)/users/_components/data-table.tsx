"use client";

import { type Table as TanStackTable, flexRender } from "@tanstack/react-table";
import { type ReactNode, useRef } from "react";
import { useColumnLabels } from "./use-column-labels";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import "./column-meta";

interface DataTableProps<TData> {
  table: TanStackTable<TData>;
  /** For tests that must find the table whatever the language. */
  id?: string;
  label: string;
  /** No data yet: show placeholder rows in the table's own shape instead of a spinner. */
  loading: boolean;
  /** Refreshing with the previous rows still shown (placeholder data). */
  fetching: boolean;
  skeletonRows: number;
  empty: ReactNode;
  /** Marks selected rows (data-state="selected") for their highlight. */
  isSelected?: (row: TData) => boolean;
}

const ariaSort = { asc: "ascending", desc: "descending" } as const;

/** Table markup for a TanStack table whose sorting and paging happen on the server. */
export function DataTable<TData>({ table, id, label, loading, fetching, skeletonRows, empty, isSelected }: DataTableProps<TData>) {
  const columns = table.getVisibleLeafColumns();
  const rows = table.getRowModel().rows;
  const element = useRef<HTMLTableElement>(null);
  useColumnLabels(element);
  return (
    <Table
      ref={element}
      id={id}
      aria-label={label}
      aria-busy={loading || fetching}
      // On a phone each row is a card of labelled fields (globals.css, .stacked-table): no sideways scroll to reach the action.
      className={cn("stacked-table", fetching && "opacity-60 transition-opacity")}
    >
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id} className="hover:bg-transparent">
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <TableHead
                  key={header.id}
                  scope="col"
                  aria-sort={sorted ? ariaSort[sorted] : undefined}
                  className={header.column.columnDef.meta?.className}
                >
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {loading ? (
          Array.from({ length: skeletonRows }, (_, index) => (
            <TableRow key={index} data-skeleton>
              {columns.map((column) => (
                <TableCell key={column.id}>
                  <Skeleton className="h-5 w-full min-w-12" />
                </TableCell>
              ))}
            </TableRow>
          ))
        ) : rows.length === 0 ? (
          <TableRow className="hover:bg-transparent">
            <TableCell colSpan={columns.length} className="h-24 text-center text-muted-foreground">
              {empty}
            </TableCell>
          </TableRow>
        ) : (
          rows.map((row) => (
            <TableRow key={row.id} data-state={isSelected?.(row.original) ? "selected" : undefined}>
              {row.getVisibleCells().map((cell) => {
                const { meta } = cell.column.columnDef;
                const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                return meta?.rowHeader ? (
                  <th key={cell.id} scope="row" className={cn("px-3 py-2 text-left align-middle font-medium", meta.className)}>
                    {content}
                  </th>
                ) : (
                  <TableCell key={cell.id} className={meta?.className}>
                    {content}
                  </TableCell>
                );
              })}
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
