import { useMutation } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { type Role, can } from "@/lib/auth/roles";
import { resolveSelection } from "@/lib/client/bulk-api";
import { NO_FILTERS, type UserFilters, filtersBody } from "@/lib/client/user-filters";
import type { UserSearch } from "@/lib/client/user-search";
import type { Selection } from "./use-selection";

/** What the last "select all" came to; the selection bar words it. */
export type SelectAllNote =
  | { kind: "tooMany"; total: number; limit: number }
  | { kind: "allSelected"; count: number; adminsLeftOut: number }
  | { kind: "failed"; error: unknown };

/**
 * "Select all N matching this filter": the server resolves the filter to everyone it matches
 * (paging through Workfront), and they join the selection. System Administrators are left out
 * for a role that may not deactivate them, as their row checkboxes are.
 */
export function useSelectAllMatching(selection: Selection, role: Role) {
  const [note, setNote] = useState<SelectAllNote | null>(null);
  const clearNote = useCallback(() => setNote(null), []);
  const { add, fromResolved } = selection;
  const mutation = useMutation({
    mutationFn: ({ search, filters }: { search: Pick<UserSearch, "q" | "status">; filters: UserFilters }) =>
      resolveSelection({ q: search.q, status: search.status, ...filtersBody(filters) }),
    onSuccess: (answer) => {
      if (!answer.complete) {
        setNote({ kind: "tooMany", total: answer.total, limit: answer.limit });
        return;
      }
      const mayDeactivateAdmins = can(role, "deactivateAdmins");
      const chosen = answer.users.filter((user) => mayDeactivateAdmins || !(user.isAdmin && user.isActive));
      add(chosen.map(fromResolved));
      setNote({ kind: "allSelected", count: chosen.length, adminsLeftOut: answer.users.length - chosen.length });
    },
    onError: (error) => setNote({ kind: "failed", error }),
  });
  return {
    /** With the page's filters: "all matching" means what the list shows, filters and all. */
    selectAll: (search: Pick<UserSearch, "q" | "status">, filters: UserFilters = NO_FILTERS) => {
      setNote(null);
      mutation.mutate({ search, filters });
    },
    pending: mutation.isPending,
    note,
    clearNote,
  };
}
