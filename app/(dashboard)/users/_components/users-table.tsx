"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type SortingState, type Updater, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useState } from "react";
import { TabsPanel } from "@/components/ui/tabs";
import { type Role, can, hasRole } from "@/lib/auth/roles";
import { useSignInOnUnauthenticated } from "@/lib/client/sign-in-redirect";
import { USER_SORTS, type UserSearch, type UserStatus } from "@/lib/client/user-search";
import { useUserSearch } from "@/lib/client/use-user-search";
import { useUserFilters } from "@/lib/client/use-user-filters";
import type { UserFilters } from "@/lib/client/user-filters";
import { type OptionalUserColumn, columnVisibility } from "@/lib/client/user-columns";
import { type StatusAction, userCountsQuery, usersListQuery } from "@/lib/client/users-api";
import type { BulkRules } from "@/lib/jobs/config";
import type { UserDto, UserListPage } from "@/lib/offboarding/user-dto";
import { userColumns } from "./columns";
import { DataTable } from "./data-table";
import { IndexFreshness } from "./index-freshness";
import { rowActionFor } from "./row-action";
import { selectColumn } from "./select-column";
import { SelectionBar } from "./selection-bar";
import { StatusTabs, statusTabId } from "./status-tabs";
import { TablePagination } from "./table-pagination";
import { useClampPage } from "./use-clamp-page";
import { useSelectAllMatching } from "./use-select-all-matching";
import { toSelected, useSelection } from "./use-selection";
import { useStatusDialog } from "./use-status-dialog";
import { UserSearchInput } from "./user-search-input";
import { UsersEmpty } from "./users-empty";
import { UsersErrorBanner } from "./users-error-banner";
import { UsersStatusDialog, preloadStatusDialog as preloadDialog } from "./users-status-dialog";
import { UserTools } from "./tools/user-tools";

const PANEL_ID = "users-panel";

const NO_USERS: UserDto[] = [];

/** Both parsed by the same functions (lib/client), so their JSON is equal when the views are. */
const sameView = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Rows whose action the role may use: the ones a checkbox may select. Not an overridden
 * protection: that is decided for one person at a time, and bulk jobs refuse protected accounts.
 */
const selectableFor = (role: Role) => (user: UserDto) => {
  const action = rowActionFor(user, role);
  return action !== null && action.disabledReason === null && !action.override;
};

/** The users page's client side: URL state → queries → table, the selection and the confirm dialog. */
export function UsersTable({
  role,
  rules,
  columns: savedColumns,
  initial,
}: {
  role: Role;
  rules: BulkRules;
  columns: readonly OptionalUserColumn[];
  /** The rows the server read for the address the page opened at (page.tsx), if it could. */
  initial: { search: UserSearch; filters: UserFilters; page: UserListPage } | null;
}) {
  const t = useTranslations("users.table");
  const columnWords = useTranslations("users.table.columns");
  const toolWords = useTranslations("userTools.columns");
  const never = useTranslations("common")("never");
  const [search, updateSearch] = useUserSearch();
  const [filters, updateFilters] = useUserFilters();
  const [shownColumns, setShownColumns] = useState(savedColumns);
  // The server's rows serve the view they were read for, fresh as the page: no second request.
  const opened = initial !== null && sameView([search, filters], [initial.search, initial.filters]);
  const list = useQuery({ ...usersListQuery(search, filters), initialData: opened ? initial.page : undefined, refetchOnMount: !opened });
  const counts = useQuery(userCountsQuery(search.q, filters));
  useSignInOnUnauthenticated(list.error, counts.error);
  useClampPage(search, list.isPlaceholderData ? undefined : list.data, updateSearch);

  const bulk = can(role, "runBulkJobs");
  const selection = useSelection();
  const { selected, refresh, add, remove } = selection;
  const matching = useSelectAllMatching(selection, role);
  const { clearNote } = matching;
  const dialog = useStatusDialog({ onJobStarted: selection.clear });
  const { open: openDialog } = dialog;
  const rows = list.data?.users ?? NO_USERS;
  useEffect(() => refresh(rows), [rows, refresh]);

  const openAction = useCallback(
    (action: StatusAction, user: UserDto) => openDialog(action, [user], false, rowActionFor(user, role)?.override),
    [openDialog, role],
  );
  const isSelected = useCallback((user: UserDto) => selected.has(user.id), [selected]);
  const canSelect = useMemo(() => selectableFor(role), [role]);
  const toggle = useCallback(
    (users: UserDto[], on: boolean) => {
      preloadDialog();
      clearNote();
      if (on) add(users.map(toSelected));
      else remove(users.map((user) => user.id));
    },
    [add, remove, clearNote],
  );
  const columns = useMemo(() => {
    const more = { company: toolWords("company"), manager: toolWords("manager"), created: toolWords("created") };
    const base = userColumns({ role, status: search.status, onAction: openAction, onIntent: preloadDialog, t: columnWords, never, more });
    const words = { selectPage: t("selectPage"), selectRow: (name: string) => t("selectRow", { name }) };
    return bulk ? [selectColumn({ isSelected, canSelect, onToggle: toggle, words }), ...base] : base;
  }, [role, search.status, openAction, bulk, isSelected, canSelect, toggle, t, columnWords, toolWords, never]);

  const sorting: SortingState = [{ id: search.sort, desc: search.dir === "desc" }];
  // The React Compiler is not enabled; TanStack Table's instance is meant to be recreated per render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (user) => user.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    rowCount: list.data?.total ?? 0,
    state: { sorting, pagination: { pageIndex: search.page - 1, pageSize: search.pageSize }, columnVisibility: columnVisibility(shownColumns) },
    // The server always sorts by something: a header toggles asc ⇄ desc and never back to "unsorted".
    enableSortingRemoval: false,
    enableMultiSort: false,
    sortDescFirst: false,
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === "function" ? updater(sorting) : updater;
      const sort = USER_SORTS.find((key) => key === next?.id);
      if (next && sort) updateSearch({ sort, dir: next.desc ? "desc" : "asc" });
    },
  });

  function changeStatus(status: UserStatus) {
    // Nobody on the Active tab has a deactivation date to sort by.
    const resort = status === "active" && search.sort === "deactivated";
    updateSearch(resort ? { status, sort: "name", dir: "asc" } : { status });
  }

  const selectable = rows.filter(canSelect);
  const pageAllSelected = selectable.length > 0 && selectable.every(isSelected);
  const total = list.data?.total ?? 0;
  const failed = list.error && !list.data;
  return (
    <div className="space-y-4">
      {list.error ? (
        <UsersErrorBanner error={list.error} onRetry={() => void Promise.all([list.refetch(), counts.refetch()])} />
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <StatusTabs status={search.status} counts={counts.data} panelId={PANEL_ID} onChange={changeStatus} />
        <UserSearchInput value={search.q} onSearch={(q) => updateSearch({ q })} />
      </div>
      <UserTools search={search} filters={filters} onFilters={updateFilters} columns={shownColumns} onColumns={setShownColumns} />
      <IndexFreshness list={list.data} />
      <TabsPanel id={PANEL_ID} aria-labelledby={statusTabId(search.status)} className="space-y-3">
        {failed ? null : (
          <>
            <DataTable
              table={table}
              id="users-table"
              label={t("label")}
              loading={list.isPending}
              fetching={list.isPlaceholderData}
              skeletonRows={Math.min(search.pageSize, 10)}
              empty={<UsersEmpty search={search} />}
              isSelected={bulk ? isSelected : undefined}
            />
            <TablePagination
              page={search.page}
              pageSize={search.pageSize}
              total={list.data?.total}
              onPageChange={(page) => updateSearch({ page })}
              onPageSizeChange={(pageSize) => updateSearch({ pageSize })}
            />
          </>
        )}
      </TabsPanel>
      {bulk ? (
        <SelectionBar
          selected={selected}
          search={search}
          selectAllOffer={pageAllSelected && total > rows.length && !list.isPlaceholderData ? total : null}
          selectingAll={matching.pending}
          note={matching.note}
          onSelectAll={() => matching.selectAll(search, filters)}
          onDrop={selection.remove}
          onClear={() => {
            selection.clear();
            matching.clearNote();
          }}
          onAction={(action, people) => dialog.open(action, people, true)}
          cap={hasRole(role, "admin") ? null : rules.hardCap}
        />
      ) : null}
      <UsersStatusDialog dialog={dialog} role={role} rules={rules} />
    </div>
  );
}
