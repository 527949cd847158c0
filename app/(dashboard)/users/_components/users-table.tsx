"use client";

import { useQuery } from "@tanstack/react-query";
import { type SortingState, type Updater, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { Suspense, lazy, useCallback, useMemo, useState } from "react";
import { notify } from "@/components/ui/sonner";
import { TabsPanel } from "@/components/ui/tabs";
import type { Role } from "@/lib/auth/roles";
import { goToSignIn, isUnauthenticated, useSignInOnUnauthenticated } from "@/lib/client/sign-in-redirect";
import { USER_SORTS, type UserStatus } from "@/lib/client/user-search";
import { useUserSearch } from "@/lib/client/use-user-search";
import { type StatusAction, type StatusChangeInput, userCountsQuery, usersListQuery } from "@/lib/client/users-api";
import type { UserDto } from "@/lib/offboarding/user-dto";
import { userColumns } from "./columns";
import { DataTable } from "./data-table";
import { statusActions } from "./status-actions";
import { StatusTabs, statusTabId } from "./status-tabs";
import { TablePagination } from "./table-pagination";
import { useClampPage } from "./use-clamp-page";
import { useStatusChange } from "./use-status-change";
import { UserSearchInput } from "./user-search-input";
import { UsersEmpty } from "./users-empty";
import { UsersErrorBanner } from "./users-error-banner";

const PANEL_ID = "users-panel";

// The dialog's code (Radix Dialog, focus trap, scroll lock) loads when a row action is hovered or
// focused, not with the page: most visits only look.
const loadDialog = () => import("./status-change-dialog");
const StatusChangeDialog = lazy(() => loadDialog().then((module) => ({ default: module.StatusChangeDialog })));
const preloadDialog = () => void loadDialog();
const NO_USERS: UserDto[] = [];

/** The users page's client side: URL state → queries → table, and the row actions' dialog. */
export function UsersTable({ role }: { role: Role }) {
  const [search, updateSearch] = useUserSearch();
  const list = useQuery(usersListQuery(search));
  const counts = useQuery(userCountsQuery(search.q));
  useSignInOnUnauthenticated(list.error, counts.error);
  useClampPage(search, list.isPlaceholderData ? undefined : list.data, updateSearch);

  const [target, setTarget] = useState<{ action: StatusAction; users: UserDto[] } | null>(null);
  // Once opened, the dialog stays mounted (closed) so that closing it can hand focus back.
  const [dialogMounted, setDialogMounted] = useState(false);
  const statusChange = useStatusChange();
  const openAction = useCallback((action: StatusAction, user: UserDto) => {
    setTarget({ action, users: [user] });
    setDialogMounted(true);
  }, []);
  const columns = useMemo(
    () => userColumns({ role, status: search.status, onAction: openAction, onIntent: preloadDialog }),
    [role, search.status, openAction],
  );

  const sorting: SortingState = [{ id: search.sort, desc: search.dir === "desc" }];
  // The React Compiler is not enabled; TanStack Table's instance is meant to be recreated per render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: list.data?.users ?? NO_USERS,
    columns,
    getRowId: (user) => user.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    rowCount: list.data?.total ?? 0,
    state: { sorting, pagination: { pageIndex: search.page - 1, pageSize: search.pageSize } },
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

  async function confirm(input: StatusChangeInput) {
    if (!target) return;
    const [user] = target.users;
    if (!user) return;
    try {
      await statusChange.mutateAsync({ user, action: target.action, input });
    } catch (error) {
      if (isUnauthenticated(error)) goToSignIn();
      throw error;
    }
    notify.success(statusActions[target.action].done(user.name));
    setTarget(null);
  }

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
      <TabsPanel id={PANEL_ID} aria-labelledby={statusTabId(search.status)} className="space-y-3">
        {failed ? null : (
          <>
            <DataTable
              table={table}
              label="Workfront users"
              loading={list.isPending}
              fetching={list.isPlaceholderData}
              skeletonRows={Math.min(search.pageSize, 10)}
              empty={<UsersEmpty search={search} />}
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
      {dialogMounted ? (
        <Suspense fallback={null}>
          <StatusChangeDialog
            action={target?.action ?? "deactivate"}
            users={target?.users ?? NO_USERS}
            open={target !== null}
            onOpenChange={(open) => (open ? undefined : setTarget(null))}
            onConfirm={confirm}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
