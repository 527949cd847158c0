"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Checkbox } from "@/components/ui/checkbox";
import type { UserDto } from "@/lib/offboarding/user-dto";
import "./column-meta";

interface SelectColumnOptions {
  isSelected: (user: UserDto) => boolean;
  /** Rows whose action would be refused (protected people) cannot be selected. */
  canSelect: (user: UserDto) => boolean;
  onToggle: (users: UserDto[], selected: boolean) => void;
  /** The checkboxes' names, from `useTranslations("users.table")`. */
  words: { selectPage: string; selectRow: (name: string) => string };
}

/**
 * The checkbox column. The header box is tri-state over this page's selectable rows: checked
 * when all are selected, mixed when some are; clicking it when mixed selects the whole page.
 */
export function selectColumn({ isSelected, canSelect, onToggle, words }: SelectColumnOptions): ColumnDef<UserDto> {
  return {
    id: "select",
    enableSorting: false,
    meta: { className: "w-10 pr-0" },
    header: ({ table }) => {
      const rows = table.getRowModel().rows.map((row) => row.original).filter(canSelect);
      const chosen = rows.filter(isSelected).length;
      return (
        <Checkbox
          aria-label={words.selectPage}
          checked={rows.length > 0 && chosen === rows.length}
          indeterminate={chosen > 0 && chosen < rows.length}
          disabled={rows.length === 0}
          onChange={(event) => onToggle(rows, event.target.checked)}
        />
      );
    },
    cell: ({ row }) => (
      <Checkbox
        aria-label={words.selectRow(row.original.name)}
        checked={isSelected(row.original)}
        disabled={!canSelect(row.original)}
        onChange={(event) => onToggle([row.original], event.target.checked)}
      />
    ),
  };
}
