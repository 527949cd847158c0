import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { FILTER_KEYS, type UserFilters, appendFilterParams, parseUserFilters } from "./user-filters";

/**
 * The users page's filters, kept in the URL beside the search (see use-user-search.ts for why it
 * writes with `history.replaceState`). A change of filters starts again at page 1.
 */
export function useUserFilters(): [UserFilters, (change: Partial<UserFilters>) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => parseUserFilters(new URLSearchParams(searchParams.toString())), [searchParams]);

  const update = useCallback(
    (change: Partial<UserFilters>) => {
      const params = new URLSearchParams(window.location.search);
      const next = { ...parseUserFilters(params), ...change };
      for (const key of FILTER_KEYS) params.delete(key);
      params.delete("page");
      const query = appendFilterParams(params, next).toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );

  return [filters, update];
}
