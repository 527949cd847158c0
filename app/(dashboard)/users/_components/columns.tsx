"use client";

import type { ColumnDef } from "@tanstack/react-table";
import type { Role } from "@/lib/auth/roles";
import type { StatusAction } from "@/lib/client/users-api";
import type { UserStatus } from "@/lib/client/user-search";
import type { UserDto } from "@/lib/offboarding/user-dto";
import "./column-meta";
import { formatDate, formatDateTime } from "./format";
import { RowActionButton } from "./row-action-button";
import { mayChangeStatus, rowActionFor } from "./row-action";
import { SortableHeader } from "./sortable-header";
import { UserStatusCell } from "./user-status-cell";

interface ColumnOptions {
  role: Role;
  status: UserStatus;
  onAction: (action: StatusAction, user: UserDto) => void;
  onIntent?: () => void;
}

function Missing() {
  return <span className="text-muted-foreground">—</span>;
}

/** Long addresses wrap at the "@" rather than mid-word or not at all. */
function EmailAddress({ email }: { email: string | null }) {
  if (!email) return <Missing />;
  const at = email.lastIndexOf("@");
  if (at <= 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}

function text(value: string | null) {
  return value ? value : <Missing />;
}

/**
 * The users table's columns. Column IDs of sortable columns are the API's sort keys, so the
 * table's sorting state maps one to one onto the URL. Sorting happens on the server.
 */
export function userColumns({ role, status, onAction, onIntent }: ColumnOptions): ColumnDef<UserDto>[] {
  const columns: ColumnDef<UserDto>[] = [
    {
      id: "name",
      accessorKey: "name",
      header: ({ column }) => <SortableHeader column={column} label="Name" />,
      meta: { rowHeader: true, className: "min-w-40" },
    },
    {
      id: "email",
      accessorKey: "email",
      header: ({ column }) => <SortableHeader column={column} label="E-mail" />,
      cell: ({ row }) => <EmailAddress email={row.original.email} />,
    },
    { id: "title", header: "Title", enableSorting: false, cell: ({ row }) => text(row.original.title) },
    { id: "licenseType", header: "Licence", enableSorting: false, cell: ({ row }) => text(row.original.licenseTypeLabel) },
    { id: "accessLevel", header: "Access level", enableSorting: false, cell: ({ row }) => text(row.original.accessLevel) },
    { id: "homeGroup", header: "Home group", enableSorting: false, cell: ({ row }) => text(row.original.homeGroup) },
    {
      id: "lastLogin",
      // TanStack only sorts columns with an accessor, even when the server does the sorting.
      accessorFn: (user) => user.lastLoginAt,
      header: ({ column }) => <SortableHeader column={column} label="Last login" />,
      meta: { className: "whitespace-nowrap" },
      cell: ({ row }) => {
        const at = row.original.lastLoginAt;
        return at ? (
          <time dateTime={at} title={formatDateTime(at)}>
            {formatDate(at)}
          </time>
        ) : (
          <span className="text-muted-foreground">Never</span>
        );
      },
    },
    {
      // Sorts by deactivation date: meaningless on the Active tab, where nobody has one.
      id: "deactivated",
      accessorFn: (user) => user.deactivatedAt,
      header: ({ column }) => <SortableHeader column={column} label={status === "deactivated" ? "Deactivated" : "Status"} />,
      enableSorting: status !== "active",
      cell: ({ row }) => <UserStatusCell user={row.original} />,
    },
  ];
  if (!mayChangeStatus(role)) return columns;
  return [
    ...columns,
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { className: "text-right" },
      cell: ({ row }) => {
        const rowAction = rowActionFor(row.original, role);
        return rowAction ? <RowActionButton user={row.original} rowAction={rowAction} onAction={onAction} onIntent={onIntent} /> : null;
      },
    },
  ];
}
