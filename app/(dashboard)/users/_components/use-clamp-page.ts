import { useEffect } from "react";
import type { UserSearch } from "@/lib/client/user-search";
import type { UserListPage } from "@/lib/offboarding/user-dto";

/**
 * A shared link or a narrower search can point past the last page; rather than an empty table,
 * go to the last page that has rows.
 */
export function useClampPage(search: UserSearch, data: UserListPage | undefined, update: (change: Partial<UserSearch>) => void) {
  const lastPage = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : null;
  useEffect(() => {
    if (lastPage !== null && search.page > lastPage) update({ page: lastPage });
  }, [lastPage, search.page, update]);
}
