"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { type useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/roles";
import type { StatusAction } from "@/lib/client/users-api";
import type { UserStatus } from "@/lib/client/user-search";
import type { UserDto } from "@/lib/offboarding/user-dto";
import "./column-meta";
import { RowActionButton } from "./row-action-button";
import { mayChangeStatus, rowActionFor } from "./row-action";
import { SortableHeader } from "./sortable-header";
import { UserStatusCell } from "./user-status-cell";
import { TimeAgo } from "./when";

/** The users table's words, from the caller's `useTranslations("users.table.columns")`. */
export type ColumnWords = ReturnType<typeof useTranslations<"users.table.columns">>;

interface ColumnOptions {
  role: Role;
  status: UserStatus;
  onAction: (action: StatusAction, user: UserDto) => void;
  onIntent?: () => void;
  t: ColumnWords;
  /** "Never" for people who never signed in. */
  never: string;
  /** Headers of the columns the index added (userTools.columns). */
  more?: { company: string; manager: string; created: string };
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

/** Columns only the index fills (hidden unless the reader chose them). */
function indexColumns(words: NonNullable<ColumnOptions["more"]>): ColumnDef<UserDto>[] {
  return [
    { id: "company", header: words.company, enableSorting: false, cell: ({ row }) => text(row.original.company ?? null) },
    { id: "manager", header: words.manager, enableSorting: false, cell: ({ row }) => text(row.original.manager ?? null) },
    {
      id: "created",
      accessorFn: (user) => user.createdAt,
      header: ({ column }) => <SortableHeader column={column} label={words.created} />,
      meta: { className: "whitespace-nowrap" },
      cell: ({ row }) => (row.original.createdAt ? <TimeAgo iso={row.original.createdAt} /> : <Missing />),
    },
  ];
}

/**
 * The users table's columns. Column IDs of sortable columns are the API's sort keys, so the
 * table's sorting state maps one to one onto the URL. Sorting happens on the server.
 */
export function userColumns({ role, status, onAction, onIntent, t, never, more }: ColumnOptions): ColumnDef<UserDto>[] {
  const columns: ColumnDef<UserDto>[] = [
    {
      id: "name",
      accessorKey: "name",
      header: ({ column }) => <SortableHeader column={column} label={t("name")} />,
      // The person's page: what they hold, their history and the actions (issue 16). Not
      // prefetched: a page of rows in view would render every person's page on the server, each
      // reading the person from Workfront, on every users page shown (25 requests or more).
      cell: ({ row }) => (
        <Link href={`/users/${row.original.id}`} prefetch={false} className="underline-offset-4 hover:underline">
          {row.original.name}
        </Link>
      ),
      meta: { rowHeader: true, className: "min-w-40" },
    },
    {
      id: "email",
      accessorKey: "email",
      header: ({ column }) => <SortableHeader column={column} label={t("email")} />,
      cell: ({ row }) => <EmailAddress email={row.original.email} />,
    },
    { id: "title", header: t("title"), enableSorting: false, cell: ({ row }) => text(row.original.title) },
    { id: "licenseType", header: t("licence"), enableSorting: false, cell: ({ row }) => text(row.original.licenseTypeLabel) },
    { id: "accessLevel", header: t("accessLevel"), enableSorting: false, cell: ({ row }) => text(row.original.accessLevel) },
    { id: "homeGroup", header: t("homeGroup"), enableSorting: false, cell: ({ row }) => text(row.original.homeGroup) },
    ...(more ? indexColumns(more) : []),
    {
      id: "lastLogin",
      // TanStack only sorts columns with an accessor, even when the server does the sorting.
      accessorFn: (user) => user.lastLoginAt,
      header: ({ column }) => <SortableHeader column={column} label={t("lastLogin")} />,
      meta: { className: "whitespace-nowrap" },
      cell: ({ row }) => {
        const at = row.original.lastLoginAt;
        return at ? <TimeAgo iso={at} /> : <span className="text-muted-foreground">{never}</span>;
      },
    },
    {
      // Sorts by deactivation date: meaningless on the Active tab, where nobody has one.
      id: "deactivated",
      accessorFn: (user) => user.deactivatedAt,
      header: ({ column }) => <SortableHeader column={column} label={status === "deactivated" ? t("deactivated") : t("status")} />,
      enableSorting: status !== "active",
      cell: ({ row }) => <UserStatusCell user={row.original} />,
    },
  ];
  if (!mayChangeStatus(role)) return columns;
  return [
    ...columns,
    {
      id: "actions",
      header: () => <span className="sr-only">{t("actions")}</span>,
      enableSorting: false,
      meta: { className: "text-right" },
      cell: ({ row }) => {
        const rowAction = rowActionFor(row.original, role);
        return rowAction ? <RowActionButton user={row.original} rowAction={rowAction} onAction={onAction} onIntent={onIntent} /> : null;
      },
    },
  ];
}
