import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type StatusAction, type StatusChangeInput, postStatusChange, userKeys } from "@/lib/client/users-api";
import type { Person } from "@/lib/client/people";
import type { UserListPage } from "@/lib/offboarding/user-dto";

interface StatusChangeVariables {
  user: Person;
  action: StatusAction;
  input: StatusChangeInput;
}

/**
 * Deactivates or reactivates one user. Not optimistic: the dialog stays open with a pending
 * button until Workfront has answered, because a row that flips and flips back would show a
 * state that never existed. The answer's user then replaces the row in every cached page at once.
 */
export function useStatusChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, action, input }: StatusChangeVariables) => postStatusChange(user.id, action, input),
    onSuccess: ({ user }) => {
      queryClient.setQueriesData<UserListPage>({ queryKey: userKeys.lists() }, (page) =>
        page ? { ...page, users: page.users.map((row) => (row.id === user.id ? user : row)) } : page,
      );
      // Lists are only marked stale: refetching the visible one now would pull the changed row out
      // from under the person (and their keyboard focus). The next tab, page or search reloads.
      void queryClient.invalidateQueries({ queryKey: userKeys.lists(), refetchType: "none" });
      void queryClient.invalidateQueries({ queryKey: userKeys.counts() });
    },
  });
}
