"use client";

import type { Column } from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * A header that sorts on click. The direction is announced by `aria-sort` on the <th> (set by the
 * table from the same column state); the arrow is for sighted users only.
 */
export function SortableHeader<TData>({ column, label }: { column: Column<TData>; label: string }) {
  if (!column.getCanSort()) return <>{label}</>;
  const sorted = column.getIsSorted();
  const Icon = sorted === "asc" ? ArrowUpIcon : sorted === "desc" ? ArrowDownIcon : ArrowUpDownIcon;
  return (
    <Button
      variant="ghost"
      size="sm"
      className="-ml-3 h-8 px-3 text-muted-foreground data-[sorted=true]:text-foreground"
      data-sorted={sorted !== false}
      onClick={column.getToggleSortingHandler()}
    >
      {label}
      <Icon className="size-3.5" aria-hidden />
    </Button>
  );
}
