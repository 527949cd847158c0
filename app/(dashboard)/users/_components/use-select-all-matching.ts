import { useMutation } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { type Role, can } from "@/lib/auth/roles";
import { resolveSelection } from "@/lib/client/bulk-api";
import type { UserSearch } from "@/lib/client/user-search";
import type { Selection } from "./use-selection";

/**
 * "Select all N matching this filter": the server resolves the filter to everyone it matches
 * (paging through Workfront), and they join the selection. System Administrators are left out
 * for a role that may not deactivate them, as their row checkboxes are.
 */
export function useSelectAllMatching(selection: Selection, role: Role) {
  const [note, setNote] = useState<string | null>(null);
  const clearNote = useCallback(() => setNote(null), []);
  const { add, fromResolved } = selection;
  const mutation = useMutation({
    mutationFn: (search: Pick<UserSearch, "q" | "status">) => resolveSelection({ q: search.q, status: search.status }),
    onSuccess: (answer) => {
      if (!answer.complete) {
        setNote(`${answer.total.toLocaleString("en")} people match: more than ${answer.limit.toLocaleString("en")} at once cannot be selected. Narrow the search.`);
        return;
      }
      const mayDeactivateAdmins = can(role, "deactivateAdmins");
      const chosen = answer.users.filter((user) => mayDeactivateAdmins || !(user.isAdmin && user.isActive));
      add(chosen.map(fromResolved));
      const left = answer.users.length - chosen.length;
      setNote(
        `All ${chosen.length.toLocaleString("en")} matching people are selected.` +
          (left > 0 ? ` ${left.toLocaleString("en")} System Administrator(s) left out: only the admin role may deactivate them.` : ""),
      );
    },
    onError: (error) => setNote(`Could not select everyone: ${error.message}`),
  });
  return {
    selectAll: (search: Pick<UserSearch, "q" | "status">) => {
      setNote(null);
      mutation.mutate(search);
    },
    pending: mutation.isPending,
    note,
    clearNote,
  };
}
